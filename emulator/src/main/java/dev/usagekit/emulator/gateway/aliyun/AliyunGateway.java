package dev.usagekit.emulator.gateway.aliyun;

import dev.usagekit.emulator.catalogue.Account;
import dev.usagekit.emulator.core.ActionHandler;
import dev.usagekit.emulator.core.ActionRegistry;
import dev.usagekit.emulator.core.ApiError;
import dev.usagekit.emulator.core.CallTrace;
import dev.usagekit.emulator.core.Outcome;
import dev.usagekit.emulator.core.Vendor;
import dev.usagekit.emulator.gateway.CallRunner;
import dev.usagekit.emulator.gateway.RequestClock;
import dev.usagekit.emulator.gateway.RequestIds;
import dev.usagekit.emulator.gateway.SentParameters;
import dev.usagekit.emulator.schema.ResponseSelfCheck;
import dev.usagekit.emulator.web.FormUrlEncoded;
import dev.usagekit.emulator.web.RawRequest;
import dev.usagekit.emulator.web.ResponseBody;
import dev.usagekit.emulator.web.WireResponse;
import dev.usagekit.emulator.wire.WireCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * Alibaba Cloud RPC: GET or POST {@code /}, parameters in the query and/or a form body, Action/Version from the
 * parameters or the x-acs-* headers. Answers with the flat body, JSON or XML as the request asks.
 */
public final class AliyunGateway {

    public static final String HOST_ID = "live.aliyuncs.com";

    record ErrorBody(String requestId, String hostId, String code, String message, String recommend) {
    }

    /** The internal error without a request id, rendered once as the class loads (see {@link #fixedInternalError}). */
    private static final byte[] FIXED_INTERNAL_ERROR =
            render(Outcome.failure(AliyunErrors.internalError()), "", true, null).body().toBytes();

    private final ActionRegistry registry;
    private final CallRunner runner;
    private final RequestIds ids;
    private final AliyunAuthenticator authenticator;
    private final ResponseSelfCheck selfCheck;

    /** @param selfCheck checks every JSON body against its schema, or null when the self-check is off */
    public AliyunGateway(ActionRegistry registry, CallRunner runner, RequestIds ids, AliyunAuthenticator authenticator,
            ResponseSelfCheck selfCheck) {
        this.registry = registry;
        this.runner = runner;
        this.ids = ids;
        this.authenticator = authenticator;
        this.selfCheck = selfCheck;
    }

