package dev.usagekit.emulator.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Anomalies from the catalogue: which slots they change, by how much, the same in every form of the series. */
class AnomalyProperties {

    private static final long FIRST_SLOT = 5_000_000L; // 2017-07-14, slot-aligned
    private static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);

    private static Series series(long seed, List<Anomaly> anomalies) {
        return new UsageModel(seed).series("acct", "group", "g1", 1.3, OFFSET, anomalies);
    }

    /** What the catalogue promises: the plain value times each factor whose [from, to) holds the slot's start. */
    private static double expected(double plain, long slotStart, List<Anomaly> anomalies) {
        double value = plain;
        for (Anomaly a : anomalies) {
            if (slotStart >= a.from().getEpochSecond() && slotStart < a.to().getEpochSecond()) {
                value *= a.factor();
            }
        }
        return value;
    }

    @Provide
    Arbitrary<Anomaly> anomaliesNearTheRun() {
        long base = FIRST_SLOT * Series.SLOT_SECONDS;
        Arbitrary<Long> from = Arbitraries.longs().between(base - 100_000, base + 900_000);
        Arbitrary<Long> length = Arbitraries.longs().between(1, 400_000);
        Arbitrary<Double> factor = Arbitraries.oneOf(Arbitraries.just(0.0),
                Arbitraries.doubles().between(0, 10).ofScale(2));
        return Combinators.combine(from, length, factor).as((f, l, x) ->
                new Anomaly(Instant.ofEpochSecond(f), Instant.ofEpochSecond(f + l), x));
    }

    @Property(tries = 300)
    void eachSlotIsThePlainValueTimesTheFactorsItStartsIn(@ForAll long seed,
            @ForAll @Size(max = 3) List<@net.jqwik.api.From("anomaliesNearTheRun") Anomaly> anomalies,
            @ForAll @IntRange(max = 3000) int count, @ForAll @IntRange(max = Series.SLOT_SECONDS - 1) int shift) {
        Series plain = series(seed, List.of());
        Series changed = series(seed, anomalies);
        long first = FIRST_SLOT * Series.SLOT_SECONDS + shift;
        double[] run = new double[count];
        changed.activities(first, run);
        for (int i = 0; i < count; i++) {
            long t = first + (long) i * Series.SLOT_SECONDS;
            double want = expected(plain.activity(t), t, anomalies);
            assertThat(changed.activity(t)).as("slot %d alone", i).isEqualTo(want);
            assertThat(run[i]).as("slot %d in a run", i).isEqualTo(want);
        }
    }

    /** An Aliyun producer hour is multiplied by the factor at its middle, spikes too: its minutes are not capped. */
    @Property(tries = 300)
    void aProducerHourIsMultipliedByTheFactorAtItsMiddle(@ForAll long seed,
            @ForAll @IntRange(min = 0, max = 2000) int hour, @ForAll @IntRange(min = 0, max = 1000) int factor) {
        long hourStart = FIRST_SLOT * Series.SLOT_SECONDS / 3600 * 3600 + hour * 3600L;
        Anomaly whole = new Anomaly(Instant.ofEpochSecond(hourStart), Instant.ofEpochSecond(hourStart + 3600), factor);
        ProducerMetric.Minutes plain = ProducerMetric.hour(series(seed, List.of()), hourStart);
        ProducerMetric.Minutes changed = ProducerMetric.hour(series(seed, List.of(whole)), hourStart);
        long plainTotal = plain.outputHd() + plain.outputLd() + plain.outputSd();
        long changedTotal = changed.outputHd() + changed.outputLd() + changed.outputSd();
        // each of the three resolutions is rounded to whole minutes, before and after the factor
        assertThat((double) changedTotal).isCloseTo((double) plainTotal * factor,
                org.assertj.core.data.Offset.offset(1.5 * factor + 1.5));
    }

    /** Stacked spikes on the largest instance stop at a bound: the sums of a query's hours cannot wrap around. */
    @Property(tries = 50)
    void stackedSpikesOnAProducerHourStayBounded(@ForAll long seed, @ForAll @IntRange(min = 0, max = 2000) int hour) {
        long hourStart = FIRST_SLOT * Series.SLOT_SECONDS / 3600 * 3600 + hour * 3600L;
        Anomaly spike = new Anomaly(Instant.ofEpochSecond(hourStart), Instant.ofEpochSecond(hourStart + 3600), 1000);
        Series stacked = new UsageModel(seed).series("acct", "group", "g1", 1000, OFFSET,
                List.of(spike, spike, spike, spike, spike));
        ProducerMetric.Minutes m = ProducerMetric.hour(stacked, hourStart);
        long total = m.outputHd() + m.outputLd() + m.outputSd();
        assertThat(total).isBetween(0L, (long) ProducerMetric.MAX_MINUTES_PER_HOUR + 2);
        assertThat(Math.multiplyExact(total, 100L * 31 * 24)).as("100 instances, 31 days").isNotNegative();
    }

    /** A day's value is of its 24 hours: the same hours in any offset give it, and another day's hours do not. */
    @Property(tries = 200)
    void aDayIsAFunctionOfItsInstantsNotOfItsDate(@ForAll long seed,
            @ForAll @LongRange(min = 17_000, max = 21_000) long localDay,
            @ForAll @IntRange(min = -12 * 4, max = 14 * 4) int offsetInQuarterHours,
            @ForAll @IntRange(min = -12 * 4, max = 14 * 4) int otherOffsetInQuarterHours) {
        long dayStart = localDay * 86400 - offsetInQuarterHours * 900L;
        Series app = series(seed, List.of());
        assertThat(app.dayActivity(dayStart)).isEqualTo(series(seed, List.of()).dayActivity(dayStart));
        long sameDateElsewhere = localDay * 86400 - otherOffsetInQuarterHours * 900L;
        if (sameDateElsewhere != dayStart && app.dayActivity(dayStart) > 0) {
            assertThat(app.dayActivity(sameDateElsewhere)).isNotEqualTo(app.dayActivity(dayStart));
        }
    }

    @Property(tries = 200)
    void aDayIsAsBusyAsTheShareOfItsSlotsTheAnomaliesLeave(@ForAll long seed,
            @ForAll @LongRange(min = 17_000, max = 21_000) long localDay,
            @ForAll @IntRange(min = 0, max = 288) int outSlots,
            @ForAll @IntRange(min = -12 * 4, max = 14 * 4) int askedInQuarterHours) {
        // the day as asked for, in an offset that need not be the account's
        long dayStart = localDay * 86400 - askedInQuarterHours * 900L;
        List<Anomaly> outage = outSlots == 0 ? List.of() : List.of(new Anomaly(Instant.ofEpochSecond(dayStart),
                Instant.ofEpochSecond(dayStart + outSlots * (long) Series.SLOT_SECONDS), 0));
        double plain = series(seed, List.of()).dayActivity(dayStart);
        assertThat(series(seed, outage).dayActivity(dayStart))
                .isCloseTo(plain * (288 - outSlots) / 288.0, org.assertj.core.data.Offset.offset(1e-12));
    }

    /** An anomaly changes its own stretch only: the slots before and after it keep their values. */
    @Property(tries = 100)
    void slotsOutsideAnAnomalyKeepTheirValues(@ForAll long seed, @ForAll @IntRange(max = 100_000) int slot,
            @ForAll @IntRange(min = 1, max = 2_000) int gapSlots, @ForAll boolean anomalyBefore,
            @ForAll @DoubleRange(min = 0, max = 1000) double factor) {
        long t = (FIRST_SLOT + slot) * Series.SLOT_SECONDS;
        long gap = gapSlots * (long) Series.SLOT_SECONDS;
        Anomaly elsewhere = anomalyBefore
                ? new Anomaly(Instant.ofEpochSecond(t - gap - 86_400), Instant.ofEpochSecond(t - gap + 1), factor)
                : new Anomaly(Instant.ofEpochSecond(t + Series.SLOT_SECONDS + gap - 1),
                        Instant.ofEpochSecond(t + gap + 86_400), factor);
        Series withAnomaly = new UsageModel(seed).series("acct", "group", "g1", 1.3, OFFSET, List.of(elsewhere));
        Series without = new UsageModel(seed).series("acct", "group", "g1", 1.3, OFFSET);
        assertThat(withAnomaly.activity(t)).isEqualTo(without.activity(t));
        long inside = anomalyBefore ? t - gap - Series.SLOT_SECONDS : t + gap + Series.SLOT_SECONDS;
        assertThat(withAnomaly.activity(inside)).isCloseTo(without.activity(inside) * factor,
                org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, factor)));
    }

    @Test
    void anAnomalyNeedsAnOrderedRangeAndAFactorFrom0To1000() {
        Instant t = Instant.parse("2026-11-20T00:00:00Z");
        assertThatThrownBy(() -> new Anomaly(t, t, 0)).hasMessageContaining("from must be before its to");
        assertThatThrownBy(() -> new Anomaly(null, t, 0)).hasMessageContaining("from is required");
        assertThatThrownBy(() -> new Anomaly(t, t.plusSeconds(1), -1)).hasMessageContaining("between 0 and 1000");
        assertThatThrownBy(() -> new Anomaly(t, t.plusSeconds(1), Double.NaN)).hasMessageContaining("between 0 and 1000");
        assertThatThrownBy(() -> new Anomaly(t, t.plusSeconds(1), 1000.5)).hasMessageContaining("between 0 and 1000");
        assertThat(new Anomaly(t, t.plusSeconds(1), 1000).factor()).isEqualTo(1000);
    }
}
