package dev.usagekit.emulator.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Late-arriving data: which slots fall short, by how much, and that they only ever grow as the clock moves on. */
class SettlingProperties {

    private static final long FIRST_SLOT = 5_000_000L; // 2017-07-14, slot-aligned
    private static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);
    private static final List<Anomaly> SPIKE = List.of(new Anomaly(Instant.ofEpochSecond(FIRST_SLOT * 300 + 3600),
            Instant.ofEpochSecond(FIRST_SLOT * 300 + 7200), 3));

    private static Series whole(long seed) {
        return new UsageModel(seed).series("acct", "group", "g1", 1.3, OFFSET, SPIKE);
    }

    /** What the catalogue promises: the whole value, times firstShare at release, rising linearly to 1 over period. */
    private static double expected(double whole, long slotEnd, long servedUntil, Settling settling) {
        double age = servedUntil - slotEnd;
        double period = settling.period().getSeconds();
        double share = age >= period ? 1 : Math.max(0, age) / period * (1 - settling.firstShare())
                + settling.firstShare();
        return whole * share;
    }

    @Property(tries = 300)
    void eachSlotIsItsWholeValueTimesTheShareArrived(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 200_000) int periodSeconds,
            @ForAll @DoubleRange(min = 0, max = 1) double firstShare,
            @ForAll @IntRange(max = 3000) int count, @ForAll @IntRange(max = Series.SLOT_SECONDS - 1) int shift,
            @ForAll @IntRange(min = -100_000, max = 1_000_000) int servedAfterFirst) {
        Settling settling = new Settling(Duration.ofSeconds(periodSeconds), firstShare);
        long first = FIRST_SLOT * Series.SLOT_SECONDS + shift;
        long servedUntil = first + servedAfterFirst;
        Series whole = whole(seed);
        Series served = whole.asServed(Instant.ofEpochSecond(servedUntil), settling);
        double[] run = new double[count];
        served.activities(first, run);
        for (int i = 0; i < count; i++) {
            long t = first + (long) i * Series.SLOT_SECONDS;
            double want = expected(whole.activity(t), t + Series.SLOT_SECONDS, servedUntil, settling);
            assertThat(served.activity(t)).as("slot %d alone", i).isCloseTo(want, Offset.offset(1e-12));
            assertThat(run[i]).as("slot %d in a run", i).isEqualTo(served.activity(t));
        }
    }

    @Property(tries = 200)
    void slotsThatEndedAPeriodBeforeTheServedEndAreWhole(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 100_000) int periodSeconds,
            @ForAll @IntRange(max = 2000) int slot) {
        Settling settling = new Settling(Duration.ofSeconds(periodSeconds), 0);
        long slotStart = (FIRST_SLOT + slot) * Series.SLOT_SECONDS;
        Instant servedUntil = Instant.ofEpochSecond(slotStart + Series.SLOT_SECONDS + periodSeconds);
        assertThat(whole(seed).asServed(servedUntil, settling).activity(slotStart))
                .isEqualTo(whole(seed).activity(slotStart));
    }

    @Property(tries = 200)
    void aSlotOnlyGrowsAsTheClockMovesOn(@ForAll long seed, @ForAll @IntRange(max = 2000) int slot,
            @ForAll @LongRange(min = -1000, max = 50_000) long earlier, @ForAll @LongRange(max = 50_000) long later,
            @ForAll @DoubleRange(min = 0, max = 1) double firstShare) {
        Settling settling = new Settling(Duration.ofHours(6), firstShare);
        long slotStart = (FIRST_SLOT + slot) * Series.SLOT_SECONDS;
        long slotEnd = slotStart + Series.SLOT_SECONDS;
        double before = whole(seed).asServed(Instant.ofEpochSecond(slotEnd + earlier), settling).activity(slotStart);
        double after = whole(seed).asServed(Instant.ofEpochSecond(slotEnd + earlier + later), settling)
                .activity(slotStart);
        assertThat(after).isGreaterThanOrEqualTo(before);
    }

    @Property(tries = 100)
    void aSlotJustLetOutShowsTheFirstShare(@ForAll long seed, @ForAll @IntRange(max = 2000) int slot,
            @ForAll @DoubleRange(min = 0, max = 1) double firstShare) {
        long slotStart = (FIRST_SLOT + slot) * Series.SLOT_SECONDS;
        Series served = whole(seed).asServed(Instant.ofEpochSecond(slotStart + Series.SLOT_SECONDS),
                new Settling(Duration.ofHours(2), firstShare));
        assertThat(served.activity(slotStart)).isEqualTo(whole(seed).activity(slotStart) * firstShare);
    }

    @Property(tries = 100)
    void aDayIsAsBusyAsTheMeanShareOfItsSlots(@ForAll long seed,
            @ForAll @LongRange(min = 17_000, max = 21_000) long localDay,
            @ForAll @IntRange(min = 0, max = 2 * 86400) int servedAfterDayEnd) {
        long dayStart = localDay * 86400 - OFFSET.getTotalSeconds();
        long servedUntil = dayStart + 86400 + servedAfterDayEnd;
        Settling settling = new Settling(Duration.ofDays(1), 0.25);
        Series plain = new UsageModel(seed).series("acct", "app", "a1", 1.0, OFFSET, List.of());
        double meanShare = 0;
        for (int slot = 0; slot < 288; slot++) {
            long slotEnd = dayStart + (slot + 1L) * Series.SLOT_SECONDS;
            meanShare += expected(1, slotEnd, servedUntil, settling) / 288;
        }
        assertThat(plain.asServed(Instant.ofEpochSecond(servedUntil), settling).dayActivity(dayStart))
                .isCloseTo(plain.dayActivity(dayStart) * meanShare, Offset.offset(1e-12));
    }

    @Test
    void withoutSettlingASeriesIsServedAsItIs() {
        Series whole = whole(7);
        assertThat(whole.asServed(Instant.EPOCH, null)).isSameAs(whole);
    }

    @Test
    void aSettlingNeedsAPeriodFromOneSecondTo31DaysAndAShareFrom0To1() {
        assertThatThrownBy(() -> new Settling(Duration.ZERO, 0.5)).hasMessageContaining("from 1 second to 31 days");
        assertThatThrownBy(() -> new Settling(null, 0.5)).hasMessageContaining("from 1 second to 31 days");
        assertThatThrownBy(() -> new Settling(Duration.ofDays(32), 0.5)).hasMessageContaining("31 days");
        assertThatThrownBy(() -> new Settling(Duration.ofHours(1), -0.1)).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> new Settling(Duration.ofHours(1), 1.01)).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> new Settling(Duration.ofHours(1), Double.NaN)).hasMessageContaining("between 0 and 1");
        assertThat(Settling.of(Duration.ofDays(31), null)).isEqualTo(new Settling(Duration.ofDays(31), 0.5));
    }
}
