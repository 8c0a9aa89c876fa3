package dev.usagekit.emulator.conformance;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** A query window as a client writes it: two instants and the offset it writes them in. */
record TimeRange(Instant start, Instant end, ZoneOffset offset) {

    static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    static final DateTimeFormatter UTC_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    String startRfc3339() {
        return RFC3339.format(start.atOffset(offset));
    }

    String endRfc3339() {
        return RFC3339.format(end.atOffset(offset));
    }

    /**
     * The bucket starts the README promises for this window: aligned down to the granularity in the request's
     * offset, up to the end, and only buckets that have ended by now − data delay.
     */
    List<Instant> servedBuckets(long granularitySeconds, Instant now, Duration dataDelay) {
        long local = start.getEpochSecond() + offset.getTotalSeconds();
        Instant first = Instant.ofEpochSecond(local - Math.floorMod(local, granularitySeconds)
                - offset.getTotalSeconds());
        Instant servedUntil = now.minus(dataDelay);
        List<Instant> buckets = new ArrayList<>();
        for (Instant b = first; b.isBefore(end); b = b.plusSeconds(granularitySeconds)) {
            if (!b.plusSeconds(granularitySeconds).isAfter(servedUntil)) {
                buckets.add(b);
            }
        }
        return buckets;
    }

    /** The same bucket starts as the Volcengine wire writes them, in the request's offset. */
    List<String> servedBucketsRfc3339(long granularitySeconds, Instant now, Duration dataDelay) {
        return servedBuckets(granularitySeconds, now, dataDelay).stream()
                .map(b -> RFC3339.format(b.atOffset(offset))).toList();
    }
}
