package dev.usagekit.emulator.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.it.TestEmulator;
import dev.usagekit.emulator.schema.SchemaCatalog;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The long fuzz run: the inputs of {@link GatewayFuzzProperties}, as many as asked, on several connections at once,
 * half to each gateway. Off unless {@code -Dfuzz.inputs=N} is given:
 * <pre>
 * mvn -B -pl emulator -am verify -Dtest=GatewayFuzzLongRunTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dfuzz.inputs=1000000 -Dfuzz.threads=4 [-Dfuzz.maxSeconds=3600] [-Dfuzz.validateSuccessEvery=20]
 *     [-Dusagekit.test.self-check=false]
 * </pre>
 * The last two trade some checking of successful answers for throughput: every error is still validated against
 * its schema, every n-th 200 against the action's response schema and the others only for their envelope; the
 * emulator's own self-check (a second validation of every answer, server side) can be switched off.
 * Prints inputs, duration, throughput and every distinct problem found, and fails if there was any.
 */
@EnabledIfSystemProperty(named = "fuzz.inputs", matches = "\\d+")
class GatewayFuzzLongRunTest {

    private static final Object GENERATION = new Object();
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile(
            "\"Code\":\"([^\"]*)\"|<Code>([^<]*)</Code>");

    @Test
    void millionsOfInputsKeepTheInvariant() throws InterruptedException {
        long inputs = Long.getLong("fuzz.inputs");
        int threads = Integer.getInteger("fuzz.threads", 4);
        long deadline = System.nanoTime() + Long.getLong("fuzz.maxSeconds", Long.MAX_VALUE / 2_000_000_000L) * 1_000_000_000L;
        TestEmulator emulator = TestEmulator.strictNow();
        FuzzOracle oracle = new FuzzOracle(emulator.context().getBean(SchemaCatalog.class),
                Integer.getInteger("fuzz.validateSuccessEvery", 1));
        AtomicLong next = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicLong transportErrors = new AtomicLong();
        Map<String, String> distinct = Collections.synchronizedMap(new LinkedHashMap<>());
        Map<String, java.util.concurrent.atomic.LongAdder> outcomes = new java.util.concurrent.ConcurrentHashMap<>();
        long started = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try (RawHttp http = new RawHttp("127.0.0.1", emulator.port(), 30_000)) {
                    FuzzRequests volc = new FuzzRequests(TestEmulator.VOLC_AK, "testsecretkey", TestEmulator.NOW,
                            http.hostHeader());
                    FuzzRequests aliyun = new FuzzRequests(TestEmulator.ALIYUN_AK, "testsecret", TestEmulator.NOW,
                            http.hostHeader());
                    Iterator<FuzzInputs.VolcengineCase> vc;
                    Iterator<FuzzInputs.AliyunCase> ac;
                    synchronized (GENERATION) {
                        vc = FuzzInputs.volcengine().sampleStream().iterator();
                        ac = FuzzInputs.aliyun().sampleStream().iterator();
                    }
                    for (long i = next.getAndIncrement(); i < inputs && System.nanoTime() < deadline;
                            i = next.getAndIncrement()) {
                        sent.incrementAndGet();
                        Object c;
                        synchronized (GENERATION) { // jqwik's generation state is not thread-safe
                            c = i % 2 == 0 ? vc.next() : ac.next();
                        }
                        RawHttp.Request request = c instanceof FuzzInputs.VolcengineCase v ? volc.volcengine(v)
                                : aliyun.aliyun((FuzzInputs.AliyunCase) c);
                        String problem;
                        try {
                            RawHttp.Response response = http.send(request);
                            java.util.regex.Matcher code = CODE.matcher(response.text());
                            outcomes.computeIfAbsent(response.status() + " " + (code.find()
                                    ? (code.group(1) != null ? code.group(1) : code.group(2)) : "-"),
                                    k -> new java.util.concurrent.atomic.LongAdder()).increment();
                            problem = oracle.problem(response);
                        } catch (IOException e) {
                            transportErrors.incrementAndGet();
                            problem = "transport: " + e;
                            http.close();
                        }
                        if (problem != null) {
                            failures.incrementAndGet();
                            String key = problem.length() > 120 ? problem.substring(0, 120) : problem;
                            if (distinct.size() < 50) {
                                distinct.putIfAbsent(key, problem + "\n  input: " + c);
                            }
                        }
                        if (i > 0 && i % 100_000 == 0) {
                            System.out.printf("fuzz: %,d inputs after %.0f s%n", i, (System.nanoTime() - started) / 1e9);
                        }
                    }
                }
            }, "fuzz-" + t);
            worker.start();
            workers.add(worker);
        }
        for (Thread w : workers) {
            w.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("fuzz: %,d inputs in %.1f s (%.0f/s) on %d connections: %d failures (%d transport), "
                + "%d distinct%n", sent.get(), seconds, sent.get() / seconds, threads, failures.get(), transportErrors.get(),
                distinct.size());
        outcomes.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
                .forEach(e -> System.out.printf("fuzz outcome: %,10d  %s%n", e.getValue().sum(), e.getKey()));
        distinct.values().forEach(p -> System.out.println("fuzz problem: " + p));
        assertThat(emulator.get("/actuator/health").status()).isEqualTo(200);
        assertThat(failures.get()).isZero();
    }
}
