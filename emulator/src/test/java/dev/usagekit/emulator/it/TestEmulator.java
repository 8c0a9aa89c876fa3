package dev.usagekit.emulator.it;

import dev.usagekit.emulator.EmulatorApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real emulator on a random port, started once per JVM and configuration, driven over HTTP like a user's client.
 * The clock stands at {@link #NOW} so windows and data are reproducible.
 */
public final class TestEmulator {

    public static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    public static final String VOLC_AK = "AKLTtestaccesskey";
    public static final String ALIYUN_AK = "testid";

    private static final Map<String, TestEmulator> RUNNING = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final ConfigurableApplicationContext context;
    private final int port;

    private TestEmulator(String... extraProperties) {
        this(NOW, "off", extraProperties);
    }

    private TestEmulator(Instant now, String signatureMode, String... extraProperties) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--server.port=0",
                "--emulator.clock.fixed=" + now, "--emulator.clock.frozen=true",
                "--emulator.signature-mode=" + signatureMode,
                "--emulator.self-check=" + System.getProperty("usagekit.test.self-check", "true")));
        for (String p : extraProperties) {
            args.add("--" + p);
        }
        this.context = EmulatorApplication.standalone().run(args.toArray(String[]::new));
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    /** The shared emulator with throttling off, for tests that are not about throttling. */
    public static TestEmulator unthrottled() {
        return RUNNING.computeIfAbsent("unthrottled", k -> new TestEmulator("emulator.limits.enabled=false"));
    }

    /**
     * Throttling off, on the {@code late-data} scenario (the demo account of the default catalogue, its recent data
     * arriving late), for suites that check legal answers both with data whole and with data still arriving.
     */
    public static TestEmulator lateData() {
        return RUNNING.computeIfAbsent("late-data-unthrottled", k -> new TestEmulator("emulator.limits.enabled=false",
                "emulator.fixtures=classpath:usagekit/fixtures/scenarios/late-data.yaml"));
    }

    /**
     * Beans made when first needed, as the launcher and the built jar start the emulator. One instance for every test
     * that asks: a name shared with other properties would silently hand out whichever started first.
     */
    public static TestEmulator lazy() {
        return RUNNING.computeIfAbsent("lazy", k -> new TestEmulator("spring.main.lazy-initialization=true"));
    }

    /** An emulator with the documented limits on. */
    public static TestEmulator throttled() {
        return RUNNING.computeIfAbsent("throttled", k -> new TestEmulator());
    }

    /** Strict signature checking with the clock at the published test vectors' signing time. */
    public static TestEmulator strictAtVectorTime() {
        return RUNNING.computeIfAbsent("strict", k -> new TestEmulator(Instant.parse("2024-01-01T00:00:00Z"), "strict",
                "emulator.limits.enabled=false"));
    }

    /**
     * Like {@link #strictAtVectorTime()}, but one of its own: the vectors' nonces are fresh there (Aliyun refuses a
     * nonce seen before).
     */
    public static TestEmulator strictAtVectorTime(String name) {
        return RUNNING.computeIfAbsent(name, k -> new TestEmulator(Instant.parse("2024-01-01T00:00:00Z"), "strict",
                "emulator.limits.enabled=false"));
    }

    /** Strict signature checking with the clock at {@link #NOW}, unthrottled: signed requests reach the pipeline. */
    public static TestEmulator strictNow() {
        return RUNNING.computeIfAbsent("strict-now", k -> new TestEmulator(NOW, "strict", "emulator.limits.enabled=false"));
    }

    /** An emulator of its own in strict signature mode with extra properties, shared by tests using the same name. */
    public static TestEmulator strictNamed(String name, String... properties) {
        return RUNNING.computeIfAbsent(name, k -> new TestEmulator(NOW, "strict", properties));
    }

    /** Sends the exact bytes given (so Host and every header are as a test vector says) and parses the answer. */
    public Reply raw(String head, byte[] body) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            var out = socket.getOutputStream();
            out.write((head + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = response.indexOf("\r\n\r\n");
            String[] lines = response.substring(0, split).split("\r\n");
            Map<String, java.util.List<String>> headers = new java.util.LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim(), java.util.List.of(lines[i].substring(colon + 1).trim()));
            }
            Reply r = new Reply(Integer.parseInt(lines[0].split(" ")[1]), null, headers, response.substring(split + 4));
            return new Reply(r.status(), r.header("Content-Type"), headers, r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Waits until the faults in force are used up, for at most ten seconds: a call that met a fault with latency is
     * then in flight, its answer waiting (a fault is used when the call enters the pipeline).
     */
    public void awaitFaultsUsedUp() throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (!get("/_emulator/faults").json().get("faults").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        org.assertj.core.api.Assertions.assertThat(get("/_emulator/faults").json().get("faults"))
                .as("faults used up: the slow call is in flight").isEmpty();
    }

    /** An emulator of its own with extra properties, shared by every test that uses the same name. */
    public static TestEmulator named(String name, String... properties) {
        return RUNNING.computeIfAbsent(name, k -> new TestEmulator(properties));
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public int port() {
        return port;
    }

    /** A response as a test sees it. */
    public record Reply(int status, String contentType, Map<String, java.util.List<String>> headers, String body) {

        /** An answer read some other way than by this class, with one value per header. */
        public static Reply withSingleValuedHeaders(int status, String contentType, Map<String, String> headers,
                String body) {
            Map<String, java.util.List<String>> listed = new java.util.LinkedHashMap<>();
            headers.forEach((name, value) -> listed.put(name, java.util.List.of(value)));
            return new Reply(status, contentType, listed, body);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** Volcengine-style call: POST /?Action&Version, JSON body, an Authorization naming the access key. */
    public Reply volcengine(String action, String version, String service, String accessKeyId, String body) {
        return volcengineCall("POST", "Action=" + action + "&Version=" + version, service, accessKeyId, body);
    }

    /**
     * A Volcengine-style call with any method and query string; a null access key sends no Authorization.
     *
     * @param headers more headers, as name, value, name, value...
     */
    public Reply volcengineCall(String method, String query, String service, String accessKeyId, String body,
            String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri("/?" + query))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body == null ? "" : body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        if (accessKeyId != null) {
            b.header("Authorization", "HMAC-SHA256 Credential=" + accessKeyId + "/20261120/cn-north-1/" + service
                    + "/request, SignedHeaders=x-date, Signature=" + "0".repeat(64));
        }
        return send(b.build());
    }

    /** The UpBandwidth of each point of one group's pull-to-push bandwidth, asked by the demo account (must be 200). */
    public java.util.List<Double> upBandwidth(String group, String start, String end, int aggregation) {
        Reply r = volcengine("DescribeLivePullToPushBandwidthData", "2023-01-01", "live", VOLC_AK,
                "{\"GroupList\":[\"" + group + "\"],\"StartTime\":\"" + start + "\",\"EndTime\":\"" + end
                        + "\",\"Aggregation\":" + aggregation + "}");
        if (r.status() != 200) {
            throw new AssertionError("bandwidth of " + group + " answered " + r.status() + ": " + r.body());
        }
        java.util.List<Double> points = new java.util.ArrayList<>();
        r.json().at("/Result/BandwidthDataList").forEach(p -> points.add(p.get("UpBandwidth").asDouble()));
        return points;
    }

    /** Aliyun RPC call with its parameters as an application/x-www-form-urlencoded body. */
    public Reply postForm(String form) {
        return send(HttpRequest.newBuilder(uri("/")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    public Reply get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build());
    }

    /** POST with a JSON (or YAML) body, e.g. to the control plane. */
    public Reply post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)).build());
    }

    /** Replaces the fixture accounts with a catalogue (YAML or JSON), which must load; the number of accounts. */
    public int loadFixtures(String catalogue) {
        Reply loaded = post("/_emulator/fixtures", catalogue);
        if (loaded.status() != 200) {
            throw new AssertionError("the catalogue was refused with " + loaded.status() + ": " + loaded.body());
        }
        return loaded.json().get("accounts").asInt();
    }

    /** A shipped scenario catalogue's text ({@code usagekit/fixtures/scenarios/<name>.yaml}). */
    public static String scenario(String name) {
        String resource = "usagekit/fixtures/scenarios/" + name + ".yaml";
        try (java.io.InputStream in = TestEmulator.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("no " + resource + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public Reply delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE().build());
    }

    public Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.headers().map(),
                    r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }
}
