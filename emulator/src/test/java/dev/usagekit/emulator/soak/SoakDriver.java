package dev.usagekit.emulator.soak;

import dev.usagekit.emulator.fuzz.FuzzInputs.AliyunCase;
import dev.usagekit.emulator.fuzz.FuzzInputs.AliyunStyle;
import dev.usagekit.emulator.fuzz.FuzzInputs.Auth;
import dev.usagekit.emulator.fuzz.FuzzInputs.VolcengineCase;
import dev.usagekit.emulator.fuzz.FuzzRequests;
import dev.usagekit.emulator.fuzz.RawHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives mixed, correctly signed traffic at a running emulator for a while: valid calls of all four actions,
 * invalid ones (bad parameters, wrong signature, broken body) and bursts past the QPS limits, on the system clock.
 * Counts answers by outcome and exits 1 on any 5xx or transport error. Run by scripts/soak.sh.
 * <p>
 * Arguments: port, seconds, requests per second, connections.
 */
public final class SoakDriver {

    private static final Pattern CODE = Pattern.compile("\"Code\":\"([^\"]*)\"|<Code>([^<]*)</Code>");
    private static final List<String> THROTTLE_CODES = List.of("FlowLimitExceeded", "FlowLimitExceeded.QPSOverLimit",
            "Throttling.User");

    private final int port;
    private final Map<String, LongAdder> byCode = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byOutcome = new ConcurrentHashMap<>();
    private final AtomicLong transportErrors = new AtomicLong();
    private final AtomicLong serverErrors = new AtomicLong();

    private SoakDriver(int port) {
        this.port = port;
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        long seconds = Long.parseLong(args[1]);
        int rate = Integer.parseInt(args[2]);
        int connections = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        SoakDriver driver = new SoakDriver(port);
        long started = System.nanoTime();
        long end = started + seconds * 1_000_000_000L;
        long period = 1_000_000_000L * connections / rate;
        Thread[] workers = new Thread[connections];
        for (int w = 0; w < connections; w++) {
            int worker = w;
            workers[w] = new Thread(() -> driver.drive(worker, started + worker * period / connections, period, end),
                    "soak-" + w);
            workers[w].start();
        }
        Thread reporter = new Thread(() -> {
            while (System.nanoTime() < end) {
                LockSupport.parkNanos(60_000_000_000L);
                System.out.printf("soak: %.0f s  %s  transport errors %d%n", (System.nanoTime() - started) / 1e9,
                        driver.summary(driver.byOutcome), driver.transportErrors.get());
            }
        }, "soak-report");
        reporter.setDaemon(true);
        reporter.start();
        for (Thread w : workers) {
            w.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long total = driver.byOutcome.values().stream().mapToLong(LongAdder::sum).sum();
        System.out.printf("soak: %,d answers in %.0f s (%.0f/s) on %d connections%n", total, elapsed, total / elapsed,
                connections);
        System.out.println("soak: by outcome " + driver.summary(driver.byOutcome));
        System.out.println("soak: by status and code " + driver.summary(driver.byCode));
        System.out.printf("soak: 5xx %d, transport errors %d%n", driver.serverErrors.get(), driver.transportErrors.get());
        System.exit(driver.serverErrors.get() == 0 && driver.transportErrors.get() == 0 ? 0 : 1);
    }

    private String summary(Map<String, LongAdder> counts) {
        Map<String, Long> sorted = new TreeMap<>();
        counts.forEach((k, v) -> sorted.put(k, v.sum()));
        return sorted.toString();
    }

    private void drive(int worker, long first, long period, long end) {
        try (RawHttp http = new RawHttp("127.0.0.1", port, 30_000)) {
            long next = first;
            for (long i = worker; System.nanoTime() < end; i++) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                next += period;
                RawHttp.Request request = request(i, http.hostHeader());
                try {
                    record(http.send(request));
                } catch (IOException e) {
                    transportErrors.incrementAndGet();
                    System.out.println("soak: transport error " + e);
                    http.close();
                }
            }
        }
    }

