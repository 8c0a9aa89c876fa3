package dev.usagekit.emulator.signing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Aliyun RPC signature V1: {@code SignatureMethod=HMAC-SHA1}, {@code SignatureVersion=1.0}. */
public final class AliyunSignatureV1 {

    /** The parameter carrying the signature itself, never part of what is signed. */
    public static final String SIGNATURE_PARAMETER = "Signature";

    private AliyunSignatureV1() {
    }

    /**
     * {@code METHOD&%2F&encode(canonical query)} over every parameter (query and form body,
     * decoded) except {@code Signature}. Empty values are kept: the legacy SDK signs an empty
     * {@code SignatureType}.
     */
    public static String stringToSign(String method, Map<String, List<String>> params) {
        Map<String, List<String>> signed = new LinkedHashMap<>(params == null ? Map.of() : params);
        signed.remove(SIGNATURE_PARAMETER);
        return method + "&" + Rfc3986.encode("/") + "&" + Rfc3986.encode(Rfc3986.canonicalQuery(signed));
    }

    /** Base64 of HMAC-SHA1 keyed with {@code secret + "&"}. */
    public static String sign(String secret, String stringToSign) {
        byte[] key = (secret + "&").getBytes(StandardCharsets.UTF_8);
        return Base64.getEncoder().encodeToString(Digests.hmacSha1(key, stringToSign));
    }
}