    /** Query parameters merged with form-body parameters (query first). */
    public static Map<String, List<String>> parameters(RawRequest request) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        request.query().forEach((k, v) -> params.put(k, new java.util.ArrayList<>(v)));
        String contentType = String.valueOf(request.header("Content-Type")).toLowerCase(Locale.ROOT);
        if (request.body().length > 0 && contentType.startsWith("application/x-www-form-urlencoded")) {
            FormUrlEncoded.decode(new String(request.body(), StandardCharsets.UTF_8))
                    .forEach((k, v) -> params.computeIfAbsent(k, x -> new java.util.ArrayList<>()).addAll(v));
        }
        return params;
    }

    /**
     * @param params    the request's query and form parameters, as {@link #parameters} merged them
     * @param arrivedAt the virtual clock as read on the call's arrival: its signature and its data go by this
     */
    public WireResponse handle(RawRequest request, Map<String, List<String>> params, CallTrace trace,
            Instant arrivedAt) {
        String requestId = ids.aliyun();
        trace.note("vendor", Vendor.ALIYUN.name()).note("requestId", requestId);
        String format = FormUrlEncoded.first(params, "Format");
        boolean json = answersInJson(request, format);
        Outcome outcome;
        ActionHandler<?> routed = null;
        String responseRoot = "Response";
        try {
            if (format != null && !format.equalsIgnoreCase("json") && !format.equalsIgnoreCase("xml")) {
                throw AliyunErrors.invalidFormat();
            }
            String action = orHeader(FormUrlEncoded.first(params, "Action"), request.header("x-acs-action"));
            String version = orHeader(FormUrlEncoded.first(params, "Version"), request.header("x-acs-version"));
            if (action == null) {
                throw AliyunErrors.missingParameter("Action");
            }
            if (version == null) {
                throw AliyunErrors.missingParameter("Version");
            }
            // the POP gateway resolves the version before the action: a version it lacks is the error, whatever
            // the action; asked only when the lookup misses, as a served action implies its version
            ActionHandler<?> handler = registry.find(Vendor.ALIYUN, action, version).orElseThrow(() ->
                    registry.servesVersion(Vendor.ALIYUN, version) ? AliyunErrors.apiNotFound()
                            : AliyunErrors.noSuchVersion());
            responseRoot = action + "Response";
            routed = handler;
            trace.note("action", action);
            if (!"GET".equals(request.method()) && !"POST".equals(request.method())) {
                throw AliyunErrors.unsupportedHttpMethod(request.method());
            }
            Account account = authenticator.authenticate(request, params, runner.state().catalogue(), arrivedAt,
                    trace);
            SentParameters.note(trace, asSent(params), request.rawQuery().length() + request.body().length);
            outcome = runner.run(handler, account, asObject(params), requestId, trace,
                    request.header(RequestClock.HEADER), arrivedAt);
        } catch (ApiError e) {
            outcome = Outcome.failure(e);
        }
        if (outcome.failed()) {
            trace.noteError(outcome.error());
        }
        WireResponse response = render(outcome, requestId, json, responseRoot);
        var problem = selfCheck != null && json
                ? selfCheck.problem(Vendor.ALIYUN, routed == null ? null : routed.spec(), outcome.failed(), response.body().toBytes())
                : java.util.Optional.<String>empty();
        if (problem.isPresent()) {
            return render(Outcome.failure(AliyunErrors.internalError().withMessage(problem.get())), requestId, true, responseRoot);
        }
        return response;
    }

    /** An error before routing (or instead of a broken answer), in the format the call would have been answered in. */
    public WireResponse renderEarlyError(RawRequest request, ApiError error, CallTrace trace) {
        boolean json = answersInJson(request, FormUrlEncoded.first(parameters(request), "Format"));
        String requestId = ids.aliyun();
        trace.note("requestId", requestId); // the journal finds the entry by the id the answer carries
        return render(Outcome.failure(error), requestId, json, null);
    }

    /**
     * JSON when the {@code Format} parameter says json (any case), or without a Format when the call is ACS3-signed or accepts
     * JSON; otherwise XML, the RPC default (an invalid Format too, like the InvalidParameter.Format it gets).
     */
    private static boolean answersInJson(RawRequest request, String format) {
        if (format != null) {
            return format.equalsIgnoreCase("json");
        }
        return AliyunAuthenticator.isAcs3(request) || String.valueOf(request.header("Accept")).contains("application/json");
    }

    private static String orHeader(String param, String header) {
        String value = param != null && !param.isEmpty() ? param : header;
        return value == null || value.isEmpty() ? null : value;
    }

    /**
     * Parameters as the journal shows what was sent: a repeated name with all its values as an array, so a client
     * that sends one twice sees it (the service reads the first).
     */
    private static ObjectNode asSent(Map<String, List<String>> params) {
        ObjectNode node = WireCodec.JSON.createObjectNode();
        params.forEach((k, v) -> {
            if (v.size() > 1) {
                v.forEach(node.putArray(k)::add);
            } else {
                node.put(k, v.isEmpty() ? "" : v.get(0));
            }
        });
        return node;
    }

    /** Parameters as an object of strings (first value of a repeated name), the shape schemas and handlers read. */
    private static ObjectNode asObject(Map<String, List<String>> params) {
        ObjectNode node = WireCodec.JSON.createObjectNode();
        params.forEach((k, v) -> node.put(k, v.isEmpty() ? "" : v.get(0)));
        return node;
    }

    /**
     * The internal error as bytes made in advance: the answer of last resort when making one at run time fails (no
     * clock, request id or renderer needed).
     */
    public static WireResponse fixedInternalError() {
        return new WireResponse(500, "application/json;charset=utf-8", ResponseBody.of(FIXED_INTERNAL_ERROR), Map.of());
    }

    private static WireResponse render(Outcome outcome, String requestId, boolean json, String rootName) {
        ApiError e = outcome.error();
        Object body = e == null ? outcome.result()
                : new ErrorBody(requestId, HOST_ID, e.code(), e.message(),
                        "https://next.api.aliyun.com/troubleshoot?q=" + e.code() + "&product=live");
        Map<String, String> headers = new HashMap<>();
        // the POP gateway's header: the body's RequestId, for clients that log it from the headers
        if (!requestId.isEmpty()) {
            headers.put("x-acs-request-id", requestId);
        }
        if (e != null && e.retryAfter() != null) {
            headers.put("x-acs-retry-after", Long.toString(e.retryAfterRoundedUp(ChronoUnit.MILLIS)));
        }
        int status = e == null ? 200 : e.status();
        if (json) {
            return new WireResponse(status, "application/json;charset=utf-8", ResponseBody.json(body),
                    headers);
        }
        String root = e == null ? rootName : "Error";
        byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + WireCodec.XML.writer().withRootName(root).writeValueAsString(body)).getBytes(StandardCharsets.UTF_8);
        return new WireResponse(status, "text/xml;charset=utf-8", ResponseBody.of(xml), headers);
    }
}
