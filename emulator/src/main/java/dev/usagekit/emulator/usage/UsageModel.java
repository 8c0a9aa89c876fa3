package dev.usagekit.emulator.usage;

import java.time.ZoneOffset;

/**
 * Deterministic synthetic usage: every value is a pure function of (seed, account, entity, slot). No state is
 * stored, so any range can be asked for in any order and always gives the same numbers.
 */
public final class UsageModel {

    private final long seed;

    public UsageModel(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** The series of one entity (e.g. kind "group", id "group001") of one account. */
    public Series series(String accountId, String kind, String entityId, double scale, ZoneOffset localOffset) {
        long key = Hashing.combine(Hashing.combine(Hashing.combine(seed, Hashing.of(accountId)),
                Hashing.of(kind)), Hashing.of(entityId));
        return new Series(key, scale, localOffset);
    }
}
