package dev.usagekit.emulator.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.core.CallTrace;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.assertj.core.data.Percentage;

/**
 * The delays a fault draws: within its bounds, and log-normal ones spread around their median as the model says; a
 * call waits the sum of its faults' delays, up to the longest one fault may add.
 */
class FaultLatencyProperties {

    private static long[] draws(FaultInjector.Latency latency, long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] drawn = new long[count];
        for (int i = 0; i < count; i++) {
            drawn[i] = latency.draw(random);
        }
        Arrays.sort(drawn);
        return drawn;
    }

    @Property(tries = 100)
    void everyDrawStaysWithinMinAndMax(@ForAll long seed, @ForAll @LongRange(max = 5_000) long min,
            @ForAll @LongRange(max = 5_000) long width, @ForAll @DoubleRange(min = 0.01, max = 5) double sigma) {
        long max = min + width;
        FaultInjector.Latency uniform = FaultInjector.Latency.between(min, max);
        FaultInjector.Latency logNormal = new FaultInjector.Latency(min, max, min + width / 2, sigma);
        for (FaultInjector.Latency latency : new FaultInjector.Latency[] {uniform, logNormal}) {
            long[] drawn = draws(latency, seed, 200);
            assertThat(drawn[0]).isGreaterThanOrEqualTo(min);
            assertThat(drawn[drawn.length - 1]).isLessThanOrEqualTo(max);
        }
        assertThat(draws(FaultInjector.Latency.between(min, min), seed, 10)).containsOnly(min);
    }

    @Property(tries = 20)
    void aLogNormalDelayHasItsMedianAndItsTail(@ForAll long seed, @ForAll @LongRange(min = 20, max = 2_000) long median,
            @ForAll @DoubleRange(min = 0.1, max = 1.0) double sigma) {
        long[] drawn = draws(new FaultInjector.Latency(0, Long.MAX_VALUE, median, sigma), seed, 20_001);
        // the median of exp(N(ln m, sigma)) is m; its 95th percentile m * e^(1.645 sigma)
        assertThat((double) drawn[10_000]).isCloseTo(median, Percentage.withPercentage(5));
        assertThat((double) drawn[19_000]).isCloseTo(median * Math.exp(1.645 * sigma), Percentage.withPercentage(8));
    }

    /** Faults that each stay within the limit must not add up past it: a call waits a minute at most. */
    @Property(tries = 100)
    void aCallWaitsTheSumOfItsFaultsDelaysUpToTheLimit(@ForAll @Size(min = 1, max = 6)
            List<@LongRange(max = FaultInjector.MAX_LATENCY_MS) Long> delays) {
        FaultInjector faults = new FaultInjector(1000);
        for (long delay : delays) {
            faults.add(id -> new FaultInjector.Fault(id, null, null, null, 500, null, "slow", -1, 1.0,
                    FaultInjector.Latency.between(delay, delay)));
        }
        CallTrace trace = new CallTrace();

        assertThat(faults.apply("DescribeLiveTranscodeData", "2100000001", trace)).as("latency only").isNull();

        long sum = delays.stream().mapToLong(Long::longValue).sum();
        assertThat(trace.get("latencyMillis")).isEqualTo(sum == 0 ? null : Math.min(sum, 60_000L));
    }
}
