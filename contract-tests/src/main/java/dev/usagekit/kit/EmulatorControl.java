package dev.usagekit.kit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small client of the emulator's control plane ({@code /_emulator/...}) over {@code java.net.http}. Every method
 * throws {@link IllegalStateException} when the emulator answers with an error.
 */
public final class EmulatorControl {

    /** Made when first used, so {@link #requireJson()} can catch its failure. */
    private static final class Json {
        static final ObjectMapper MAPPER = JsonMapper.builder().build();
    }

    /** The kit's JSON reader, shared with the assertions. */
    static ObjectMapper json() {
        return Json.MAPPER;
    }

    /** The annotations Jackson 3 needs, which a Spring Boot 3 BOM or a Jackson 2 BOM pins at 2.19 or older. */
    static final String JACKSON_ANNOTATIONS = "com.fasterxml.jackson.core:jackson-annotations";

    private final String base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * Fails with what to change when the kit's JSON library (Jackson 3) cannot start: called before an emulator is
     * started, so a class path that lacks it (a Spring Boot 3 project's) is told so, not a bare NoClassDefFoundError.
     */
    static void requireJson() {
        try {
            Json.MAPPER.getClass();
        } catch (LinkageError e) {
            Package annotations = com.fasterxml.jackson.annotation.JsonProperty.class.getPackage();
            String found = annotations == null ? null : annotations.getImplementationVersion();
            IllegalStateException advice = new IllegalStateException("the kit reads the emulator's JSON with Jackson"
                    + " 3, which needs " + JACKSON_ANNOTATIONS + " 2.20 or later; this class path has "
                    + (found == null ? "another" : found) + " (a Spring Boot 3 BOM picks 2.19, a Jackson 2 BOM its"
                    + " own): set its version to 2.21 in your build's dependencyManagement (README, \"Spring Boot 3"
                    + " projects\")");
            advice.addSuppressed(e); // not its cause: a failed start is worded by its innermost cause
            throw advice;
        }
    }

    /** @param baseUrl the emulator's base URL, e.g. {@code http://127.0.0.1:8080} */
    public EmulatorControl(String baseUrl) {
        this(baseUrl, null);
    }

    /**
     * @param baseUrl the control plane's base URL: the emulator's, or its own port's with {@code emulator.admin.port}
     * @param token the {@code emulator.admin.token}, sent as {@code X-Emulator-Token}; null or blank for none
     */
    public EmulatorControl(String baseUrl, String token) {
        this.base = (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + "/_emulator";
        this.token = token == null || token.isBlank() ? null : token;
    }

    // --- clock ---

    /** The virtual clock's current instant. */
    public Instant now() {
        return Instant.parse(get("/clock").get("now").asString());
    }

    public boolean frozen() {
        return get("/clock").get("frozen").asBoolean();
    }

    public EmulatorControl setClock(Instant instant) {
        post("/clock", Map.of("set", instant.toString()));
        return this;
    }

    /**
     * Freezes the clock at exactly this instant, in one call: {@code setClock(t).freezeClock()} on a running clock
     * freezes it a little after {@code t}.
     */
    public EmulatorControl freezeClockAt(Instant instant) {
        post("/clock", Map.of("set", instant.toString(), "freeze", true));
        return this;
    }

    public EmulatorControl advanceClock(Duration duration) {
        post("/clock", Map.of("advance", duration.toString()));
        return this;
    }

    public EmulatorControl freezeClock() {
        post("/clock", Map.of("freeze", true));
        return this;
    }

    public EmulatorControl unfreezeClock() {
        post("/clock", Map.of("freeze", false));
        return this;
    }

    // --- reset, seed, fixtures ---

    /** Clears journal, faults, throttle buckets and limit overrides; restores startup seed, fixtures, limits, clock. */
    public EmulatorControl reset() {
        send(HttpRequest.newBuilder(uri("/reset")).POST(HttpRequest.BodyPublishers.noBody()));
        return this;
    }

    public EmulatorControl seed(long seed) {
        post("/seed", Map.of("seed", seed));
        return this;
    }

    /** Replaces the fixture accounts with a catalogue in YAML (or JSON); returns the number of accounts. */
    public int loadFixtures(String yaml) {
        JsonNode answer = send(HttpRequest.newBuilder(uri("/fixtures")).header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(yaml, StandardCharsets.UTF_8)));
        return answer.get("accounts").asInt();
    }

    /** The catalogue in use, as the emulator read it ({@code {"accounts":[...]}}, access key ids but no secrets). */
    public JsonNode catalogue() {
        return get("/fixtures");
    }

    /**
     * Replaces the fixture accounts with one of the scenario catalogues shipped in usagekit-fixtures
     * ({@code usagekit/fixtures/scenarios/<name>.yaml}: {@code outage-and-spike}, {@code large-customer},
     * {@code time-zones}, {@code late-data}); returns the number of accounts.
     */
    public int loadScenario(String name) {
        String resource = "usagekit/fixtures/scenarios/" + name + ".yaml";
        try (InputStream in = EmulatorControl.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no scenario " + name + " (" + resource + ") on the class path");
            }
            return loadFixtures(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    // --- faults ---

    /** Fails the next {@code times} calls of {@code action} with {@code code} and HTTP {@code status}. */
    public EmulatorControl fault(String action, String code, int status, int times) {
        return fault(failing(action, code, status, times));
    }

    /**
     * Like {@link #fault(String, String, int, int)}, and delays each failing answer by {@code latencyMs}: 0 to 60000
     * (a minute), as the emulator refuses a longer delay ({@link IllegalStateException} naming the limit).
     */
    public EmulatorControl faultWithLatency(String action, String code, int status, int times, long latencyMs) {
        Map<String, Object> body = failing(action, code, status, times);
        body.put("latencyMs", latencyMs);
        return fault(body);
    }

    private static Map<String, Object> failing(String action, String code, int status, int times) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", action);
        body.put("code", code);
        body.put("status", status);
        body.put("times", times);
        return body;
    }

    /**
     * Slows every call of {@code action} down by {@code latencyMs} without failing it: 0 to 60000 (a minute), as the
     * emulator refuses a longer delay ({@link IllegalStateException} naming the limit).
     */
    public EmulatorControl latency(String action, long latencyMs) {
        return fault(Map.of("action", action, "latencyMs", latencyMs));
    }

    /**
     * Slows every call of {@code action} down by a log-normal delay: {@code medianMs} at the median, a tail that
     * {@code sigma} widens (0.5: one call in twenty over 2.3 times the median), never over {@code maxMs}. The emulator
     * refuses a {@code medianMs} or {@code maxMs} over 60000 (a minute), and a {@code sigma} not above 0 or over 5.
     */
    public EmulatorControl latency(String action, long medianMs, double sigma, long maxMs) {
        return fault(Map.of("action", action, "latency", Map.of("medianMs", medianMs, "sigma", sigma, "maxMs", maxMs)));
    }

    /**
     * Adds a fault given as the raw JSON fields of {@code POST /_emulator/faults}; its latencies are 60000 ms (a
     * minute) at most. Adding one past {@code emulator.faults.max} (1000) in force is refused: {@link #clearFaults()}.
     */
    public EmulatorControl fault(Map<String, ?> fields) {
        post("/faults", fields);
        return this;
    }

    /** The faults in force. */
    public JsonNode faults() {
        return get("/faults").get("faults");
    }

    public EmulatorControl clearFaults() {
        send(HttpRequest.newBuilder(uri("/faults")).DELETE());
        return this;
    }

    // --- throttles ---

    /** Overrides one action's limit: {@code N/s}, {@code N/min} or {@code off}. */
    public EmulatorControl throttle(String action, String limit) {
        post("/throttles", Map.of("action", action, "limit", limit));
        return this;
    }

    /**
     * Overrides one action's limit for one account (its name or id in the catalogue), as a raised or lowered quota;
     * the other accounts keep theirs.
     */
    public EmulatorControl throttle(String action, String limit, String account) {
        post("/throttles", Map.of("action", action, "limit", limit, "account", account));
        return this;
    }

    public EmulatorControl throttlesEnabled(boolean enabled) {
        post("/throttles", Map.of("enabled", enabled));
        return this;
    }

    /** {@code {"enabled":..,"actions":{..},"accounts":{"<account id>":{"<action>":"1/s"}}}}. */
    public JsonNode throttles() {
        return get("/throttles");
    }

    // --- journal ---

    /** Recorded calls of {@code action} (every action when null), oldest first. */
    public List<JsonNode> journal(String action) {
        return journal(action == null ? Map.of() : Map.of("action", action));
    }

    /**
     * Recorded calls matching the filters ({@code action}, {@code account}, {@code outcome}, {@code since},
     * {@code requestId}, {@code errorCode}, {@code limit}).
     */
    public List<JsonNode> journal(Map<String, String> filters) {
        List<JsonNode> entries = new ArrayList<>();
        get("/journal" + query(filters)).get("entries").forEach(entries::add);
        return entries;
    }

    /** The newest recorded call of {@code action}, or null when there is none. */
    public JsonNode lastCall(String action) {
        Map<String, String> filters = new LinkedHashMap<>();
        if (action != null) {
            filters.put("action", action);
        }
        filters.put("limit", "1");
        List<JsonNode> entries = journal(filters);
        return entries.isEmpty() ? null : entries.get(entries.size() - 1);
    }

    /**
     * The recorded call that was answered with this request id (what a client's exception shows: the Volcengine
     * {@code RequestId}, which volc-sdk-java calls LogID, or Aliyun's {@code RequestId}), or null when there is none.
     */
    public JsonNode callWithRequestId(String requestId) {
        if (requestId == null || requestId.isBlank()) {
            throw new IllegalArgumentException("no request id given: a client's exception without one names no call");
        }
        List<JsonNode> entries = journal(Map.of("requestId", requestId));
        return entries.isEmpty() ? null : entries.get(0);
    }

    /** Number of recorded calls of {@code action} (every action when null). */
    public long count(String action) {
        return get("/journal/count" + query(action == null ? Map.of() : Map.of("action", action))).get("count").asLong();
    }

    /**
     * How many of the oldest entries the journal has dropped since it was last emptied (a reset empties it), for want
     * of room ({@code emulator.journal.size}): while it is above 0 the journal no longer holds every call.
     */
    public long evicted() {
        return get("/journal/count").get("evicted").asLong();
    }

    public EmulatorControl clearJournal() {
        send(HttpRequest.newBuilder(uri("/journal")).DELETE());
        return this;
    }

    /** {@code GET /_emulator/info}. */
    public JsonNode info() {
        return get("/info");
    }

    // --- plumbing ---

    private static String query(Map<String, String> filters) {
        if (filters.isEmpty()) {
            return "";
        }
        StringBuilder q = new StringBuilder();
        filters.forEach((k, v) -> q.append(q.length() == 0 ? '?' : '&').append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return q.toString();
    }

    // --- Pact provider states ---

    /**
     * Sets up a Pact provider state by its name, as a verifier's state-change URL ({@code POST
     * /_emulator/provider-states}) does: e.g. {@code "clock is 2026-11-20T12:00:00Z"}, {@code "group001 is out from
     * 2026-11-19T02:00:00Z to 04:00:00Z"}, {@code "DescribeLiveTranscodeData is throttled for account demo"}. The first
     * state after API calls were served starts from the emulator as it started; the states of one interaction add up.
     *
     * @return the emulator's answer: the state, whether it reset first, and the times around the clock (as
     *     {@link #providerStateValues})
     */
    public JsonNode providerState(String state) {
        return post("/provider-states", Map.of("state", state, "action", "setup"));
    }

    /**
     * Sets up the state as {@link #providerState} does and gives its answer as text values, for a Pact JVM
     * {@code @State} method to return: Pact fills a request's provider-state expressions from them, e.g.
     * {@code ${yesterday}} (local midnight, +08:00), {@code ${todayUtc}}, {@code ${now}}.
     */
    public Map<String, Object> providerStateValues(String state) {
        Map<String, Object> values = new LinkedHashMap<>();
        providerState(state).properties().forEach(field -> values.put(field.getKey(), field.getValue().asString()));
        return values;
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private JsonNode get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private JsonNode post(String path, Object body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body), StandardCharsets.UTF_8)));
    }

    private JsonNode send(HttpRequest.Builder request) {
        if (token != null) {
            request.header("X-Emulator-Token", token);
        }
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> response;
        try {
            response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("control plane call " + built.method() + " " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted calling " + built.uri(), e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("control plane " + built.method() + " " + built.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        String text = response.body();
        return text == null || text.isBlank() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(text);
    }
}
