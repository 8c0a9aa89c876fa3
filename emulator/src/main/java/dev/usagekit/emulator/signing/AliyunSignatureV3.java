package dev.usagekit.emulator.signing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Aliyun signature V3, {@code ACS3-HMAC-SHA256}, sent in the {@code Authorization} header. */
public final class AliyunSignatureV3 {

    public static final String ALGORITHM = "ACS3-HMAC-SHA256";

    private static final List<String> HEADER_FIELDS = List.of("Credential", "SignedHeaders", "Signature");
    private static final int SIGNATURE_HEX_LENGTH = 64;

    private AliyunSignatureV3() {
    }

    /**
     * Reads {@code ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=a;b,Signature=hex}; spaces
     * around the commas are tolerated.
     *
     * @throws AliyunAuthorizationException when the header is malformed
     */
    public static AliyunV3Authorization parseAuthorization(String header) {
        AuthorizationFields.Parsed parsed;
        List<String> signedHeaders;
        try {
            parsed = AuthorizationFields.parse(header, HEADER_FIELDS);
            signedHeaders = AuthorizationFields.signedHeaderNames(parsed.fields().get("SignedHeaders"));
        } catch (IllegalArgumentException e) {
            throw new AliyunAuthorizationException(e.getMessage());
        }
        if (!ALGORITHM.equals(parsed.algorithm())) {
            throw new AliyunAuthorizationException(
                    "Unsupported signature algorithm '" + parsed.algorithm() + "', expected " + ALGORITHM);
        }
        String accessKeyId = parsed.fields().get("Credential");
        if (accessKeyId.isEmpty()) {
            throw new AliyunAuthorizationException("Credential (the AccessKeyId) is empty");
        }
        if (signedHeaders.isEmpty()) {
            throw new AliyunAuthorizationException("SignedHeaders is empty");
        }
        String signature = parsed.fields().get("Signature");
        if (!AuthorizationFields.isHex(signature, SIGNATURE_HEX_LENGTH)) {
            throw new AliyunAuthorizationException(
                    "Signature must be " + SIGNATURE_HEX_LENGTH + " hex characters");
        }
        return new AliyunV3Authorization(accessKeyId, signedHeaders, signature);
    }

    /**
     * Signs a received request.
     *
     * @param path              decoded path; encoded here segment by segment
     * @param decodedQuery      decoded names and values
     * @param headersLowercased received headers, looked up case-insensitively
     * @param signedHeaders     the names the client listed, in any order or case
     * @param body              the raw body bytes as received; hashed here, never taken from
     *                          {@code x-acs-content-sha256}
     * @param secret            the AccessKeySecret, used as the HMAC key as it is
     */
    public static SignatureComputation compute(String method, String path,
            Map<String, List<String>> decodedQuery, Map<String, String> headersLowercased,
            List<String> signedHeaders, byte[] body, String secret) {
        CanonicalRequest.Headers headers = CanonicalRequest.headers(headersLowercased, signedHeaders);
        String canonicalRequest = CanonicalRequest.build(method, path, decodedQuery,
                headers.block(), headers.signedHeaderLine(),
                Digests.sha256Hex(body == null ? new byte[0] : body));
        String stringToSign = ALGORITHM + "\n" + Digests.sha256Hex(canonicalRequest);
        String signature = Digests.hex(
                Digests.hmacSha256(secret.getBytes(StandardCharsets.UTF_8), stringToSign));
        return new SignatureComputation(canonicalRequest, stringToSign, signature);
    }
}
