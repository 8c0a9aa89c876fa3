package dev.usagekit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Example;
import org.HdrHistogram.Histogram;

/**
 * The open-loop run's record of its calls: the warm-up is left out of every figure and of the trace bench/tail.py
 * reads (the measured start as epoch ms, then each call's due time and latency in microseconds).
 */
class CallLogTest {

    private static final long MEASURED_FROM = 5_000_000_000L;

    private static CallLog log() {
        CallLog log = new CallLog(4);
        log.add(MEASURED_FROM - 1_000, 90_000_000, true); // warm-up: slow and failed, and not counted
        log.add(MEASURED_FROM + 1_500_000, 420_000, false);
        log.add(MEASURED_FROM, 7_250_000, false); // answered out of order: the log keeps answer order
        log.add(MEASURED_FROM + 2_000_000, 1_000_000, true);
        return log;
    }

    @Example
    void countsOnlyTheCallsDueFromTheMeasuredStart() {
        CallLog log = log();
        assertThat(log.latencies(MEASURED_FROM).getTotalCount()).isEqualTo(3);
        assertThat(log.failures(MEASURED_FROM)).isEqualTo(1);
        assertThat(log.latencies(0).getTotalCount()).isEqualTo(4);
    }

    @Example
    void latenciesLeaveTheWarmUpOut() {
        Histogram latencies = log().latencies(MEASURED_FROM);
        assertThat(latencies.getTotalCount()).isEqualTo(3);
        assertThat(latencies.getMaxValue()).as("the warm-up's 90 ms call is not among them")
                .isBetween(7_240_000L, 7_260_000L);
    }

    @Example
    void writesTheMeasuredStartThenDueTimesAndLatenciesAfterIt() throws Exception {
        Path file = Files.createTempFile("trace", ".txt");
        try {
            log().writeTrace(file, MEASURED_FROM, 1_796_140_800_000L);
            List<String> lines = Files.readAllLines(file);
            assertThat(lines).containsExactly("# start_epoch_ms=1796140800000 columns=due_us,latency_us",
                    "1500 420", "0 7250", "2000 1000");
        } finally {
            Files.delete(file);
        }
    }

    @Example
    void keepsNoMoreThanItsCapacity() {
        CallLog log = new CallLog(1);
        log.add(1_000, 2_000, false);
        log.add(3_000, 4_000, false);
        assertThat(log.latencies(0).getTotalCount()).isEqualTo(1);
    }
}
