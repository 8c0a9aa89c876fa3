package dev.usagekit.emulator.control;

import dev.usagekit.emulator.EmulatorApplication;
import dev.usagekit.emulator.catalogue.Account;
import dev.usagekit.emulator.catalogue.Catalogue;
import dev.usagekit.emulator.catalogue.CatalogueLoader;
import dev.usagekit.emulator.config.RateLimits;
import dev.usagekit.emulator.core.ActionHandler;
import dev.usagekit.emulator.core.ActionRegistry;
import dev.usagekit.emulator.core.EmulatorState;
import dev.usagekit.emulator.core.RateLimit;
import dev.usagekit.emulator.gateway.aliyun.NonceRegistry;
import dev.usagekit.emulator.throttle.RateLimiter;
import dev.usagekit.emulator.time.EmulatorClock;
import dev.usagekit.emulator.time.InstantText;
import dev.usagekit.emulator.web.ConnectionGuard;
import dev.usagekit.emulator.web.ResponseBody;
import dev.usagekit.emulator.web.WireResponse;
import dev.usagekit.emulator.wire.WireCodec;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.server.HttpServerRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Handlers of the /_emulator/ control plane: JSON in, JSON out, 400 with a message for any bad input. */
public final class ControlApi {

    private static final Logger log = LoggerFactory.getLogger(ControlApi.class);

    /** A client mistake in a control request; answered 400. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }

    /*
     * The answers with more than one field are records: Jackson writes a record's fields in the order declared, the
     * order the README shows, where Map.of would iterate in an order that changes from one JVM to the next.
     */
    record ClockState(String now, boolean frozen) {}

    record LimitsState(boolean enabled, Map<String, String> actions, Map<String, Map<String, String>> accounts) {}

    record Reset(boolean reset, ClockState clock, long seed) {}

    record FaultAdded(List<Map<String, Object>> faults, long added) {}

    /** Also writes the journal's details (on the event loops), which the journal endpoint serves as they are. */
    static final JsonMapper JSON = WireCodec.jsonMapperBuilder().build();

    private final EmulatorClock clock;
    private final EmulatorState state;
    private final RateLimiter limiter;
    private final RateLimits limits;
    private final ActionRegistry registry;
    private final FaultInjector faults;
    private final RequestJournal journal;
    private final StartupState startup;
    private final NonceRegistry nonces;
    private final String version;
    /** The signature settings, as /info shows them. */
    private final Map<String, String> signature;
    private final ProviderStates providerStates;

    public ControlApi(EmulatorClock clock, EmulatorState state, RateLimiter limiter, RateLimits limits,
            ActionRegistry registry, FaultInjector faults, RequestJournal journal, StartupState startup,
            NonceRegistry nonces, Map<String, String> signature) {
        this.clock = clock;
        this.state = state;
        this.limiter = limiter;
        this.limits = limits;
        this.registry = registry;
        this.faults = faults;
        this.journal = journal;
        this.startup = startup;
        this.nonces = nonces;
        this.signature = signature;
        this.version = EmulatorApplication.version();
        this.providerStates = new ProviderStates(state, limiter, limits, registry, journal, this::resetToStartup,
                at -> moveClock(at, null, true), clock::instant);
    }

    /** The emulator's version, from the jar manifest ("dev" when run from classes). */
    String version() {
        return version;
    }

    // --- status ---

    public Mono<ServerResponse> health(ServerRequest request) {
        return ok(Map.of("status", "UP"));
    }

