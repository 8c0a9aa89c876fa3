package dev.usagekit.emulator.core;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The documented limits of one action, as its vendor page states them: the single place where those numbers live.
 *
 * @param maxSpanByGranularity longest single query per supported granularity (the key set is the supported set)
 * @param defaultGranularity granularity when the request names none
 */
public record ActionSpec(
        Vendor vendor,
        String action,
        String version,
        String service,
        RateLimit rateLimit,
        Duration history,
        Map<Duration, Duration> maxSpanByGranularity,
        Duration defaultGranularity,
        Duration dataDelay) {

    public ActionSpec {
        maxSpanByGranularity = Map.copyOf(new TreeMap<>(maxSpanByGranularity));
        if (!maxSpanByGranularity.containsKey(defaultGranularity)) {
            throw new IllegalArgumentException("default granularity must be a supported one");
        }
    }

    public Set<Duration> granularities() {
        return maxSpanByGranularity.keySet();
    }

    public Duration maxSpan(Duration granularity) {
        return maxSpanByGranularity.get(granularity);
    }

    /** Unique key of the action on the wire. */
    public String key() {
        return vendor + ":" + action + ":" + version;
    }
}
