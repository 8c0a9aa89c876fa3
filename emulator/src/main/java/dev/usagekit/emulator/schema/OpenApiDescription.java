package dev.usagekit.emulator.schema;

import dev.usagekit.emulator.core.ActionSpec;
import dev.usagekit.emulator.core.Vendor;
import dev.usagekit.emulator.gateway.RequestClock;
import dev.usagekit.emulator.gateway.SignatureMode;
import dev.usagekit.emulator.gateway.SigningTimeWindow;
import dev.usagekit.emulator.web.ApiEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * An OpenAPI 3.1 description of the emulated actions, assembled once from the JSON Schema files the emulator validates
 * with (bundled by {@link SchemaBundle}), so it cannot drift from them. Every action shares the path {@code /}; as in
 * the APIs.guru conversions of the AWS query APIs, each gets the path key {@code /#Action=<name>} with its
 * {@code Action} and {@code Version} query parameters as required single-value enums.
 */
public final class OpenApiDescription {

    /** An action's path key: the query cannot be part of one, so the action goes in a fragment, as APIs.guru does. */
    private static final String PATH_PREFIX = "/#Action=";


    public static final String OPENAPI_VERSION = "3.1.0";
    static final String VOLCENGINE_SIGNATURE = "volcengineHmacSha256";
    static final String VOLCENGINE_QUERY_SIGNATURE = "volcengineHmacSha256Query";
    static final String ALIYUN_SIGNATURE_V1 = "aliyunSignatureV1";
    static final String ALIYUN_ACS3 = "aliyunAcs3";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Strings stay quoted, so "200" and "3600" are not read back as numbers. */
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER).build();

    private static final String BODY_TOO_LARGE = "A body larger than " + ApiEntry.MAX_BODY_SETTING;

    /** The statuses each vendor answers with its error body, and when. */
    private static final Map<Vendor, Map<String, String>> ERROR_STATUSES = Map.of(
            Vendor.VOLCENGINE, orderedMap(
                    "400", "A missing, mistyped or invalid parameter, a time window the action refuses, a malformed"
                            + " Authorization or X-Date (ResponseMetadata.Error.Code names it)",
                    "401", "No Authorization, an unknown access key, or a signature that does not match",
                    "403", "A resource (app, group, domain) of another account",
                    "404", "An unknown Action/Version, or an unknown resource",
                    "405", "Any method but POST (MethodNotAllowed)",
                    "413", BODY_TOO_LARGE,
                    "429", "Over the action's QPS limit (FlowLimitExceeded); Retry-After says when to retry",
                    "500", "Internal error",
                    "503", "No buffer memory left for the answer, as when many clients read large answers late"
                            + " (ServiceUnavailableTemp); Retry-After says when to retry",
                    "default", "A fault injected through the control plane (/_emulator/faults), any 4xx/5xx"),
            Vendor.ALIYUN, orderedMap(
                    "400", "A missing or invalid parameter, an unknown Version (NoSuchVersion), one of the"
                            + " documented time errors, a signature problem, a method other than GET or POST"
                            + " (UnsupportedHTTPMethod), or Throttling.User (x-acs-retry-after, in milliseconds)",
                    "403", "A domain or instance not owned (Forbidden), or SignatureDoesNotMatch when configured so",
                    "404", "An unknown Action at a known Version (InvalidApi.NotFound), or an unknown access key when"
                            + " configured so",
                    "413", BODY_TOO_LARGE,
                    "500", "Internal error",
                    "503", "No buffer memory left for the answer, as when many clients read large answers late"
                            + " (ServiceUnavailable)",
                    "default", "A fault injected through the control plane (/_emulator/faults), any 4xx/5xx"));

    private final ObjectNode document;

    private OpenApiDescription(ObjectNode document) {
        this.document = document;
    }

    /** Builds the description of these actions from their schema files; fails loudly if one cannot be bundled. */
    public static OpenApiDescription of(List<ActionSpec> actions, String emulatorVersion) {
        SchemaBundle bundle = new SchemaBundle();
        ObjectNode doc = JSON.createObjectNode();
        doc.put("openapi", OPENAPI_VERSION);
        ObjectNode info = doc.putObject("info");
        info.put("title", "usagekit emulator");
        info.put("version", emulatorVersion);
        info.put("description", "The usage query actions the emulator serves, built from its JSON Schemas "
                + "(usagekit/schemas/). Every action is called on the path / with Action and Version in the query "
                + "string; the path keys /#Action=<name> tell the actions apart, as in the APIs.guru conversions of "
                + "query-style APIs. Errors use the vendor's envelope: Volcengine ResponseMetadata.Error "
                + "{CodeN, Code, Message}, Alibaba Cloud a flat {RequestId, HostId, Code, Message, Recommend}.");
        ArrayNode tags = doc.putArray("tags");
        Set<String> tagNames = new LinkedHashSet<>();
        ObjectNode paths = doc.putObject("paths");
        for (ActionSpec spec : actions) {
            String tag = tag(spec);
            if (tagNames.add(tag)) {
                tags.addObject().put("name", tag);
            }
            String request = bundle.addFile(SchemaCatalog.requestPath(spec));
            String response = bundle.addFile(SchemaCatalog.responsePath(spec));
            String error = bundle.addFile(SchemaCatalog.errorPath(spec.vendor()));
            ObjectNode path = paths.putObject(PATH_PREFIX + spec.action());
            if (spec.vendor() == Vendor.VOLCENGINE) {
                volcengineOperation(path.putObject("post"), spec, tag, request, response, error);
            } else {
                aliyunOperation(path.putObject("get"), spec, tag, "GET", request, response, error);
                aliyunOperation(path.putObject("post"), spec, tag, "POST", request, response, error);
            }
        }
        ObjectNode components = doc.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        bundle.components().forEach(schemas::set);
        securitySchemes(components.putObject("securitySchemes"));
        return new OpenApiDescription(doc);
    }

    /** The document with {@code servers} naming the emulator at {@code baseUrl}. */
    public ObjectNode withServer(String baseUrl) {
        ObjectNode copy = JSON.createObjectNode();
        copy.set("openapi", document.get("openapi"));
        copy.set("info", document.get("info"));
        copy.putArray("servers").addObject().put("url", baseUrl).put("description", "this emulator");
        document.properties().forEach(e -> {
            if (!copy.has(e.getKey())) {
                copy.set(e.getKey(), e.getValue());
            }
        });
        return copy;
    }

    /**
     * The document with one action's operations alone, on the path {@code /} its calls go to: for tools that match
     * an operation by path and method only, such as Prism, which the whole document's {@code /#Action=} keys leave
     * unmatched. Empty for an action the emulator does not serve.
     */
    public Optional<ObjectNode> forAction(String action, String baseUrl) {
        JsonNode operations = document.get("paths").get(PATH_PREFIX + action);
        if (operations == null) {
            return Optional.empty();
        }
        ObjectNode one = withServer(baseUrl);
        one.putObject("paths").set("/", operations);
        return Optional.of(one);
    }

    /** The actions described, in the document's order. */
    public List<String> actions() {
        List<String> names = new ArrayList<>();
        document.get("paths").propertyNames().forEach(key -> names.add(key.substring(PATH_PREFIX.length())));
        return names;
    }

    public String json(ObjectNode doc) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
    }

    public String yaml(ObjectNode doc) {
        return YAML.writeValueAsString(doc);
    }

    private static void volcengineOperation(ObjectNode op, ActionSpec spec, String tag, String request,
            String response, String error) {
        describe(op, spec, tag, spec.action(), "POST with a JSON body");
        commonParameters(op.putArray("parameters"), spec, true);
        ObjectNode body = op.putObject("requestBody");
        body.put("required", true);
        schemaRef(body.putObject("content").putObject("application/json"), request);
        ArrayNode security = op.putArray("security");
        security.addObject().putArray(VOLCENGINE_SIGNATURE);
        security.addObject().putArray(VOLCENGINE_QUERY_SIGNATURE);
        ObjectNode responses = op.putObject("responses");
        ObjectNode ok = responses.putObject("200");
        ok.put("description", "The usage asked for, in the success envelope (ResponseMetadata + Result)");
        schemaRef(ok.putObject("content").putObject("application/json"), response);
        ERROR_STATUSES.get(Vendor.VOLCENGINE).forEach((status, why) -> {
            ObjectNode r = responses.putObject(status);
            r.put("description", why);
            if (status.equals("429") || status.equals("503")) {
                r.putObject("headers").putObject("Retry-After").put("description",
                        "Seconds until a call is admitted, rounded up").putObject("schema").put("type", "integer");
            }
            schemaRef(r.putObject("content").putObject("application/json"), error);
        });
    }

    private static void aliyunOperation(ObjectNode op, ActionSpec spec, String tag, String method, String request,
            String response, String error) {
        describe(op, spec, tag, method + "_" + spec.action(), method.equals("GET")
                ? "RPC style, GET with every parameter in the query string"
                : "RPC style, POST with the parameters as an application/x-www-form-urlencoded body, in the query"
                        + " (the legacy core SDK sends them there with an empty body), or both");
        ArrayNode parameters = op.putArray("parameters");
        commonParameters(parameters, spec, false);
        // one exploded object parameter: each property of the request schema is its own query parameter
        ObjectNode all = parameters.addObject();
        all.put("name", "parameters");
        all.put("in", "query");
        all.put("description", "Business, common and signature parameters, one query parameter each");
        all.put("style", "form");
        all.put("explode", true);
        all.putObject("schema").put("$ref", SchemaBundle.COMPONENT_PREFIX + request);
        if (method.equals("POST")) {
            // not required: the core SDK and the ACS3 (Tea) SDKs POST an empty body, their parameters in the query
            ObjectNode body = op.putObject("requestBody");
            body.put("required", false);
            schemaRef(body.putObject("content").putObject("application/x-www-form-urlencoded"), request);
        }
        ArrayNode security = op.putArray("security");
        security.addObject().putArray(ALIYUN_SIGNATURE_V1);
        security.addObject().putArray(ALIYUN_ACS3);
        ObjectNode responses = op.putObject("responses");
        ObjectNode ok = responses.putObject("200");
        ok.put("description", "Producer usage: JSON with Format=JSON, an ACS3 signature or Accept: application/json;"
                + " otherwise the same fields as XML (the documented default)");
        ObjectNode okContent = ok.putObject("content");
        schemaRef(okContent.putObject("application/json"), response);
        okContent.putObject("text/xml");
        ERROR_STATUSES.get(Vendor.ALIYUN).forEach((status, why) -> {
            ObjectNode r = responses.putObject(status);
            r.put("description", why);
            if (status.equals("400")) {
                r.putObject("headers").putObject("x-acs-retry-after").put("description",
                        "Throttling.User only: milliseconds until a call is admitted, rounded up")
                        .putObject("schema").put("type", "integer");
            }
            ObjectNode content = r.putObject("content");
            schemaRef(content.putObject("application/json"), error);
            content.putObject("text/xml");
        });
    }

    private static void describe(ObjectNode op, ActionSpec spec, String tag, String operationId, String style) {
        op.putArray("tags").add(tag);
        op.put("operationId", operationId);
        op.put("summary", spec.action() + " (" + spec.version() + ")");
        List<String> spans = new ArrayList<>();
        spec.maxSpanByGranularity().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                spans.add(e.getValue().toDays() + " d at " + e.getKey().getSeconds() + " s"));
        op.put("description", style + ". Limits enforced: " + spec.rateLimit() + ", history "
                + spec.history().toDays() + " d, longest span " + String.join(", ", spans) + ", data delay "
                + (spec.dataDelay().toMinutesPart() == 0 ? spec.dataDelay().toHours() + " h"
                        : spec.dataDelay().toMinutes() + " min") + ".");
    }

    /**
     * Action and Version, and the emulator's own header that pins a call's time.
     *
     * @param inQueryOnly Volcengine's: only in the query; Aliyun's may also come in a form body or, signed with ACS3,
     *     as x-acs-action and x-acs-version headers
     */
    private static void commonParameters(ArrayNode parameters, ActionSpec spec, boolean inQueryOnly) {
        for (String[] p : new String[][] {{"Action", spec.action()}, {"Version", spec.version()}}) {
            ObjectNode param = parameters.addObject();
            param.put("name", p[0]);
            param.put("in", "query");
            param.put("required", inQueryOnly);
            if (!inQueryOnly) {
                param.put("description", "Here, in a form body, or as the x-acs-" + p[0].toLowerCase(java.util.Locale.ROOT)
                        + " header of an ACS3-signed call");
            }
            ObjectNode schema = param.putObject("schema");
            schema.put("type", "string");
            schema.putArray("enum").add(p[1]);
        }
        ObjectNode clock = parameters.addObject();
        clock.put("name", RequestClock.HEADER);
        clock.put("in", "header");
        clock.put("required", false);
        clock.put("description", "Emulator only: answer as if the clock stood at this instant (history window, data"
                + " delay, default range, late data), without moving it (" + RequestClock.SETTING + ")");
        clock.putObject("schema").put("type", "string").put("format", "date-time");
    }

    private static void schemaRef(ObjectNode mediaType, String component) {
        mediaType.putObject("schema").put("$ref", SchemaBundle.COMPONENT_PREFIX + component);
    }

    private static void securitySchemes(ObjectNode schemes) {
        apiKey(schemes.putObject(VOLCENGINE_SIGNATURE), "header", "Authorization", "Volcengine signature "
                + "(HMAC-SHA256): Authorization: HMAC-SHA256 Credential=<AccessKeyId>/<yyyyMMdd>/<region>/<service>"
                + "/request, SignedHeaders=<names;...>, Signature=<64 hex digits>, with an X-Date header "
                + "(yyyyMMddTHHmmssZ) within " + SigningTimeWindow.SETTING + " (15 minutes unless set) of the"
                + " emulator's clock. With " + SignatureMode.SETTING + "=off any signature passes, in a header of this"
                + " structure; the access key still selects the account.");
        apiKey(schemes.putObject(VOLCENGINE_QUERY_SIGNATURE), "query", "X-Signature", "Volcengine signature "
                + "(HMAC-SHA256) in the query string, as the SDKs presign URLs: X-Algorithm=HMAC-SHA256, "
                + "X-Credential, X-Date, X-SignedHeaders, X-Signature, and X-SignedQueries naming what was signed.");
        apiKey(schemes.putObject(ALIYUN_SIGNATURE_V1), "query", "Signature", "Alibaba Cloud signature V1: the "
                + "parameters AccessKeyId, SignatureMethod=HMAC-SHA1, SignatureVersion=1.0, SignatureNonce (never "
                + "reused within " + SigningTimeWindow.SETTING + ", 15 minutes unless set), Timestamp "
                + "(yyyy-MM-ddTHH:mm:ssZ, as near the emulator's clock) and Signature, in the query string or the form"
                + " body (OpenAPI can place an apiKey in the query or a header only, so a signature in the body, as"
                + " pop-core POSTs it, is not described by this scheme). With " + SignatureMode.SETTING + "=off only"
                + " AccessKeyId is needed.");
        apiKey(schemes.putObject(ALIYUN_ACS3), "header", "Authorization", "Alibaba Cloud signature V3: "
                + "Authorization: ACS3-HMAC-SHA256 Credential=<AccessKeyId>,SignedHeaders=<names;...>,"
                + "Signature=<hex>, with the headers x-acs-date, x-acs-signature-nonce, x-acs-content-sha256 and "
                + "(instead of the query parameters) x-acs-action and x-acs-version.");
    }

    private static void apiKey(ObjectNode scheme, String in, String name, String description) {
        scheme.put("type", "apiKey");
        scheme.put("in", in);
        scheme.put("name", name);
        scheme.put("description", description);
    }

    private static String tag(ActionSpec spec) {
        String cloud = spec.vendor() == Vendor.VOLCENGINE ? "Volcengine" : "Alibaba Cloud";
        String service = spec.service().equals("rtc") ? "RTC" : "Live";
        return cloud + " " + service;
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
