package dev.usagekit.emulator.config;

import dev.usagekit.emulator.core.WireTime;
import dev.usagekit.emulator.signing.ClientSigning;
import dev.usagekit.emulator.signing.Rfc3986;
import dev.usagekit.emulator.time.EmulatorClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The training run of bin/usagekit-emulator ({@code emulator.training-run=true}): once the server is ready, it sends
 * one correctly signed call of each action, one call with a bad signature and a health check over loopback, checks
 * every status, then exits (non-zero if any answer was unexpected). The JVM then writes its AOT cache or CDS
 * archive from a run that served requests, so the cache holds the classes and profiles of the request path, not
 * only those of starting the context. A change that breaks an action breaks the training run too.
 *
 * <p>Always a bean that reads the property when the application is ready: with Spring AOT, a conditional bean would
 * be decided once at build time, where the property is not set.
 *
 * <p>Each call is one HTTP/1.1 exchange on a socket of its own, written and read here: the JDK's HTTP client brought
 * some 700 classes of its own and of TLS into the cache, which every later start then loaded for nothing.
 */
@Component
class TrainingRun implements ApplicationListener<ApplicationReadyEvent> {

    static final String PROPERTY = "emulator.training-run";

    private static final Logger log = LoggerFactory.getLogger(TrainingRun.class);
    /** The demo account of the default catalogue (public test constants, as in the README) and its resources. */
    private static final String ACCESS_KEY_ID = "AKLTtestaccesskey";
    private static final String SECRET = "testsecretkey";
    private static final String ALIYUN_ACCESS_KEY_ID = "testid";
    private static final String ALIYUN_SECRET = "testsecret";
    private static final ZoneOffset DEMO_OFFSET = ZoneOffset.ofHours(8);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern STATUS_LINE = Pattern.compile("^HTTP/1\\.1 (\\d{3})");

    /** One call and the status it must get; {@code body} is empty for a GET. */
    record Call(String name, String method, String target, Map<String, String> headers, String body,
            int expectedStatus) {
    }

    private final Environment env;
    private final EmulatorClock clock;

