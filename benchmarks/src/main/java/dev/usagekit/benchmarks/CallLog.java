package dev.usagekit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Every answered request of a run, warm-up included, in the order answered: its due time, latency and whether it
 * failed. The hot loop records each call the same way from the first second to the last, and the warm-up is cut
 * off afterwards: a loop that starts recording, or a second pass on new connections, at the end of the warm-up
 * made {@link OpenLoopLoad}'s JIT compile again right then (perf sched, 2026-12-01: 22-36 ms of its C2 threads in the
 * first half second), which the server's latencies took.
 */
final class CallLog {
    private final long[] due;
    private final long[] latency;
    private final boolean[] failed;
    private int size;

    CallLog(long capacity) {
        due = new long[(int) capacity];
        latency = new long[(int) capacity];
        failed = new boolean[(int) capacity];
    }

    void add(long dueNanos, long latencyNanos, boolean failure) {
        if (size < due.length) {
            due[size] = dueNanos;
            latency[size] = latencyNanos;
            failed[size++] = failure;
        }
    }

    long failures(long fromNanos) {
        long n = 0;
        for (int i = 0; i < size; i++) {
            n += due[i] >= fromNanos && failed[i] ? 1 : 0;
        }
        return n;
    }

    /** The latencies of the calls due at or after the given time; its total count is how many there were. */
    Histogram latencies(long fromNanos) {
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        for (int i = 0; i < size; i++) {
            if (due[i] >= fromNanos) {
                histogram.recordValue(Math.min(latency[i], histogram.getHighestTrackableValue()));
            }
        }
        return histogram;
    }

    /**
     * The trace bench/tail.py reads, of the calls due at or after {@code fromNanos}: a comment line giving that
     * time as epoch milliseconds (the wall clock the server's GC log is stamped with; the emulator's virtual clock
     * is frozen during a bench run), then one line per call: due time after it and latency, in microseconds.
     */
    void writeTrace(Path file, long fromNanos, long fromEpochMillis) throws IOException {
        StringBuilder text = new StringBuilder("# start_epoch_ms=").append(fromEpochMillis)
                .append(" columns=due_us,latency_us\n");
        for (int i = 0; i < size; i++) {
            if (due[i] >= fromNanos) {
                text.append((due[i] - fromNanos) / 1000).append(' ').append(latency[i] / 1000).append('\n');
            }
        }
        Files.writeString(file, text);
    }
}
