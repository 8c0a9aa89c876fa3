package dev.usagekit.emulator.signing;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.usagekit.emulator.signing.VolcengineAuthorizationException.Reason;

/** Volcengine OpenAPI request signature {@code HMAC-SHA256} (a SigV4 variant). */
public final class VolcengineSignatureV4 {

    public static final String ALGORITHM = "HMAC-SHA256";
    public static final String TERMINATOR = "request";

    private static final List<String> HEADER_FIELDS = List.of("Credential", "SignedHeaders", "Signature");
    private static final String QUERY_ALGORITHM = "X-Algorithm";
    private static final String QUERY_CREDENTIAL = "X-Credential";
    private static final String QUERY_SIGNED_HEADERS = "X-SignedHeaders";
    private static final String QUERY_SIGNATURE = "X-Signature";
    private static final String QUERY_NOT_SIGN_BODY = "X-NotSignBody";
    private static final String QUERY_SIGNED_QUERIES = "X-SignedQueries";

    private static final DateTimeFormatter X_DATE = DateTimeFormatter
            .ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final int SIGNATURE_HEX_LENGTH = 64;

    private VolcengineSignatureV4() {
    }

    /**
     * Reads {@code HMAC-SHA256 Credential=AK/yyyymmdd/region/service/request,
     * SignedHeaders=a;b, Signature=hex}; the space after each comma is optional.
     */
    public static VolcengineAuthorization parseAuthorization(String header) {
        AuthorizationFields.Parsed parsed;
        try {
            parsed = AuthorizationFields.parse(header, HEADER_FIELDS);
        } catch (IllegalArgumentException e) {
            throw new VolcengineAuthorizationException(Reason.INVALID_AUTHORIZATION, e.getMessage());
        }
        requireAlgorithm(parsed.algorithm());
        Map<String, String> fields = parsed.fields();
        List<String> signedHeaders = signedHeaders(fields.get("SignedHeaders"));
        if (signedHeaders.isEmpty()) {
            throw new VolcengineAuthorizationException(Reason.INVALID_AUTHORIZATION, "SignedHeaders is empty");
        }
        return assemble(fields.get("Credential"), signedHeaders, fields.get("Signature"));
    }

    /**
     * Reads the query-string form ({@code X-Algorithm}, {@code X-Credential},
     * {@code X-SignedHeaders}, {@code X-Signature}); {@code X-Date} is left to the caller,
     * as with the header form. An empty {@code X-SignedHeaders} is allowed: it is what the
     * SDKs' presigned URLs carry.
     */
    public static VolcengineAuthorization parseQueryAuthorization(Map<String, List<String>> decodedQuery) {
        Map<String, List<String>> query = decodedQuery == null ? Map.of() : decodedQuery;
        requireAlgorithm(singleQueryValue(query, QUERY_ALGORITHM));
        String credential = singleQueryValue(query, QUERY_CREDENTIAL);
        List<String> signedHeaders = signedHeaders(singleQueryValue(query, QUERY_SIGNED_HEADERS));
        return assemble(credential, signedHeaders, singleQueryValue(query, QUERY_SIGNATURE));
    }

    /**
     * Signs a request received with the signature in the {@code Authorization} header.
     *
     * @param path              decoded path; encoded here segment by segment
     * @param decodedQuery      decoded names and values; {@code X-Signature}, if present, is left out
     * @param headersLowercased received headers, looked up case-insensitively; the Host value is
     *                          used as received (see {@link #stripDefaultPort(String)})
     * @param signedHeaders     the names the client listed, in any order or case
     * @param body              the raw body bytes as received; hashed here, never taken from a header
     * @param xDate             the request's {@code X-Date}; its first eight characters date the scope
     * @throws DateTimeParseException if {@code xDate} is not {@code yyyyMMdd'T'HHmmss'Z'}
     */
    public static SignatureComputation compute(String method, String path,
            Map<String, List<String>> decodedQuery, Map<String, String> headersLowercased,
            List<String> signedHeaders, byte[] body, String xDate, String region, String service,
            String secretKey) {
        CanonicalRequest.Headers headers = CanonicalRequest.headers(headersLowercased, signedHeaders);
        String canonicalRequest = CanonicalRequest.build(method, path, withoutSignature(decodedQuery),
                headers.block(), headers.signedHeaderLine(), Digests.sha256Hex(orEmpty(body)));
        return sign(canonicalRequest, xDate, region, service, secretKey);
    }

