package dev.usagekit.benchmarks;

import dev.usagekit.emulator.actions.live.DescribeLivePullToPushBandwidthData;
import dev.usagekit.emulator.catalogue.Account;
import dev.usagekit.emulator.core.ActionHandler;
import dev.usagekit.emulator.core.ActionRegistry;
import dev.usagekit.emulator.core.BucketGrid;
import dev.usagekit.emulator.core.CallTrace;
import dev.usagekit.emulator.core.EmulatorState;
import dev.usagekit.emulator.core.ParamReader;
import dev.usagekit.emulator.core.TimeQuery;
import dev.usagekit.emulator.core.Vendor;
import dev.usagekit.emulator.rules.RuleContext;
import dev.usagekit.emulator.wire.WireCodec;
import dev.usagekit.emulator.core.WireTime;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The usage model behind each action, without HTTP or signature, on one thread. {@code generate}: one call of the
 * action's handler per operation, every point of the result made (bandwidth results are views that make their points
 * when read); {@code generateAndRender}: the same plus the result written as JSON to nowhere. {@code points} counts
 * the data points in the result (time stamps x series, or the numbers of a result that is not a series) and is
 * reported per second, so it is "per core". {@code days} shows how the cost grows with the range (it should be
 * linear).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class UsageModelBenchmark {

    /** bandwidth: the headline action, all 3 groups summed; bandwidth-split: the same split by Group. */
    @Param({"bandwidth", "bandwidth-split", "transcode", "producer", "rtc"})
    public String action;

    @Param({"1", "7", "31"})
    public int days;

    private ActionHandler<TimeQuery> handler;
    private TimeQuery query;
    private BucketGrid grid;
    private RuleContext context;
    private long pointsPerCall;

    /** Reported as rates next to the operations. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        public long points;

        @Setup(Level.Iteration)
        public void clear() {
            points = 0;
        }
    }

    @Setup
    @SuppressWarnings("unchecked")
    public void setUp() {
        EmulatorState state = BenchFixture.state();
        ActionRegistry registry = BenchFixture.registry();
        Account account = state.catalogue().accountByAccessKey(SignedRequests.VOLC_AK).orElseThrow();
        Instant now = BenchFixture.NOW;
        context = new RuleContext(account, state.catalogue(), now, state.model(), "bench", new CallTrace());
        String end = "2026-11-19T00:00:00+08:00";
        OffsetDateTime endTime = OffsetDateTime.parse(end);
        String start = WireTime.formatRfc3339(endTime.minusDays(days).toInstant(), endTime.getOffset());
        ObjectNode params = WireCodec.JSON.createObjectNode();
        String name;
        int pointsPerDay;
        switch (action) {
            case "bandwidth", "bandwidth-split" -> {
                name = "DescribeLivePullToPushBandwidthData";
                params.put("StartTime", start).put("EndTime", end).put("Aggregation", 300);
                if (action.equals("bandwidth-split")) {
                    params.putArray("GroupList").add("group001").add("group002").add("group003");
                    params.putArray("DetailField").add("Group");
                }
                pointsPerDay = action.equals("bandwidth-split") ? 4 * 288 : 288;
            }
            case "transcode" -> {
                name = "DescribeLiveTranscodeData";
                params.put("StartTime", start).put("EndTime", end).put("Aggregation", 86400);
                params.putArray("DomainList").add("example.com").add("example2.com");
                pointsPerDay = -1; // counted from the result below
            }
            case "producer" -> {
                name = "DescribeLiveProducerUsageData";
                params.put("StartTime", start.substring(0, 19) + "Z").put("EndTime", end.substring(0, 19) + "Z")
                        .put("Interval", "3600").put("SplitBy", "type");
                pointsPerDay = -1;
            }
            case "rtc" -> {
                name = "ListOperationDistribution";
                params.put("AppId", "Your_AppId").put("StartTime", start).put("EndTime", end)
                        .put("Indicator", "user_count").put("Dimension", "province");
                pointsPerDay = -1;
            }
            default -> throw new IllegalArgumentException(action);
        }
        Vendor vendor = name.equals("DescribeLiveProducerUsageData") ? Vendor.ALIYUN : Vendor.VOLCENGINE;
        String version = switch (name) {
            case "ListOperationDistribution" -> "2020-12-01";
            case "DescribeLiveProducerUsageData" -> "2016-11-01";
            default -> "2023-01-01";
        };
        handler = (ActionHandler<TimeQuery>) registry.find(vendor, name, version).orElseThrow();
        query = handler.parse(new ParamReader(params, handler.errors()), context);
        grid = BucketGrid.of(query, now, handler.spec().dataDelay());
        JsonNode result = WireCodec.JSON.valueToTree(handler.handle(query, grid, context));
        pointsPerCall = pointsPerDay > 0 ? (long) pointsPerDay * days : countNumbers(result);
    }

    /** Numeric leaves of the result: the data points of actions whose result is not a simple series. */
    private static long countNumbers(JsonNode node) {
        if (node.isNumber()) {
            return 1;
        }
        long n = 0;
        for (JsonNode child : node) {
            n += countNumbers(child);
        }
        return n;
    }

    @Benchmark
    public void generate(Counters counters, Blackhole blackhole) {
        counters.points += pointsPerCall;
        Object result = handler.handle(query, grid, context);
        if (result instanceof DescribeLivePullToPushBandwidthData.Result bandwidth) {
            bandwidth.bandwidthDataList().forEach(blackhole::consume);
            if (bandwidth.bandwidthDetailDataList() != null) {
                bandwidth.bandwidthDetailDataList().forEach(d -> d.bandwidthDataList().forEach(blackhole::consume));
            }
        }
        blackhole.consume(result);
    }

    @Benchmark
    public void generateAndRender(Counters counters) {
        counters.points += pointsPerCall;
        WireCodec.JSON.writeValue(OutputStream.nullOutputStream(), handler.handle(query, grid, context));
    }
}
