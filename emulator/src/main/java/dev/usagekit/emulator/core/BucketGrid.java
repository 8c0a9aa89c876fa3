package dev.usagekit.emulator.core;

import java.time.Duration;
import java.time.Instant;

/**
 * The buckets a query covers: aligned down to a multiple of the granularity in the query's offset (so days start at
 * local midnight), up to the end of the range. Only the leading {@code served} buckets have ended before
 * now − data delay; the rest are withheld, as the clouds do while data is still arriving.
 */
public record BucketGrid(Instant first, int count, int served, Duration granularity, int offsetSeconds,
        Instant servedUntil) {

    public static BucketGrid of(TimeQuery query, Instant now, Duration dataDelay) {
        long g = query.granularity().getSeconds();
        long off = query.offsetSeconds();
        long start = Math.floorDiv(query.start().getEpochSecond() + off, g) * g - off;
        // the first whole second at or after the end: an end a fraction into a bucket still covers part of it
        long end = query.end().getEpochSecond() + (query.end().getNano() > 0 ? 1 : 0);
        int count = end <= start ? 0 : (int) Math.min(Integer.MAX_VALUE, (end - start + g - 1) / g);
        Instant servedUntil = now.minus(dataDelay);
        long servedEnd = servedUntil.getEpochSecond();
        int served = servedEnd < start + g ? 0 : (int) Math.min(count, (servedEnd - start) / g);
        return new BucketGrid(Instant.ofEpochSecond(start), count, served, query.granularity(), query.offsetSeconds(),
                servedUntil);
    }

    public long startSecond(int index) {
        return first.getEpochSecond() + index * granularity.getSeconds();
    }

    public Instant start(int index) {
        return Instant.ofEpochSecond(startSecond(index));
    }

    public int withheld() {
        return count - served;
    }
}