    /**
     * Signs a request received with the signature in the query string. The SDKs that build
     * such URLs differ from the header form in two ways, reproduced here: with
     * {@code X-NotSignBody} present the payload hash is that of an empty body, and with no
     * signed headers a lone newline stands where the header block would be. No SDK lists
     * headers in this form; if a client does, they are signed as in the header form.
     *
     * @see #compute
     */
    public static SignatureComputation computePresigned(String method, String path,
            Map<String, List<String>> decodedQuery, Map<String, String> headersLowercased,
            List<String> signedHeaders, byte[] body, String xDate, String region, String service,
            String secretKey) {
        CanonicalRequest.Headers headers = CanonicalRequest.headers(headersLowercased, signedHeaders);
        String headerBlock = headers.block().isEmpty() ? "\n" : headers.block();
        boolean bodyUnsigned = decodedQuery != null && decodedQuery.containsKey(QUERY_NOT_SIGN_BODY);
        byte[] signedBody = bodyUnsigned ? new byte[0] : orEmpty(body);
        String canonicalRequest = CanonicalRequest.build(method, path, signedQuery(decodedQuery),
                headerBlock, headers.signedHeaderLine(), Digests.sha256Hex(signedBody));
        return sign(canonicalRequest, xDate, region, service, secretKey);
    }

    /** Formats an instant as {@code X-Date} ({@code yyyyMMdd'T'HHmmss'Z'}, UTC, whole seconds). */
    public static String formatXDate(Instant instant) {
        return X_DATE.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    /**
     * Parses an {@code X-Date} value.
     *
     * @throws DateTimeParseException if the value is missing, not {@code yyyyMMdd'T'HHmmss'Z'}
     *                                or not a real UTC date and time
     */
    public static Instant parseXDate(String xDate) {
        if (xDate == null || !BasicIsoTime.isDateTimeShape(xDate)) {
            throw new DateTimeParseException(
                    "X-Date must look like 20240101T000000Z, got: " + xDate, String.valueOf(xDate), 0);
        }
        try {
            return BasicIsoTime.dateTime(xDate).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new DateTimeParseException(
                    "X-Date is not a valid UTC date and time: " + xDate, xDate, 0, e);
        }
    }

    /**
     * Drops a trailing {@code :80} or {@code :443}. The SDKs do this before signing, so a
     * verifier whose check fails with the Host as received may retry with this value.
     */
    public static String stripDefaultPort(String host) {
        if (host == null) {
            return null;
        }
        for (String port : new String[] {":80", ":443"}) {
            if (host.endsWith(port)) {
                String name = host.substring(0, host.length() - port.length());
                boolean bareIpv6 = name.indexOf(':') >= 0 && !name.endsWith("]");
                if (!name.isEmpty() && !bareIpv6) {
                    return name;
                }
            }
        }
        return host;
    }

    private static SignatureComputation sign(String canonicalRequest, String xDate, String region,
            String service, String secretKey) {
        parseXDate(xDate);
        String shortDate = xDate.substring(0, 8);
        String scope = shortDate + "/" + region + "/" + service + "/" + TERMINATOR;
        String stringToSign = String.join("\n",
                ALGORITHM, xDate, scope, Digests.sha256Hex(canonicalRequest));
        byte[] key = SigningKeys.of(secretKey, shortDate, region, service);
        String signature = Digests.hex(Digests.hmacSha256(key, stringToSign));
        return new SignatureComputation(canonicalRequest, stringToSign, signature);
    }

    private static Map<String, List<String>> withoutSignature(Map<String, List<String>> query) {
        if (query == null || !query.containsKey(QUERY_SIGNATURE)) {
            return query;
        }
        Map<String, List<String>> copy = new LinkedHashMap<>(query);
        copy.remove(QUERY_SIGNATURE);
        return copy;
    }

    /**
     * The parameters a presigned URL signed: all but the signature, and {@code X-SignedQueries} only when it names
     * itself. The SDKs differ on the list: volc-sdk-golang and volc-sdk-java list it and sign it, the Node SDK's
     * {@code getSignUrl} adds it after signing and leaves it out. Any other parameter is signed, listed or not, so
     * one added to the URL afterwards (another Action, an X-Expires) fails the signature.
     */
    private static Map<String, List<String>> signedQuery(Map<String, List<String>> query) {
        List<String> listed = query == null ? null : query.get(QUERY_SIGNED_QUERIES);
        if (listed == null || listed.size() != 1
                || Arrays.asList(listed.get(0).split(";")).contains(QUERY_SIGNED_QUERIES)) {
            return withoutSignature(query);
        }
        Map<String, List<String>> signed = new LinkedHashMap<>(withoutSignature(query));
        signed.remove(QUERY_SIGNED_QUERIES);
        return signed;
    }

    private static byte[] orEmpty(byte[] body) {
        return body == null ? new byte[0] : body;
    }

    private static void requireAlgorithm(String algorithm) {
        if (!ALGORITHM.equals(algorithm)) {
            throw new VolcengineAuthorizationException(Reason.INVALID_AUTHORIZATION,
                    "Unsupported signature algorithm '" + algorithm + "', expected " + ALGORITHM);
        }
    }

    private static String singleQueryValue(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty() || values.get(0) == null) {
            throw new VolcengineAuthorizationException(Reason.INVALID_AUTHORIZATION,
                    "Query parameter " + name + " is missing");
        }
        if (values.size() > 1) {
            throw new VolcengineAuthorizationException(Reason.INVALID_AUTHORIZATION,
                    "Query parameter " + name + " is given more than once");
        }
        return values.get(0).strip();
    }