    TrainingRun(Environment env, EmulatorClock clock) {
        this.env = env;
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!env.getProperty(PROPERTY, Boolean.class, false)) {
            return;
        }
        ConfigurableApplicationContext context = event.getApplicationContext();
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        List<String> problems = exercise(port);
        problems.forEach(problem -> log.error("training run: {}", problem));
        if (problems.isEmpty()) {
            log.info("training run: every call answered as expected, exiting");
        }
        System.exit(SpringApplication.exit(context, () -> problems.isEmpty() ? 0 : 1));
    }

    /** Sends every call to the emulator on this loopback port; one line per unexpected answer, none if all right. */
    List<String> exercise(int port) {
        List<String> problems = new ArrayList<>();
        for (Call call : calls(port)) {
            try {
                String answer = exchange(port, call);
                Matcher status = STATUS_LINE.matcher(answer);
                String got = status.find() ? status.group(1) : "no HTTP/1.1 status line";
                if (!got.equals(String.valueOf(call.expectedStatus()))) {
                    int headEnd = answer.indexOf("\r\n\r\n");
                    String body = (headEnd < 0 ? answer : answer.substring(headEnd + 4)).strip();
                    problems.add(call.name() + ": expected HTTP " + call.expectedStatus() + ", got " + got + " "
                            + body.substring(0, Math.min(body.length(), 300)));
                }
            } catch (IOException e) {
                problems.add(call.name() + ": " + e);
            }
        }
        return problems;
    }

    /** Writes the call with {@code Connection: close} and reads the whole answer, status line first. */
    private static String exchange(int port, Call call) throws IOException {
        byte[] body = call.body().getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(call.method()).append(' ').append(call.target())
                .append(" HTTP/1.1\r\nHost: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
        call.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body.length > 0) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The calls, signed at the virtual clock's now, over days that are inside every action's history and delay. */
    List<Call> calls(int port) {
        Instant now = clock.instant();
        String host = "127.0.0.1:" + port;
        Instant today = now.atOffset(DEMO_OFFSET).truncatedTo(ChronoUnit.DAYS).toInstant();
        String dayBefore = WireTime.formatRfc3339(today.minus(2, ChronoUnit.DAYS), DEMO_OFFSET);
        String yesterday = WireTime.formatRfc3339(today.minus(1, ChronoUnit.DAYS), DEMO_OFFSET);
        String fourDaysAgo = WireTime.formatRfc3339(today.minus(4, ChronoUnit.DAYS), DEMO_OFFSET);
        String bandwidthDay = "{\"StartTime\":\"" + dayBefore + "\",\"EndTime\":\"" + yesterday
                + "\",\"Aggregation\":300}";
        Call bandwidth = volcengine("DescribeLivePullToPushBandwidthData", host, now, "live",
                "DescribeLivePullToPushBandwidthData", "2023-01-01", bandwidthDay, false, 200);
        return List.of(
                volcengine("ListOperationDistribution", host, now, "rtc", "ListOperationDistribution", "2020-12-01",
                        "{\"AppId\":\"Your_AppId\",\"StartTime\":\"" + dayBefore + "\",\"EndTime\":\"" + yesterday
                                + "\",\"Indicator\":\"user_count\",\"Dimension\":\"province\"}", false, 200),
                bandwidth,
                volcengine("DescribeLiveTranscodeData", host, now, "live", "DescribeLiveTranscodeData", "2023-01-01",
                        "{\"DomainList\":[\"example.com\",\"example2.com\"],\"StartTime\":\"" + fourDaysAgo
                                + "\",\"EndTime\":\"" + yesterday + "\",\"Aggregation\":86400}", false, 200),
                aliyun(now, today),
                volcengine("bad signature", host, now, "live", "DescribeLivePullToPushBandwidthData", "2023-01-01",
                        bandwidthDay, true, 401),
                new Call("health", "GET", "/_emulator/health", Map.of(), "", 200));
    }

    /** A JSON POST signed as the SDKs sign it; with {@code tampered}, the signature is wrong in its last digit. */
    private static Call volcengine(String name, String host, Instant now, String service, String action,
            String version, String body, boolean tampered, int expectedStatus) {
        var signed = ClientSigning.volcenginePost(host, now, service, action, version, body, ACCESS_KEY_ID, SECRET);
        Map<String, String> headers = new LinkedHashMap<>();
        signed.headers().forEach((header, value) -> {
            if (header.equals("Authorization") && tampered) {
                char last = value.charAt(value.length() - 1);
                headers.put(header, value.substring(0, value.length() - 1) + (last == '0' ? '1' : '0'));
            } else if (!header.equals("Host")) { // the exchange writes the same Host itself
                headers.put(header, value);
            }
        });
        return new Call(name, "POST", signed.pathAndQuery(), headers, body, expectedStatus);
    }

    /** An RPC GET with signature V1, a nonce of its own and JSON asked for: one UTC day of producer usage. */
    private static Call aliyun(Instant now, Instant today) {
        Map<String, String> day = new LinkedHashMap<>();
        day.put("StartTime", WireTime.formatAliyunUtc(today.minus(2, ChronoUnit.DAYS)));
        day.put("EndTime", WireTime.formatAliyunUtc(today.minus(1, ChronoUnit.DAYS)));
        day.put("SplitBy", "type");
        String query = Rfc3986.canonicalQuery(ClientSigning.aliyunV1("GET", "DescribeLiveProducerUsageData",
                "2016-11-01", day, ALIYUN_ACCESS_KEY_ID, ALIYUN_SECRET, UUID.randomUUID().toString(), now));
        return new Call("DescribeLiveProducerUsageData", "GET", "/?" + query, Map.of(), "", 200);
    }
}
