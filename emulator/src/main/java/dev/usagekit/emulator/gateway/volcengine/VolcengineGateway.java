package dev.usagekit.emulator.gateway.volcengine;

import dev.usagekit.emulator.catalogue.Account;
import dev.usagekit.emulator.core.ActionHandler;
import dev.usagekit.emulator.core.ActionRegistry;
import dev.usagekit.emulator.core.ActionSpec;
import dev.usagekit.emulator.core.ApiError;
import dev.usagekit.emulator.core.CallTrace;
import dev.usagekit.emulator.core.Outcome;
import dev.usagekit.emulator.core.Vendor;
import dev.usagekit.emulator.gateway.CallRunner;
import dev.usagekit.emulator.gateway.RequestClock;
import dev.usagekit.emulator.gateway.RequestIds;
import dev.usagekit.emulator.gateway.SentParameters;
import dev.usagekit.emulator.schema.ResponseSelfCheck;
import dev.usagekit.emulator.signing.VolcengineAuthorization;
import dev.usagekit.emulator.web.RawRequest;
import dev.usagekit.emulator.web.ResponseBody;
import dev.usagekit.emulator.web.WireResponse;
import dev.usagekit.emulator.wire.WireCodec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Volcengine OpenAPI: {@code POST /?Action=&Version=} with a JSON body; answers with ResponseMetadata and either
 * Result or Error, and a real HTTP status.
 */
public final class VolcengineGateway {

    /** Written when nothing better is known (no credential scope, no action). */
    private static final String DEFAULT_REGION = "cn-north-1";

    /** The internal error without a request id, rendered once as the class loads (see {@link #fixedInternalError}). */
    private static final byte[] FIXED_INTERNAL_ERROR = render(Outcome.failure(VolcengineGatewayErrors.internalError()),
            "", "", "", "", DEFAULT_REGION).body().toBytes();

    /** What the envelope says about the call, even when it failed early. */
    record ResponseMetadata(String requestId, String action, String version, String service, String region,
            ErrorBody error) {
    }

    /** With its charset, as the gateway sends it: RTC's answers hold Chinese names, which no client should guess at. */
    static final String CONTENT_TYPE = "application/json; charset=utf-8";

    record ErrorBody(Integer codeN, String code, String message) {
    }

    record Envelope(ResponseMetadata responseMetadata, Object result) {
    }

    private final ActionRegistry registry;
    private final CallRunner runner;
    private final RequestIds ids;
    private final VolcengineAuthenticator authenticator;
    private final ResponseSelfCheck selfCheck;
    private final Map<String, GoFieldBinding> fieldBindings = new HashMap<>();

    /**
     * @param selfCheck checks every body against its schema, or null when the self-check is off
     * @param requestFields the fields of an action's request (its schema's properties), which body members bind to
     */
    public VolcengineGateway(ActionRegistry registry, CallRunner runner, RequestIds ids,
            VolcengineAuthenticator authenticator, ResponseSelfCheck selfCheck,
            Function<ActionSpec, List<String>> requestFields) {
        this.registry = registry;
        this.runner = runner;
        this.ids = ids;
        this.authenticator = authenticator;
        this.selfCheck = selfCheck;
        for (ActionHandler<?> handler : registry.all()) {
            if (handler.spec().vendor() == Vendor.VOLCENGINE) {
                fieldBindings.put(handler.spec().action(), new GoFieldBinding(requestFields.apply(handler.spec())));
            }
        }
    }