    private static List<String> signedHeaders(String list) {
        try {
            return AuthorizationFields.signedHeaderNames(list);
        } catch (IllegalArgumentException e) {
            throw new VolcengineAuthorizationException(Reason.INVALID_AUTHORIZATION, e.getMessage());
        }
    }

    private static VolcengineAuthorization assemble(String credential, List<String> signedHeaders,
            String signature) {
        if (!AuthorizationFields.isHex(signature, SIGNATURE_HEX_LENGTH)) {
            throw new VolcengineAuthorizationException(Reason.INVALID_AUTHORIZATION,
                    "Signature must be " + SIGNATURE_HEX_LENGTH + " hex characters");
        }
        if (AuthorizationFields.indexOfWhitespace(credential) >= 0) { // a loop: a stream here showed in the profile
            throw invalidCredential("Credential contains whitespace: '" + credential + "'");
        }
        String[] scope = credential.split("/", -1);
        if (scope.length != 5) {
            throw invalidCredential("Credential must be AccessKeyId/yyyymmdd/region/service/request, got: "
                    + credential);
        }
        String accessKeyId = scope[0];
        String shortDate = scope[1];
        String region = scope[2];
        String service = scope[3];
        String terminator = scope[4];
        if (accessKeyId.isEmpty()) {
            throw invalidCredential("Credential has an empty AccessKeyId");
        }
        requireShortDate(shortDate);
        if (region.isEmpty()) {
            throw invalidCredential("Credential has an empty region");
        }
        if (service.isEmpty()) {
            throw invalidCredential("Credential has an empty service");
        }
        if (!TERMINATOR.equals(terminator)) {
            throw invalidCredential("Credential must end with '" + TERMINATOR + "', got: '" + terminator + "'");
        }
        return new VolcengineAuthorization(accessKeyId, shortDate, region, service, terminator,
                signedHeaders, signature);
    }

    private static void requireShortDate(String shortDate) {
        try {
            BasicIsoTime.date(shortDate);
        } catch (DateTimeException e) {
            throw invalidCredential("Credential date must be a valid yyyymmdd, got: '" + shortDate + "'");
        }
    }

    private static VolcengineAuthorizationException invalidCredential(String message) {
        return new VolcengineAuthorizationException(Reason.INVALID_CREDENTIAL, message);
    }
}
