package dev.usagekit.emulator.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class BucketGridProperties {

    record Q(Instant start, Instant end, Duration granularity, int offsetSeconds) implements TimeQuery {
    }

    @Property
    void bucketsAlignToTheOffsetAndCoverTheRange(@ForAll @LongRange(min = 0, max = 2_000_000_000L) long start,
            @ForAll @IntRange(min = 1, max = 40 * 86400) int span, @ForAll @IntRange(min = 0, max = 2) int g,
            @ForAll @IntRange(min = -(23 * 60 + 59), max = 23 * 60 + 59) int offsetMinutes) {
        Duration granularity = Duration.ofSeconds(new long[] {300, 3600, 86400}[g]);
        int offset = offsetMinutes * 60; // any RFC 3339 offset, beyond a ZoneOffset's ±18:00 and whole quarters
        Q q = new Q(Instant.ofEpochSecond(start), Instant.ofEpochSecond(start + span), granularity, offset);
        BucketGrid grid = BucketGrid.of(q, Instant.ofEpochSecond(4_000_000_000L), Duration.ZERO);
        long first = grid.startSecond(0);
        assertThat(Math.floorMod(first + offset, granularity.getSeconds())).isZero();
        assertThat(first).isLessThanOrEqualTo(start).isGreaterThan(start - granularity.getSeconds());
        assertThat(grid.startSecond(grid.count() - 1)).isLessThan(start + span);
        assertThat(grid.startSecond(grid.count() - 1) + granularity.getSeconds()).isGreaterThanOrEqualTo(start + span);
        assertThat(grid.served()).isEqualTo(grid.count());
    }

    /**
     * RFC 3339 allows a fraction of a second, and the time rules compare the exact instants: an end a fraction past a
     * bucket's start still covers part of that bucket, which is then served whole like any partly covered bucket.
     */
    @Property
    void anEndWithAFractionOfASecondStillCoversItsBucket(
            @ForAll @LongRange(min = 0, max = 2_000_000_000L) long start,
            @ForAll @IntRange(min = 0, max = 40 * 86400) int wholeSeconds,
            @ForAll @IntRange(min = 1, max = 999_999_999) int nanos, @ForAll @IntRange(min = 0, max = 2) int g) {
        Duration granularity = Duration.ofSeconds(new long[] {300, 3600, 86400}[g]);
        Instant end = Instant.ofEpochSecond(start + wholeSeconds, nanos);
        Q q = new Q(Instant.ofEpochSecond(start), end, granularity, 0);
        BucketGrid grid = BucketGrid.of(q, Instant.ofEpochSecond(4_000_000_000L), Duration.ZERO);
        assertThat(grid.count()).isPositive();
        Instant lastStart = grid.start(grid.count() - 1);
        assertThat(lastStart).isBefore(end);
        assertThat(lastStart.plus(granularity)).isAfterOrEqualTo(end);
    }

    @Property
    void onlyBucketsEndedBeforeNowMinusDelayAreServed(@ForAll @LongRange(min = 0, max = 100_000) long nowOffset,
            @ForAll @IntRange(min = 0, max = 7200) int delay) {
        long start = 1_700_000_100L - 1_700_000_100L % 300;
        Q q = new Q(Instant.ofEpochSecond(start), Instant.ofEpochSecond(start + 86400), Duration.ofSeconds(300), 0);
        Instant now = Instant.ofEpochSecond(start + nowOffset);
        BucketGrid grid = BucketGrid.of(q, now, Duration.ofSeconds(delay));
        for (int i = 0; i < grid.count(); i++) {
            boolean ended = grid.startSecond(i) + 300 <= now.getEpochSecond() - delay;
            assertThat(i < grid.served()).isEqualTo(ended);
        }
    }
}