    /** The credential scope the client signed with, when its Authorization can be read. */
    private static VolcengineAuthorization scope(RawRequest request) {
        try {
            return SignedForm.of(request).parse(request);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** @param arrivedAt the virtual clock as read on the call's arrival: its signature and its data go by this */
    public WireResponse handle(RawRequest request, CallTrace trace, Instant arrivedAt) {
        String requestId = ids.volcengine();
        String action = request.firstQuery("Action");
        String version = request.firstQuery("Version");
        VolcengineAuthorization scope = scope(request);
        trace.note("vendor", Vendor.VOLCENGINE.name()).note("requestId", requestId);
        Outcome outcome;
        ActionHandler<?> routed = null;
        try {
            if (action == null || action.isEmpty()) {
                throw VolcengineGatewayErrors.missingParameter("Action");
            }
            if (version == null || version.isEmpty()) {
                throw VolcengineGatewayErrors.missingParameter("Version");
            }
            ActionHandler<?> handler = registry.find(Vendor.VOLCENGINE, action, version)
                    .orElseThrow(() -> VolcengineGatewayErrors.invalidActionOrVersion(action, version));
            routed = handler;
            trace.note("action", action);
            if (!"POST".equals(request.method())) {
                throw VolcengineGatewayErrors.methodNotAllowed(request.method());
            }
            Account account = authenticator.authenticate(request, scope, handler.spec().service(),
                    runner.state().catalogue(), arrivedAt, trace);
            ObjectNode sent = parseBody(request.body(), handler);
            SentParameters.note(trace, sent, request.body().length);
            JsonNode body = fieldBindings.get(handler.spec().action()).bind(sent);
            outcome = runner.run(handler, account, body, requestId, trace, request.header(RequestClock.HEADER),
                    arrivedAt);
        } catch (ApiError e) {
            outcome = Outcome.failure(e);
        }
        if (outcome.failed()) {
            trace.noteError(outcome.error());
        }
        String service = echoedService(routed, scope);
        String region = echoedRegion(scope);
        WireResponse response = render(outcome, requestId, action, version, service, region);
        var problem = selfCheck != null
                ? selfCheck.problem(Vendor.VOLCENGINE, routed == null ? null : routed.spec(), outcome.failed(),
                        response.body().toBytes())
                : java.util.Optional.<String>empty();
        if (problem.isPresent()) {
            return render(Outcome.failure(VolcengineGatewayErrors.internalError().withMessage(problem.get())),
                    requestId, action, version, service, region);
        }
        return response;
    }

    private static ObjectNode parseBody(byte[] body, ActionHandler<?> handler) {
        if (body.length == 0) {
            throw handler.errors().malformedBody(null);
        }
        if (body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF) {
            // Jackson skips a byte order mark; Go's decoder refuses it ("invalid character 'ï'")
            throw handler.errors().malformedBody("a byte order mark before the JSON");
        }
        JsonNode node;
        try {
            node = WireCodec.JSON.readTree(body);
        } catch (JacksonException e) {
            throw handler.errors().malformedBody(e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode object)) {
            throw handler.errors().malformedBody("the body must be a JSON object");
        }
        // The services are Go: encoding/json leaves a field unset when its member is null, so a null member is
        // bound exactly like one left out (schema check, missing-parameter errors, defaults and echoes alike).
        return object.removeNulls();
    }

    /** Renders any error that happened before a call could be routed (body too large, unreadable request). */
    public WireResponse renderEarlyError(RawRequest request, ApiError error, CallTrace trace) {
        String action = request.firstQuery("Action");
        String version = request.firstQuery("Version");
        VolcengineAuthorization scope = scope(request);
        ActionHandler<?> named = action == null || version == null ? null
                : registry.find(Vendor.VOLCENGINE, action, version).orElse(null);
        String requestId = ids.volcengine();
        trace.note("requestId", requestId); // the journal finds the entry by the id the answer carries
        return render(Outcome.failure(error), requestId, action, version, echoedService(named, scope),
                echoedRegion(scope));
    }

    /** The Service an answer echoes, routed or refused early alike: the action's, else the one signed for. */
    private static String echoedService(ActionHandler<?> action, VolcengineAuthorization scope) {
        return action != null ? action.spec().service() : scope != null ? scope.service() : "";
    }

    /** The Region an answer echoes: the one signed for (regions are not emulated). */
    private static String echoedRegion(VolcengineAuthorization scope) {
        return scope != null ? scope.region() : DEFAULT_REGION;
    }

    /**
     * The internal error as bytes made in advance: the answer of last resort when making one at run time fails (no
     * clock, request id or renderer needed).
     */
    public static WireResponse fixedInternalError() {
        return new WireResponse(500, CONTENT_TYPE, ResponseBody.of(FIXED_INTERNAL_ERROR), Map.of());
    }

    private static WireResponse render(Outcome outcome, String requestId, String action, String version,
            String service, String region) {
        ApiError e = outcome.error();
        ResponseMetadata meta = new ResponseMetadata(requestId, nullToEmpty(action), nullToEmpty(version), service,
                region, e == null ? null : new ErrorBody(e.codeN(), e.code(), e.message()));
        Map<String, String> headers = new HashMap<>();
        headers.put("X-Tt-Logid", requestId);
        if (e != null && e.retryAfter() != null) {
            headers.put("Retry-After", Long.toString(e.retryAfterRoundedUp(ChronoUnit.SECONDS)));
        }
        if (e != null && e.status() == 405) {
            headers.put("Allow", "POST"); // a 405 names the methods the resource takes (RFC 9110)
        }
        return new WireResponse(e == null ? 200 : e.status(), CONTENT_TYPE,
                ResponseBody.json(new Envelope(meta, outcome.result())), headers);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
