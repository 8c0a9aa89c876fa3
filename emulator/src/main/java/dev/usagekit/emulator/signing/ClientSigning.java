package dev.usagekit.emulator.signing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The client side of the two signatures, as the vendors' SDKs sign: for callers of the emulator within this project
 * (the launcher's training run, the benchmarks' request files).
 */
public final class ClientSigning {

    /** The region every Volcengine call of the SDK examples is scoped to. */
    public static final String VOLCENGINE_REGION = "cn-north-1";

    private static final List<String> VOLCENGINE_SIGNED_HEADERS = List.of("content-type", "host", "x-date");

    private ClientSigning() {
    }

    /** A request line's path with its query, and the headers to send in this order. */
    public record SignedRequest(String pathAndQuery, Map<String, String> headers) {
    }

    /**
     * A JSON POST of an action to {@code /}, signed over content-type, host and x-date; headers Host, Content-Type,
     * X-Date, Authorization.
     *
     * @param host the Host header exactly as it will be sent, e.g. {@code 127.0.0.1:8080}
     */
    public static SignedRequest volcenginePost(String host, Instant at, String service, String action,
            String version, String body, String accessKeyId, String secretKey) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("Action", List.of(action));
        query.put("Version", List.of(version));
        String xDate = VolcengineSignatureV4.formatXDate(at);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", host);
        headers.put("Content-Type", "application/json");
        headers.put("X-Date", xDate);
        Map<String, String> lowercased = Map.of("host", host, "content-type", "application/json", "x-date", xDate);
        String signature = VolcengineSignatureV4.compute("POST", "/", query, lowercased, VOLCENGINE_SIGNED_HEADERS,
                body.getBytes(StandardCharsets.UTF_8), xDate, VOLCENGINE_REGION, service, secretKey).signature();
        headers.put("Authorization", VolcengineSignatureV4.ALGORITHM + " Credential=" + accessKeyId + "/"
                + xDate.substring(0, 8) + "/" + VOLCENGINE_REGION + "/" + service + "/"
                + VolcengineSignatureV4.TERMINATOR + ", SignedHeaders=" + String.join(";", VOLCENGINE_SIGNED_HEADERS)
                + ", Signature=" + signature);
        return new SignedRequest("/?" + Rfc3986.canonicalQuery(query), headers);
    }

    /**
     * The parameters of an Aliyun RPC call as the SDKs send them: the common ones (JSON asked for, signature V1 with
     * HMAC-SHA1), then the action's own, then {@code Signature}.
     */
    public static Map<String, List<String>> aliyunV1(String method, String action, String version,
            Map<String, String> actionParameters, String accessKeyId, String secret, String nonce, Instant at) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("Action", List.of(action));
        params.put("Version", List.of(version));
        params.put("AccessKeyId", List.of(accessKeyId));
        params.put("Format", List.of("JSON"));
        params.put("SignatureMethod", List.of("HMAC-SHA1"));
        params.put("SignatureVersion", List.of("1.0"));
        params.put("SignatureNonce", List.of(nonce));
        params.put("Timestamp", List.of(at.truncatedTo(ChronoUnit.SECONDS).toString()));
        actionParameters.forEach((name, value) -> params.put(name, List.of(value)));
        params.put(AliyunSignatureV1.SIGNATURE_PARAMETER,
                List.of(AliyunSignatureV1.sign(secret, AliyunSignatureV1.stringToSign(method, params))));
        return params;
    }
}
