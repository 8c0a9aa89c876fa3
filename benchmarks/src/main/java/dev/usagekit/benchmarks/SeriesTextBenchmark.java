package dev.usagekit.benchmarks;

import dev.usagekit.emulator.core.WireTime;
import dev.usagekit.emulator.wire.DecimalText;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The text of one day's series at 300 s, as the bandwidth answer writes it: 288 points, each a time stamp between
 * fixed JSON and a kbps number, into an 8 KB buffer that is handed on when full. {@code timeStamps} and
 * {@code numbers} time the two halves alone; ns per operation / 288 is the cost of a point.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SeriesTextBenchmark {

    private static final byte[] BEFORE = "{\"TimeStamp\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AFTER = "\",\"UpBandwidth\":".getBytes(StandardCharsets.US_ASCII);
    private static final long DAY_START = 1_763_481_600L; // 2025-11-19T00:00+08:00, the first point of the day
    private static final int OFFSET_SECONDS = 8 * 3600;

    private final byte[] chunk = new byte[8192];
    private final long[] kbps = new long[288];
    private int sink;

    @Setup
    public void values() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < kbps.length; i++) {
            kbps[i] = Math.round(random.nextDouble() * 400_000); // 0..400 Mbps, in kbps as the answer holds them
        }
    }

    @Benchmark
    public int points() {
        return write(true, true);
    }

    @Benchmark
    public int timeStamps() {
        return write(true, false);
    }

    @Benchmark
    public int numbers() {
        return write(false, true);
    }

    /** One day's points, or only their time stamps with the JSON around them, or only their numbers. */
    private int write(boolean timeStamps, boolean numbers) {
        WireTime.Rfc3339Series times = new WireTime.Rfc3339Series(OFFSET_SECONDS, BEFORE, AFTER);
        int at = 0;
        for (int i = 0; i < kbps.length; i++) {
            if (at > chunk.length - 100) { // the writer hands a full buffer on
                sink += chunk[at - 1];
                at = 0;
            }
            if (timeStamps) {
                chunk[at++] = ',';
                at += times.write(DAY_START + 300L * i, chunk, at);
            }
            if (numbers) {
                at += DecimalText.writeThousandths(kbps[i], chunk, at);
                chunk[at++] = '}';
            }
        }
        return at + sink;
    }
}