    public Mono<ServerResponse> info(ServerRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version);
        body.put("seed", state.seed());
        body.put("clock", clockState());
        body.put("signature", signature);
        body.put("limits", limitsState());
        body.put("journal", Map.of("size", journal.capacity()));
        return ok(body);
    }

    // --- clock ---

    public Mono<ServerResponse> clock(ServerRequest request) {
        return ok(clockState());
    }

    public Mono<ServerResponse> moveClock(ServerRequest request) {
        return withBody(request, List.of("set", "advance", "freeze"), body -> {
            Instant set = body.hasNonNull("set") ? instant(body.get("set").asString(), "set") : null;
            Duration advance = body.hasNonNull("advance") ? duration(body.get("advance").asString()) : null;
            moveClock(set, advance, flag(body, "freeze"));
            return clockState();
        });
    }

    /**
     * Sets and/or advances the clock and freezes or unfreezes it (null: neither). Where it lands is checked first, so
     * a refused move changes nothing. A clock to be frozen is frozen before it moves, so it stands exactly where it
     * was set; one to run again is let go after.
     */
    private void moveClock(Instant set, Duration advance, Boolean freeze) {
        Instant before = clock.instant();
        try {
            EmulatorClock.landing(set != null ? set : before, advance != null ? advance : Duration.ZERO);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
        if (Boolean.TRUE.equals(freeze)) {
            clock.freeze();
        }
        if (set != null) {
            clock.set(set);
        }
        if (advance != null) {
            clock.advance(advance);
        }
        if (Boolean.FALSE.equals(freeze)) {
            clock.unfreeze();
        }
        if (clock.instant().isBefore(before)) {
            limiter.clear(); // buckets cannot refill backwards
        }
    }

    // --- reset, seed, fixtures ---

    /** An empty body or {@code {}}: the kit and scripts post none, and a member would be read by no one. */
    public Mono<ServerResponse> reset(ServerRequest request) {
        return withBody(request, List.of(), body -> {
            providerStates.resetAndEndInteraction();
            return new Reset(true, clockState(), state.seed());
        });
    }

    /** Back to the emulator as it started: journal, faults, throttles, Aliyun nonces, seed, fixtures and clock. */
    private void resetToStartup() {
        faults.clear();
        limits.clearOverrides();
        startup.limitOverrides().forEach(limits::override);
        limits.setEnabled(startup.limitsEnabled());
        state.reseed(startup.seed());
        state.replaceFixtures(startup.fixtures());
        clock.startAt(startup.fixedStart(), startup.frozen());
        // after the clock: a bucket a call made in between, at the clock's old time, cannot refill backwards
        limiter.clear();
        // a nonce used before the reset is fresh after it, as in a new emulator
        nonces.clear();
        // last: a call that came in during the reset, under the old faults or clock, is not the next test's
        journal.clear();
    }

    // --- Pact provider states ---

    /**
     * A Pact verifier's state change: {@code {"state": ..., "params": {...}, "action": "setup"|"teardown"}} as the
     * body, or state, action and params as query parameters (a verifier told not to send a body). Of the params only
     * {@code offset} is read, for the local times of the answer.
     */
    public Mono<ServerResponse> providerState(ServerRequest request) {
        String queryState = param(request, "state");
        String queryAction = param(request, "action");
        String queryOffset = param(request, "offset");
        // set up off the event loop: a scenario state reads its catalogue from the class path
        return withBody(text(request).publishOn(Schedulers.boundedElastic()), body -> {
            String state = body.has("state") ? text(body, "state") : queryState;
            JsonNode params = body.path("params");
            for (String name : params.propertyNames()) {
                if (!name.equals("offset")) {
                    log.warn("Pact provider state \"{}\": parameter \"{}\" ignored (only offset is read)", state, name);
                }
            }
            try {
                return providerStates.apply(state, body.has("action") ? text(body, "action") : queryAction,
                        params.has("offset") ? text(params, "offset") : queryOffset);
            } catch (BadRequest e) {
                // verifiers report a failed state change by its status alone: the reason is for this log
                log.warn("Pact provider state \"{}\" refused: {}", state, e.getMessage());
                throw e;
            }
        });
    }

    /** The forms of state text understood, each as an example. */
    public Mono<ServerResponse> providerStateForms(ServerRequest request) {
        return ok(Map.of("forms", ProviderStates.forms().lines().toList()));
    }

    public Mono<ServerResponse> seed(ServerRequest request) {
        return withBody(request, List.of("seed"), body -> {
            String expected = "a 64-bit integer, e.g. {\"seed\":123}";
            Long seed = typed(body, "seed", n -> n.isIntegralNumber() && n.canConvertToLong(), expected,
                    JsonNode::longValue, null);
            if (seed == null) {
                throw new BadRequest("seed must be " + expected);
            }
            state.reseed(seed);
            return Map.of("seed", state.seed());
        });
    }

    public Mono<ServerResponse> catalogue(ServerRequest request) {
        return ok(CatalogueView.of(state.catalogue()));
    }

    public Mono<ServerResponse> fixtures(ServerRequest request) {
        return text(request).flatMap(text -> {
            if (text.isBlank()) {
                return error(HttpStatus.BAD_REQUEST, "the fixture body is empty");
            }
            try {
                var accounts = CatalogueLoader.read(text, "of POST /_emulator/fixtures");
                state.replaceFixtures(accounts);
                return ok(Map.of("accounts", accounts.size()));
            } catch (RuntimeException e) {
                return error(HttpStatus.BAD_REQUEST, e.getMessage());
            }
        }).onErrorResume(DataBufferLimitException.class, e -> tooLarge());
    }

    // --- throttles ---

    public Mono<ServerResponse> throttles(ServerRequest request) {
        return ok(limitsState());
    }

    public Mono<ServerResponse> setThrottles(ServerRequest request) {
        return withBody(request, List.of("enabled", "action", "limit", "account"), body -> {
            Boolean enabled = flag(body, "enabled");
            String named = text(body, "action");
            String limit = text(body, "limit");
            String account = text(body, "account");
            String action = named == null ? null : actionNamed(registry, named);
            if ((action == null) != (limit == null)) {
                throw new BadRequest("action and limit go together, e.g. {\"action\":\"ListOperationDistribution\","
                        + "\"limit\":\"10/s\"} (10/s, 600/min or off)");
            }
            if (account != null && action == null) {
                throw new BadRequest("account needs an action and a limit, e.g. {\"account\":\"demo\","
                        + "\"action\":\"ListOperationDistribution\",\"limit\":\"1/s\"}");
            }
            String accountId = account == null ? null : catalogueAccount(state.catalogue(), account).accountId();
            if (action != null) {
                try {
                    if (accountId == null) {
                        limits.override(action, limit);
                    } else {
                        limits.override(accountId, action, limit);
                    }
                } catch (IllegalArgumentException e) {
                    throw new BadRequest(e.getMessage());
                }
            }
            if (enabled != null) {
                limits.setEnabled(enabled);
            }
            return limitsState();
        });
    }

    // --- faults ---

    public Mono<ServerResponse> faults(ServerRequest request) {
        return ok(Map.of("faults", faults.list()));
    }

    public Mono<ServerResponse> addFault(ServerRequest request) {
        return withBody(request, FAULT_FIELDS, body -> {
            FaultInjector.Added added = faults.add(parseFault(body)).orElseThrow(() -> new BadRequest("at most "
                    + faults.maxInForce() + " faults may be in force (" + ControlProperties.Faults.MAX_SETTING
                    + "); clear them with DELETE /_emulator/faults"));
            return new FaultAdded(added.inForce(), added.id());
        });
    }

    public Mono<ServerResponse> clearFaults(ServerRequest request) {
        faults.clear();
        return ok(Map.of("faults", faults.list()));
    }

    /** The fault the body asks for, checked whole; it gets its id only when added. */
    private LongFunction<FaultInjector.Fault> parseFault(JsonNode body) {
        String named = text(body, "action");
        String action = named == null ? null : actionNamed(registry, named);
        FaultInjector.Latency latency = latency(body);
        String givenCode = xmlText(text(body, "code"), "code");
        boolean latencyOnly = givenCode == null && !body.hasNonNull("status") && latency.adds();
        String code = latencyOnly ? null : givenCode == null ? "InternalError" : givenCode;
        int status = whole(body, "status", 500);
        if (status < 400 || status > 599) {
            throw new BadRequest("status must be 400-599");
        }
        int times = whole(body, "times", -1);
        if (body.hasNonNull("times") && times < 1) {
            throw new BadRequest("times must be at least 1");
        }
        double probability = number(body, "probability", 1.0);
        if (probability < 0 || probability > 1) {
            throw new BadRequest("probability must be between 0 and 1");
        }
        Integer codeN = body.hasNonNull("codeN") ? whole(body, "codeN", 0) : null;
        if (codeN != null && codeN < 1) {
            throw new BadRequest("codeN must be a positive integer"); // the gateways' codes are; the error schema says so
        }
        String givenMessage = xmlText(text(body, "message"), "message");
        String message = givenMessage == null ? "Injected fault." : givenMessage;
        String account = text(body, "account");
        String accountId = account == null ? null : catalogueAccount(state.catalogue(), account).accountId();
        return id -> new FaultInjector.Fault(id, action, accountId, code, status, codeN, message, times, probability,
                latency);
    }

    /**
     * A fault's code or message as given, refused when an Aliyun answer could not carry it: that answer is XML unless
     * the call asks for JSON, and XML 1.0 holds no control character but tab, line feed and carriage return.
     */
    private static String xmlText(String value, String field) {
        if (value != null && value.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
            throw new BadRequest(field + " must not hold control characters other than tab, line feed and carriage"
                    + " return (an Aliyun answer is XML)");
        }
        return value;
    }

    /** A fault's {@code latencyMs} (fixed) or {@code latency} (uniform, or log-normal with medianMs and sigma). */
    private static FaultInjector.Latency latency(JsonNode body) {
        if (body.hasNonNull("latencyMs")) {
            long fixed = milliseconds(body.get("latencyMs"), "latencyMs", 0);
            return FaultInjector.Latency.between(fixed, fixed);
        }
        if (!body.hasNonNull("latency")) {
            return FaultInjector.Latency.NONE;
        }
        JsonNode l = body.get("latency");
        if (!l.isObject()) {
            throw new BadRequest("latency must be an object such as {\"minMs\":100,\"maxMs\":300} or"
                    + " {\"medianMs\":100,\"sigma\":0.5}; latencyMs takes a fixed number of milliseconds");
        }
        requireKnownFields(l, "latency", List.of("minMs", "maxMs", "medianMs", "sigma"));
        long min = milliseconds(l.get("minMs"), "latency.minMs", 0);
        if (!l.hasNonNull("medianMs") && !l.hasNonNull("sigma")) {
            long max = milliseconds(l.get("maxMs"), "latency.maxMs", min);
            if (max < min) {
                throw new BadRequest("latency.maxMs must not be below latency.minMs");
            }
            return FaultInjector.Latency.between(min, max);
        }
        long median = milliseconds(l.get("medianMs"), "latency.medianMs", -1);
        double sigma = typedNode(l.get("sigma"), "latency.sigma", JsonNode::isNumber, "a number", JsonNode::doubleValue,
                -1.0);
        if (median < 1 || !(sigma > 0 && sigma <= 5)) {
            throw new BadRequest("a log-normal latency needs medianMs (at least 1) and sigma (above 0, at most 5),"
                    + " e.g. {\"medianMs\":100,\"sigma\":0.5}");
        }
        long max = milliseconds(l.get("maxMs"), "latency.maxMs", FaultInjector.MAX_LATENCY_MS);
        if (min > median || max < median) {
            throw new BadRequest("latency.minMs and latency.maxMs must keep medianMs between them");
        }
        return new FaultInjector.Latency(min, max, median, sigma);
    }

    // --- journal ---

    private static final List<String> JOURNAL_FILTERS = List.of("action", "account", "outcome", "since", "requestId",
            "errorCode");
    private static final List<String> JOURNAL_PAGE = List.of("action", "account", "outcome", "since", "requestId",
            "errorCode", "limit");

    public Mono<ServerResponse> journal(ServerRequest request) {
        requireKnownParameters(request, "/_emulator/journal", JOURNAL_PAGE);
        RequestJournal.Filter filter = filter(request);
        int limit = request.queryParam("limit").map(s -> integer(s, "limit")).orElse(0);
        if (limit < 0) {
            throw new BadRequest("limit must be 0 (every entry) or more");
        }
        RequestJournal.Page page = journal.find(filter, limit);
        if (page.entries().size() <= JournalPageJson.ENTRIES_PER_BATCH || speaksHttp10(request)) {
            return ok(page);
        }
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(BodyInserters.fromDataBuffers(
                JournalPageJson.pieces(page).map(DefaultDataBufferFactory.sharedInstance::wrap)));
    }

    public Mono<ServerResponse> journalCount(ServerRequest request) {
        requireKnownParameters(request, "/_emulator/journal/count", JOURNAL_FILTERS);
        return ok(journal.count(filter(request)));
    }

    public Mono<ServerResponse> clearJournal(ServerRequest request) {
        journal.clear();
        return ok(new RequestJournal.Count(0, journal.evicted()));
    }

    /** An HTTP/1.0 client cannot be sent a chunked answer (RFC 9112, 6.1): it gets the page whole, with its length. */
    private static boolean speaksHttp10(ServerRequest request) {
        try {
            return ServerHttpRequestDecorator.getNativeRequest(request.exchange().getRequest())
                    instanceof HttpServerRequest served && served.version() == HttpVersion.HTTP_1_0;
        } catch (IllegalArgumentException notFromNetty) {
            return false;
        }
    }

    /** A misspelt filter would match every entry: refused instead, naming the ones there are. */
    private static void requireKnownParameters(ServerRequest request, String path, List<String> known) {
        requireKnown(request.queryParams().keySet(), "parameter", "of " + path, known);
    }

    /** The filters of the journal's queries; an account by its catalogue name too, as the journal keeps its id. */
    private RequestJournal.Filter filter(ServerRequest request) {
        String outcome = param(request, "outcome");
        if (outcome != null && CallOutcome.named(outcome) == null) {
            throw new BadRequest("outcome must be one of " + CallOutcome.NAMES);
        }
        String account = param(request, "account");
        String accountId = account == null ? null
                : state.catalogue().accountByIdOrName(account).map(Account::accountId).orElse(account);
        return new RequestJournal.Filter(param(request, "action"), accountId, outcome,
                request.queryParam("since").filter(s -> !s.isBlank()).map(s -> instant(s, "since")).orElse(null),
                // a blank id is no id: it matches nothing rather than everything
                request.queryParam("requestId").orElse(null), param(request, "errorCode"));
    }

    // --- helpers ---

    private ClockState clockState() {
        return new ClockState(clock.instant().toString(), clock.frozen());
    }

    private LimitsState limitsState() {
        Map<String, String> perAction = new LinkedHashMap<>();
        for (ActionHandler<?> h : registry.all()) {
            RateLimit limit = limits.limitFor(h);
            perAction.put(h.spec().action(), limit == null ? "off" : limit.toString());
        }
        return new LimitsState(limits.enabled(), perAction, limits.accountOverrides());
    }

    /**
     * The action's own name for a name in any case, as the settings take it; a name no action has is refused. Every
     * control request naming an action reads it here, so throttles, faults and provider states agree.
     */
    static String actionNamed(ActionRegistry registry, String name) {
        return registry.actionNamedIgnoringCase(name).orElseThrow(() -> new BadRequest("unknown action: " + name));
    }

    /** The catalogue account with that id or name; anything else is refused, naming the accounts there are. */
    static Account catalogueAccount(Catalogue catalogue, String idOrName) {
        return catalogue.accountByIdOrName(idOrName).orElseThrow(() -> new BadRequest("no account " + idOrName
                + " in the catalogue (accounts: " + catalogue.accounts().stream()
                        .map(a -> a.name() + " " + a.accountId()).collect(Collectors.joining(", ")) + ")"));
    }

    /** Largest control request body (a fixture file is the big one). */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private static Mono<ServerResponse> tooLarge() {
        return error(HttpStatus.PAYLOAD_TOO_LARGE, "the body exceeds " + MAX_BODY_BYTES + " bytes");
    }

    /** The body as UTF-8 text, whatever the Content-Type claims. */
    private static Mono<String> text(ServerRequest request) {
        return BoundedBody.read(request, MAX_BODY_BYTES).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    private static final List<String> FAULT_FIELDS = List.of("action", "account", "code", "codeN", "status",
            "message", "times", "probability", "latencyMs", "latency");

    /** As {@link #withBody(Mono, Function)}, refusing a member the endpoint does not read: a misspelt name does nothing. */
    private static Mono<ServerResponse> withBody(ServerRequest request, List<String> fields,
            Function<JsonNode, Object> action) {
        return withBody(text(request), body -> {
            requireKnownFields(body, "the body", fields);
            return action.apply(body);
        });
    }

    private static void requireKnownFields(JsonNode object, String where, List<String> fields) {
        requireKnown(object.propertyNames(), "field", "in " + where, fields);
    }

    /** Refuses the first name not among {@code known}: e.g. unknown field "frozen" in the body; known: ... */
    private static void requireKnown(Iterable<String> names, String kind, String where, List<String> known) {
        for (String name : names) {
            if (!known.contains(name)) {
                throw new BadRequest("unknown " + kind + " \"" + name + "\" " + where + (known.isEmpty()
                        ? "; it takes none" : "; known: " + String.join(", ", known)));
            }
        }
    }

    private static Mono<ServerResponse> withBody(Mono<String> received, Function<JsonNode, Object> action) {
        return received.flatMap(text -> {
            try {
                JsonNode body = text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
                if (body == null || !body.isObject()) {
                    throw new BadRequest("the body must be a JSON object");
                }
                return ok(action.apply(body));
            } catch (JacksonException e) {
                return error(HttpStatus.BAD_REQUEST, "malformed JSON: " + e.getOriginalMessage());
            } catch (BadRequest e) {
                return error(HttpStatus.BAD_REQUEST, e.getMessage());
            }
        }).onErrorResume(DataBufferLimitException.class, e -> tooLarge());
    }

    static Mono<ServerResponse> ok(Object body) {
        return json(HttpStatus.OK, body);
    }

    /** An error answer: {@code {"error": reason phrase, "message": ...}}. */
    record ErrorBody(String error, String message) {}

    /**
     * The control plane's answer to a request refused below the routes (too large headers, malformed, too slow): its
     * own JSON error, not a vendor's envelope, and not journaled as an API call.
     */
    public static WireResponse refused(ConnectionGuard.Problem problem) {
        HttpStatus status = HttpStatus.valueOf(problem.status());
        return new WireResponse(status.value(), "application/json", ResponseBody.of(JSON.writeValueAsBytes(
                new ErrorBody(status.getReasonPhrase(), problem.message()))), Map.of());
    }

    static Mono<ServerResponse> error(HttpStatus status, String message) {
        return json(status, new ErrorBody(status.getReasonPhrase(), message));
    }

    /** The challenge a 401 carries (RFC 9110 §15.5.2): its scheme names the header that holds the token. */
    static final String TOKEN_CHALLENGE = "X-Emulator-Token realm=\"usagekit control plane\"";

    /** 401 for a control request without the right token. */
    static Mono<ServerResponse> unauthorized(String message) {
        HttpStatus status = HttpStatus.UNAUTHORIZED;
        return json(ServerResponse.status(status).header(HttpHeaders.WWW_AUTHENTICATE, TOKEN_CHALLENGE),
                new ErrorBody(status.getReasonPhrase(), message));
    }

    /** 405 for a control path that answers other methods, listed in the Allow header. */
    static Mono<ServerResponse> methodNotAllowed(HttpMethod method, String path, Set<HttpMethod> allowed) {
        HttpStatus status = HttpStatus.METHOD_NOT_ALLOWED;
        String answered = allowed.stream().map(HttpMethod::name).collect(Collectors.joining(", "));
        return json(ServerResponse.status(status).allow(allowed), new ErrorBody(status.getReasonPhrase(),
                method.name() + " " + path + " is not a control endpoint; the path answers " + answered));
    }

    private static Mono<ServerResponse> json(HttpStatus status, Object body) {
        return json(ServerResponse.status(status), body);
    }

    private static Mono<ServerResponse> json(ServerResponse.BodyBuilder response, Object body) {
        // bytes, not a String: Spring's text encoder would take three bytes a character to write one out
        return response.contentType(MediaType.APPLICATION_JSON).bodyValue(JSON.writeValueAsBytes(body));
    }

    /** Turns a BadRequest thrown outside withBody (query parameters) into a 400. */
    static HandlerFunction<ServerResponse> guarded(HandlerFunction<ServerResponse> handler) {
        return request -> {
            try {
                return handler.handle(request);
            } catch (BadRequest e) {
                return error(HttpStatus.BAD_REQUEST, e.getMessage());
            }
        };
    }

    private static String param(ServerRequest request, String name) {
        return request.queryParam(name).filter(s -> !s.isBlank()).orElse(null);
    }

    /** A string field: null when missing, null or blank, a 400 naming it when of another JSON type. */
    private static String text(JsonNode body, String field) {
        String value = typed(body, field, JsonNode::isString, "a string", JsonNode::asString, null);
        return value == null || value.isBlank() ? null : value;
    }

    /** A field of the given JSON type: {@code absent} when missing or null, a 400 naming it when of another type. */
    private static <T> T typed(JsonNode body, String field, Predicate<JsonNode> fits, String expected,
            Function<JsonNode, T> value, T absent) {
        return typedNode(body.get(field), field, fits, expected, value, absent);
    }

    /** {@link #typed} for a node already picked out (a nested one), named as the error message shows it. */
    private static <T> T typedNode(JsonNode n, String name, Predicate<JsonNode> fits, String expected,
            Function<JsonNode, T> value, T absent) {
        if (n == null || n.isNull()) {
            return absent;
        }
        if (!fits.test(n)) {
            throw new BadRequest(name + " must be " + expected);
        }
        return value.apply(n);
    }

    private static Boolean flag(JsonNode body, String field) {
        return typed(body, field, JsonNode::isBoolean, "true or false", JsonNode::booleanValue, null);
    }

    private static int whole(JsonNode body, String field, int absent) {
        return typed(body, field, n -> n.isIntegralNumber() && n.canConvertToInt(), "an integer", JsonNode::intValue,
                absent);
    }

    private static double number(JsonNode body, String field, double absent) {
        return typed(body, field, JsonNode::isNumber, "a number", JsonNode::doubleValue, absent);
    }

    /** A fault's delay in milliseconds, within what a fault may add; a 400 naming the field and the bounds else. */
    private static long milliseconds(JsonNode n, String name, long absent) {
        // canConvertToLong first: asLong() throws on a BigInteger, which surfaced as "malformed JSON"
        return typedNode(n, name, m -> m.isIntegralNumber() && m.canConvertToLong() && m.asLong() >= 0
                && m.asLong() <= FaultInjector.MAX_LATENCY_MS, "an integer from 0 to " + FaultInjector.MAX_LATENCY_MS
                        + " (milliseconds, a minute at most)", JsonNode::asLong, absent);
    }

    private static int integer(String s, String field) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new BadRequest(field + " must be an integer");
        }
    }

    /** An instant in the forms of {@link InstantText}, as a call's clock header takes; a 400 naming the field else. */
    static Instant instant(String s, String field) {
        return InstantText.parse(s).orElseThrow(() -> new BadRequest(field
                + " must be an ISO-8601 instant with an offset, such as " + InstantText.EXAMPLE));
    }

    private static Duration duration(String s) {
        try {
            return Duration.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequest("advance must be an ISO-8601 duration such as PT5M");
        }
    }
}
