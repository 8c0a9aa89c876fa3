package dev.usagekit.emulator.usage;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deterministic synthetic usage: every value is a pure function of (seed, account, entity, slot). No state is
 * stored, so any range can be asked for in any order and always gives the same numbers.
 */
public final class UsageModel {

    /** Most series kept; past this the memo starts over, so entities nobody asks for again cannot pile up. */
    private static final int MAX_KEPT_SERIES = 4096;

    private record SeriesKey(long key, double scale, int offsetSeconds, List<Anomaly> anomalies) {
    }

    private final long seed;
    /**
     * Series already made. A series is a pure function of its key and derives its daily curve (288 cosines) when made,
     * so making it once per entity instead of once per call changes no value, only the work per call.
     */
    private final Map<SeriesKey, Series> made = new ConcurrentHashMap<>();

    public UsageModel(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** The series of one entity (e.g. kind "group", id "group001") of one account. */
    public Series series(String accountId, String kind, String entityId, double scale, ZoneOffset localOffset) {
        return series(accountId, kind, entityId, scale, localOffset, List.of());
    }

    /** The series of one entity whose usage the catalogue changes in stretches of time ({@link Anomaly}). */
    public Series series(String accountId, String kind, String entityId, double scale, ZoneOffset localOffset,
            List<Anomaly> anomalies) {
        long key = Hashing.combine(Hashing.combine(Hashing.combine(seed, Hashing.of(accountId)),
                Hashing.of(kind)), Hashing.of(entityId));
        SeriesKey id = new SeriesKey(key, scale, localOffset.getTotalSeconds(), anomalies);
        Series series = made.get(id);
        if (series == null) {
            if (made.size() >= MAX_KEPT_SERIES) {
                made.clear();
            }
            series = new Series(key, scale, localOffset, anomalies);
            made.put(id, series);
        }
        return series;
    }
}
