package dev.usagekit.emulator.conformance;

import dev.usagekit.emulator.it.TestEmulator;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * One action's documented query window (README, "What each action enforces"), written down here apart from the
 * action classes so that a change on either side fails the conformance suite. Generates time ranges relative to the
 * test emulator's frozen clock: legal ones, and ones that break exactly one window rule.
 */
record WindowRules(Duration history, Map<Integer, Duration> maxSpanByGranularity, Duration dataDelay) {

    static final Instant NOW = TestEmulator.NOW;

    static final WindowRules RTC = new WindowRules(Duration.ofDays(30), Map.of(86400, Duration.ofDays(7)),
            Duration.ofHours(8));
    static final WindowRules PULL_TO_PUSH = new WindowRules(Duration.ofDays(366),
            Map.of(300, Duration.ofDays(31), 3600, Duration.ofDays(93), 86400, Duration.ofDays(93)),
            Duration.ofMinutes(15));
    static final WindowRules TRANSCODE = new WindowRules(Duration.ofDays(366), Map.of(86400, Duration.ofDays(93)),
            Duration.ofMinutes(20));
    static final WindowRules PRODUCER = new WindowRules(Duration.ofDays(90),
            Map.of(3600, Duration.ofDays(31), 86400, Duration.ofDays(31)), Duration.ofHours(1));

    private static final long DAY = 86400;

    Duration maxSpan(int granularitySeconds) {
        return maxSpanByGranularity.get(granularitySeconds);
    }

    /** Offsets a client may send (Aliyun ranges ignore them: its times are UTC). */
    static Arbitrary<ZoneOffset> offsets() {
        return Arbitraries.of(ZoneOffset.UTC, ZoneOffset.ofHours(8), ZoneOffset.ofHours(-5), ZoneOffset.ofHours(14),
                ZoneOffset.ofHoursMinutes(5, 30), ZoneOffset.ofHoursMinutes(-9, -30));
    }

    /**
     * Legal ranges: end after start, span up to the maximum (mostly short ones, so bodies stay small, but also the
     * maximum itself), start no earlier than now − history, end no later than now.
     */
    Arbitrary<TimeRange> valid(int granularitySeconds) {
        long maxSpan = maxSpan(granularitySeconds).getSeconds();
        Arbitrary<Long> spans = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.longs().between(1, Math.min(maxSpan, 2 * DAY))),
                net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(1, maxSpan)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(maxSpan)));
        return spans.flatMap(span -> Combinators.combine(endsBack(span), offsets())
                .as((back, offset) -> {
                    Instant end = NOW.minusSeconds(back);
                    return new TimeRange(end.minusSeconds(span), end, offset);
                }));
    }

    /**
     * How far before now a legal range of that span ends: anywhere in the history window alike, and one time in four
     * within the last day, where the data delay withholds buckets. jqwik's default leans to the small end, which put
     * three ranges in four inside the last day, and most answers checked no data at all.
     */
    private Arbitrary<Long> endsBack(long span) {
        long latest = history.getSeconds() - span;
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(0, latest)
                        .withDistribution(net.jqwik.api.RandomDistribution.uniform())),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(0, Math.min(latest, DAY))));
    }

    /** End at or before start; the start itself is legal. */
    Arbitrary<TimeRange> endNotAfterStart(int granularitySeconds) {
        return Combinators.combine(valid(granularitySeconds), Arbitraries.longs().between(0, DAY))
                .as((r, before) -> new TimeRange(r.start(), r.start().minusSeconds(before), r.offset()));
    }

    /** A span over the maximum for the granularity, with the start inside the history window. */
    Arbitrary<TimeRange> spanOverMaximum(int granularitySeconds) {
        long maxSpan = maxSpan(granularitySeconds).getSeconds();
        return Arbitraries.longs().between(maxSpan + 1, maxSpan + 2 * DAY).flatMap(span -> Combinators.combine(
                        Arbitraries.longs().between(0, history.getSeconds() - span), offsets())
                .as((back, offset) -> {
                    Instant end = NOW.minusSeconds(back);
                    return new TimeRange(end.minusSeconds(span), end, offset);
                }));
    }

    /** A start before now − history, with a legal span. */
    Arbitrary<TimeRange> startBeforeHistory(int granularitySeconds) {
        long maxSpan = maxSpan(granularitySeconds).getSeconds();
        return Combinators.combine(Arbitraries.longs().between(1, 30 * DAY), Arbitraries.longs().between(1, maxSpan),
                offsets()).as((tooOld, span, offset) -> {
                    Instant start = NOW.minus(history).minusSeconds(tooOld);
                    return new TimeRange(start, start.plusSeconds(span), offset);
                });
    }
}
