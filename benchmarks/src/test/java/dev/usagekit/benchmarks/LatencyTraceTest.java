package dev.usagekit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Example;

/** The trace bench/tail.py reads: the run's start, then each request's due time and latency in microseconds. */
class LatencyTraceTest {

    private static final Clock WALL = Clock.fixed(Instant.parse("2026-11-30T13:40:00Z"), ZoneOffset.UTC);

    @Example
    void writesTheStartThenDueTimesAndLatenciesAfterIt() throws Exception {
        long start = System.nanoTime() + 50_000_000;
        OpenLoopLoad.LatencyTrace trace = new OpenLoopLoad.LatencyTrace(3, WALL);
        trace.start(start);
        trace.add(start + 1_500_000, 420_000);
        trace.add(start + 2_000_000, 7_250_000);
        Path file = Files.createTempFile("trace", ".txt");
        try {
            trace.write(file);
            List<String> lines = Files.readAllLines(file);
            assertThat(lines).hasSize(3);
            long startMillis = Long.parseLong(lines.get(0).replaceAll(".*start_epoch_ms=(\\d+).*", "$1"));
            assertThat(startMillis).as("the start, 50 ms ahead of the wall clock (less what start() itself took)")
                    .isBetween(WALL.millis() + 40, WALL.millis() + 50);
            assertThat(lines.subList(1, 3)).containsExactly("1500 420", "2000 7250");
        } finally {
            Files.delete(file);
        }
    }

    @Example
    void keepsNoMoreThanItsCapacity() throws Exception {
        OpenLoopLoad.LatencyTrace trace = new OpenLoopLoad.LatencyTrace(1, WALL);
        trace.start(0);
        trace.add(1_000, 2_000);
        trace.add(3_000, 4_000);
        Path file = Files.createTempFile("trace", ".txt");
        try {
            trace.write(file);
            assertThat(Files.readAllLines(file)).hasSize(2).endsWith("1 2");
        } finally {
            Files.delete(file);
        }
    }
}
