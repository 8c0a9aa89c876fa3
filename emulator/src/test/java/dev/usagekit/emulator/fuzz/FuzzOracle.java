package dev.usagekit.emulator.fuzz;

import dev.usagekit.emulator.schema.SchemaCatalog;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.xml.XmlMapper;

/**
 * The invariant every answer must keep, whatever was sent: no 5xx, and a body in one vendor's envelope that validates
 * against that vendor's schema: the action's response schema for a 200, the vendor's error schema otherwise. Aliyun
 * XML answers are read as XML and their fields checked against the same schemas.
 */
public final class FuzzOracle {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final XmlMapper XML = XmlMapper.builder().build();

    private final SchemaCatalog schemas;
    private final int validateSuccessEvery;
    private final java.util.concurrent.atomic.AtomicLong successes = new java.util.concurrent.atomic.AtomicLong();

    public FuzzOracle(SchemaCatalog schemas) {
        this(schemas, 1);
    }

    /**
     * @param validateSuccessEvery validate every n-th 200 against its (large) response schema, and only check the
     *                             envelope of the others; errors are always validated. 1 validates everything.
     */
    public FuzzOracle(SchemaCatalog schemas, int validateSuccessEvery) {
        this.schemas = schemas;
        this.validateSuccessEvery = Math.max(1, validateSuccessEvery);
    }

    private boolean skipSuccess(int status) {
        return status == 200 && successes.incrementAndGet() % validateSuccessEvery != 0;
    }

    /** What is wrong with the answer, or null when it keeps the invariant. */
    public String problem(RawHttp.Response r) {
        String text = r.text();
        if (r.status() >= 500) {
            return "status " + r.status() + ": " + abbreviate(text);
        }
        String contentType = String.valueOf(r.header("content-type"));
        if (contentType.contains("xml")) {
            return xmlProblem(r.status(), text);
        }
        if (!contentType.contains("json")) {
            return "not a vendor envelope (Content-Type " + contentType + "): " + abbreviate(text);
        }
        JsonNode body;
        try {
            body = JSON.readTree(text);
        } catch (RuntimeException e) {
            return "unparseable JSON: " + abbreviate(text);
        }
        if (skipSuccess(r.status())) {
            boolean enveloped = body.has("ResponseMetadata") ? body.has("Result") && !body.at("/ResponseMetadata/Error").isObject()
                    : body.has("RequestId") && !body.has("Code");
            return enveloped ? null : "a 200 outside the success envelope: " + abbreviate(text);
        }
        if (body.has("ResponseMetadata")) {
            String action = body.at("/ResponseMetadata/Action").asString("");
            String schema = r.status() == 200 ? "volcengine/" + action + ".response.json" : "volcengine/error.json";
            return violations(schema, text, r.status());
        }
        String schema = r.status() == 200 ? "aliyun/DescribeLiveProducerUsageData.response.json" : "aliyun/error.json";
        return violations(schema, text, r.status());
    }

    private String xmlProblem(int status, String text) {
        if (!text.startsWith("<?xml")) {
            return "XML answer without a declaration: " + abbreviate(text);
        }
        String root = status == 200 ? "<DescribeLiveProducerUsageDataResponse>" : "<Error>";
        if (!text.contains(root)) {
            return "XML answer " + status + " without root " + root + ": " + abbreviate(text);
        }
        JsonNode fields;
        try {
            fields = XML.readTree(text);
        } catch (RuntimeException e) {
            return "unparseable XML: " + abbreviate(text);
        }
        if (status != 200) {
            return violations("aliyun/error.json", fields.toString(), status);
        }
        return fields.path("RequestId").asString("").isBlank() ? "XML success without RequestId" : null;
    }

    private String violations(String schema, String json, int status) {
        List<com.networknt.schema.Error> errors;
        try {
            errors = schemas.validate(schema, json);
        } catch (RuntimeException e) {
            return "no schema " + schema + " for a " + status + " answer: " + abbreviate(json);
        }
        return errors.isEmpty() ? null : "violates " + schema + " " + errors + ": " + abbreviate(json);
    }

    private static String abbreviate(String s) {
        return s.length() > 600 ? s.substring(0, 600) + "…" : s;
    }
}
