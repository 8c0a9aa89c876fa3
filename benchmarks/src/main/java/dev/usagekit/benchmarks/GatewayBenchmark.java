package dev.usagekit.benchmarks;

import dev.usagekit.emulator.config.RateLimits;
import dev.usagekit.emulator.core.ActionRegistry;
import dev.usagekit.emulator.core.CallTrace;
import dev.usagekit.emulator.core.EmulatorState;
import dev.usagekit.emulator.gateway.CallRunner;
import dev.usagekit.emulator.gateway.RefusalLog;
import dev.usagekit.emulator.gateway.RequestClock;
import dev.usagekit.emulator.gateway.RequestIds;
import dev.usagekit.emulator.gateway.SignatureMode;
import dev.usagekit.emulator.gateway.SigningTimeWindow;
import dev.usagekit.emulator.gateway.volcengine.VolcengineAuthenticator;
import dev.usagekit.emulator.gateway.volcengine.VolcengineGateway;
import dev.usagekit.emulator.pipeline.FaultPlan;
import dev.usagekit.emulator.pipeline.Pipeline;
import dev.usagekit.emulator.schema.RequestSchemaCheck;
import dev.usagekit.emulator.schema.SchemaCatalog;
import dev.usagekit.emulator.throttle.Bucket4jRateLimiter;
import dev.usagekit.emulator.time.EmulatorClock;
import dev.usagekit.emulator.web.FormUrlEncoded;
import dev.usagekit.emulator.web.RawRequest;
import dev.usagekit.emulator.web.WireResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.http.HttpHeaders;

/**
 * One signed Volcengine call through the gateway, without HTTP: signature check, JSON parse, request schema,
 * rules, the usage model and the rendered JSON envelope. The in-process cost of a request, for before/after
 * comparisons that the noise of a shared machine would hide in a wrk run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class GatewayBenchmark {

    /** day: the headline query (288 points); month-split: the largest legal query (4 x 8928 points). */
    @Param({"day", "month-split"})
    public String query;

    private VolcengineGateway gateway;

    private EmulatorClock clock;
    private RawRequest request;

    @Setup
    public void setUp() {
        clock = BenchFixture.frozenClock();
        EmulatorState state = BenchFixture.state();
        ActionRegistry registry = BenchFixture.registry();
        RateLimits limits = new RateLimits(false);
        SchemaCatalog schemas = new SchemaCatalog(registry.all().stream().map(h -> h.spec()).toList());
        Bucket4jRateLimiter limiter = new Bucket4jRateLimiter(clock);
        Pipeline pipeline = new Pipeline(limiter, limits::limitFor, new RequestSchemaCheck(schemas), FaultPlan.NONE);
        RefusalLog refusals = new RefusalLog(limiter);
        gateway = new VolcengineGateway(registry, new CallRunner(pipeline, state, new RequestClock(true)), new RequestIds(clock),
                new VolcengineAuthenticator(SignatureMode.STRICT,
                        new SigningTimeWindow(Duration.ofMinutes(15), refusals), refusals), null,
                schemas::requestFields);
        String body = query.equals("day") ? SignedRequests.BANDWIDTH_DAY : SignedRequests.BANDWIDTH_31_DAYS_SPLIT;
        request = raw(SignedRequests.volcengine("127.0.0.1:8080", BenchFixture.NOW, "live",
                "DescribeLivePullToPushBandwidthData", "2023-01-01", body));
        WireResponse check = gateway.handle(request, new CallTrace(), clock.instant());
        if (check.status() != 200) {
            throw new IllegalStateException(new String(check.body().toBytes(), StandardCharsets.UTF_8));
        }
    }

    /** A line of a requests file as the gateway receives it. */
    static RawRequest raw(String line) {
        String[] parts = line.split("\t", -1);
        String rawQuery = parts[1].substring(parts[1].indexOf('?') + 1);
        HttpHeaders headers = new HttpHeaders();
        for (int i = 3; i < parts.length; i++) {
            int colon = parts[i].indexOf(':');
            headers.add(parts[i].substring(0, colon), parts[i].substring(colon + 1).trim());
        }
        return new RawRequest(parts[0], "/", rawQuery, FormUrlEncoded.decode(rawQuery), headers,
                parts[2].getBytes(StandardCharsets.UTF_8));
    }

    /** The call and its rendered body, written to a sink as the server writes it into its buffers. */
    @Benchmark
    public WireResponse signedCall() throws IOException {
        WireResponse response = gateway.handle(request, new CallTrace(), clock.instant());
        response.body().writeTo(OutputStream.nullOutputStream());
        return response;
    }
}