    private void record(RawHttp.Response r) {
        Matcher m = CODE.matcher(r.text());
        String code = m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : "-";
        String outcome = r.status() >= 500 ? "5xx" : r.status() == 200 ? "ok"
                : THROTTLE_CODES.contains(code) ? "throttled" : "refused";
        if (r.status() >= 500) {
            serverErrors.incrementAndGet();
            System.out.println("soak: " + r.status() + " " + r.text());
        }
        byOutcome.computeIfAbsent(outcome, k -> new LongAdder()).increment();
        byCode.computeIfAbsent(r.status() + " " + code, k -> new LongAdder()).increment();
    }

    /** The i-th request of the mix: mostly valid, one in five invalid, and every 50th second a throttling burst. */
    static RawHttp.Request request(long i, String host) {
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.ofHours(8));
        String start = today.minusDays(2) + "T00:00:00+08:00";
        String end = today.minusDays(1) + "T00:00:00+08:00";
        String utcStart = today.minusDays(2) + "T00:00:00Z";
        String utcEnd = today.minusDays(1) + "T00:00:00Z";
        FuzzRequests volcengine = new FuzzRequests("AKLTtestaccesskey", "testsecretkey", now, host);
        FuzzRequests aliyun = new FuzzRequests("testid", "testsecret", now, host);
        boolean burst = (now.getEpochSecond() / 10) % 5 == 0; // 10 s of every 50 s hammer one action
        int kind = (int) (i % 10);
        Auth auth = kind == 7 ? Auth.WRONG_SECRET : Auth.SIGNED;
        if (burst || kind < 2) {
            return volcengine.volcengine(new VolcengineCase("POST", "ListOperationDistribution", "2020-12-01", "",
                    "application/json", ("{\"AppId\":\"Your_AppId\",\"StartTime\":\"" + start + "\",\"EndTime\":\"" + end
                            + "\",\"Indicator\":\"user_num\",\"Dimension\":\"province\"}").getBytes(StandardCharsets.UTF_8),
                    auth, "", ""));
        }
        return switch (kind) {
            case 2, 7 -> volcengine.volcengine(new VolcengineCase("POST", "DescribeLivePullToPushBandwidthData",
                    "2023-01-01", "", "application/json", ("{\"StartTime\":\"" + start + "\",\"EndTime\":\"" + end
                            + "\",\"Aggregation\":300,\"GroupList\":[\"group001\",\"group002\"],\"DetailField\":[\"Group\"]}")
                            .getBytes(StandardCharsets.UTF_8), auth, "", ""));
            case 3 -> volcengine.volcengine(new VolcengineCase("POST", "DescribeLiveTranscodeData", "2023-01-01", "",
                    "application/json", ("{\"StartTime\":\"" + start + "\",\"EndTime\":\"" + end + "\"}")
                            .getBytes(StandardCharsets.UTF_8), auth, "", ""));
            case 4 -> volcengine.volcengine(new VolcengineCase("POST", "DescribeLiveTranscodeData", "2023-01-01", "",
                    "application/json", ("{\"StartTime\":\"" + end + "\",\"EndTime\":\"" + start + "\"}") // reversed
                            .getBytes(StandardCharsets.UTF_8), auth, "", ""));
            case 5 -> volcengine.volcengine(new VolcengineCase("POST", "DescribeLiveTranscodeData", "2023-01-01", "",
                    "application/json", "{\"StartTime\":".getBytes(StandardCharsets.UTF_8), auth, "", ""));
            case 6, 8 -> aliyun.aliyun(new AliyunCase(kind == 6 ? AliyunStyle.GET_QUERY : AliyunStyle.ACS3,
                    List.of(Map.entry("StartTime", utcStart), Map.entry("EndTime", utcEnd),
                            Map.entry("SplitBy", "type,domain"), Map.entry("Format", "JSON")), "",
                    "application/x-www-form-urlencoded", auth, "", ""));
            default -> aliyun.aliyun(new AliyunCase(AliyunStyle.POST_FORM, List.of(Map.entry("StartTime", utcStart),
                    Map.entry("EndTime", utcEnd), Map.entry("Interval", "7"), Map.entry("Format", "XML")), "",
                    "application/x-www-form-urlencoded", auth, "", ""));
        };
    }
}
