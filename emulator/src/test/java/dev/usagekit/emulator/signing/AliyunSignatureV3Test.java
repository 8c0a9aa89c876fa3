package dev.usagekit.emulator.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AliyunSignatureV3Test {

    private static final String EMPTY_SHA = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String SIGNED_LIST =
            "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version";
    private static final List<String> SIGNED = List.of(SIGNED_LIST.split(";"));

    private static final String A3_SIGNATURE = "e521358f7776c97df52e6b2891a8bc73026794a071b50c3323388c4e0df64804";
    private static final String A4_SIGNATURE = "0dce930c4e52260b761c42ae29dc37aed0bd29247ceaaa44f3e7d4d2bedc265b";
    private static final String A4_SECRET = "testsecret";

    private static Map<String, List<String>> a3Query() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("RegionId", List.of("cn-shanghai"));
        query.put("ImageId", List.of("win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd"));
        return query;
    }

    private static Map<String, String> a3Headers() {
        Map<String, String> headers = new HashMap<>();
        headers.put("host", "ecs.cn-shanghai.aliyuncs.com");
        headers.put("x-acs-action", "RunInstances");
        headers.put("x-acs-version", "2014-05-26");
        headers.put("x-acs-date", "2023-10-26T09:01:01Z");
        headers.put("x-acs-signature-nonce", "d410180a5abf7fe235dd9b74aca91fc0");
        headers.put("x-acs-content-sha256", EMPTY_SHA);
        return headers;
    }

    private static Map<String, List<String>> a4Query() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("Type", List.of("slidelive,universal"));
        query.put("StartTime", List.of("2024-01-01T00:00:00Z"));
        query.put("SplitBy", List.of("type"));
        query.put("EndTime", List.of("2024-01-02T00:00:00Z"));
        return query;
    }

    private static Map<String, String> a4Headers() {
        Map<String, String> headers = new HashMap<>();
        headers.put("host", "live.aliyuncs.com");
        headers.put("x-acs-action", "DescribeLiveProducerUsageData");
        headers.put("x-acs-version", "2016-11-01");
        headers.put("x-acs-date", "2024-01-01T00:00:00Z");
        headers.put("x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d");
        headers.put("x-acs-content-sha256", EMPTY_SHA);
        headers.put("user-agent", "AlibabaCloud (Linux; amd64) Java/17 tea/1.0");
        headers.put("accept", "application/json");
        return headers;
    }

    private static SignatureComputation a4(String method, Map<String, List<String>> query,
            Map<String, String> headers, byte[] body, String secret) {
        return AliyunSignatureV3.compute(method, "/", query, headers, SIGNED, body, secret);
    }

    private static SignatureComputation a4() {
        return a4("POST", a4Query(), a4Headers(), new byte[0], A4_SECRET);
    }

    @Test
    void vectorA3Signature() {
        SignatureComputation computed = AliyunSignatureV3.compute("POST", "/", a3Query(), a3Headers(), SIGNED,
                new byte[0], "YourAccessKeySecret");
        assertEquals(A3_SIGNATURE, computed.signature());
    }

    @Test
    void vectorA3CanonicalRequest() {
        String expected = String.join("\n",
                "POST",
                "/",
                "ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai",
                "host:ecs.cn-shanghai.aliyuncs.com",
                "x-acs-action:RunInstances",
                "x-acs-content-sha256:" + EMPTY_SHA,
                "x-acs-date:2023-10-26T09:01:01Z",
                "x-acs-signature-nonce:d410180a5abf7fe235dd9b74aca91fc0",
                "x-acs-version:2014-05-26",
                "",
                SIGNED_LIST,
                EMPTY_SHA);
        SignatureComputation computed = AliyunSignatureV3.compute("POST", "/", a3Query(), a3Headers(), SIGNED,
                new byte[0], "YourAccessKeySecret");
        assertEquals(expected, computed.canonicalRequest());
    }

    @Test
    void vectorA3FromAuthorizationHeader() {
        AliyunV3Authorization auth = AliyunSignatureV3.parseAuthorization("ACS3-HMAC-SHA256 "
                + "Credential=YourAccessKeyId,SignedHeaders=" + SIGNED_LIST + ",Signature=" + A3_SIGNATURE);
        SignatureComputation computed = AliyunSignatureV3.compute("POST", "/", a3Query(), a3Headers(),
                auth.signedHeaders(), new byte[0], "YourAccessKeySecret");
        assertTrue(ConstantTimeComparison.matches(computed.signature(), auth.signature()));
    }

    @Test
    void vectorA4CanonicalQuery() {
        String canonicalQuery = a4().canonicalRequest().split("\n")[2];
        assertEquals("EndTime=2024-01-02T00%3A00%3A00Z&SplitBy=type&StartTime=2024-01-01T00%3A00%3A00Z"
                + "&Type=slidelive%2Cuniversal", canonicalQuery);
    }

    @Test
    void vectorA4StringToSign() {
        assertEquals("ACS3-HMAC-SHA256\n7876cd98a5cc28588812d3466f51739d00c9dd43e8be70c85d95bce2d72aca58",
                a4().stringToSign());
    }

    @Test
    void vectorA4Signature() {
        assertEquals(A4_SIGNATURE, a4().signature());
    }

    @Test
    void payloadHashComesFromTheBodyNotTheHeader() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String[] lines = a4("POST", a4Query(), a4Headers(), body, A4_SECRET).canonicalRequest().split("\n");
        assertEquals(Digests.sha256Hex(body), lines[lines.length - 1]);
        assertTrue(a4("POST", a4Query(), a4Headers(), body, A4_SECRET).canonicalRequest()
                .contains("x-acs-content-sha256:" + EMPTY_SHA + "\n"));
    }

    @Test
    void nullBodyIsTheEmptyBody() {
        assertEquals(A4_SIGNATURE, a4("POST", a4Query(), a4Headers(), null, A4_SECRET).signature());
    }

    @Test
    void keyIsTheRawSecretWithoutAmpersand() {
        assertNotEquals(A4_SIGNATURE, a4("POST", a4Query(), a4Headers(), new byte[0], A4_SECRET + "&").signature());
    }

    @Test
    void signedHeaderOrderAndCaseDoNotMatter() {
        SignatureComputation computed = AliyunSignatureV3.compute("POST", "/", a4Query(), a4Headers(),
                List.of("X-Acs-Version", "x-acs-signature-nonce", "X-ACS-DATE", "x-acs-content-sha256",
                        "x-acs-action", "Host"),
                new byte[0], A4_SECRET);
        assertEquals(A4_SIGNATURE, computed.signature());
    }

    @Test
    void extraSignedHeaderTakesPart() {
        Map<String, String> headers = a4Headers();
        headers.put("x-acs-credentials-provider", "static_ak");
        List<String> signed = new ArrayList<>(SIGNED);
        signed.add("x-acs-credentials-provider");
        SignatureComputation computed = AliyunSignatureV3.compute("POST", "/", a4Query(), headers, signed,
                new byte[0], A4_SECRET);
        assertNotEquals(A4_SIGNATURE, computed.signature());
        assertTrue(computed.canonicalRequest().contains("\nx-acs-credentials-provider:static_ak\n"));
    }

    @Test
    void emptyQueryValueIsKept() {
        Map<String, List<String>> query = a4Query();
        query.put("DomainName", List.of(""));
        assertTrue(a4("POST", query, a4Headers(), new byte[0], A4_SECRET).canonicalRequest()
                .contains("\nDomainName=&EndTime="));
    }

    // --- any single change to a signed input changes the signature ---

    @Test
    void flippingAnyBodyByteChangesTheSignature() {
        byte[] body = "{\"StartTime\":\"2024-01-01T00:00:00Z\"}".getBytes(StandardCharsets.UTF_8);
        String original = a4("POST", a4Query(), a4Headers(), body, A4_SECRET).signature();
        for (int i = 0; i < body.length; i++) {
            byte[] tampered = body.clone();
            tampered[i] ^= 0x01;
            assertNotEquals(original, a4("POST", a4Query(), a4Headers(), tampered, A4_SECRET).signature(),
                    "body byte " + i);
        }
        assertNotEquals(original, a4().signature());
    }

    @Test
    void flippingAnyByteOfASignedHeaderChangesTheSignature() {
        for (String name : SIGNED) {
            String value = a4Headers().get(name);
            for (int i = 0; i < value.length(); i++) {
                Map<String, String> headers = a4Headers();
                headers.put(name, Tamper.flip(value, i));
                assertNotEquals(A4_SIGNATURE, a4("POST", a4Query(), headers, new byte[0], A4_SECRET).signature(),
                        name + " char " + i);
            }
        }
    }

    @Test
    void changingAnUnsignedHeaderKeepsTheSignature() {
        Map<String, String> headers = a4Headers();
        headers.put("user-agent", "other");
        headers.put("x-acs-retry-attempts", "1");
        assertEquals(A4_SIGNATURE, a4("POST", a4Query(), headers, new byte[0], A4_SECRET).signature());
    }

    @Test
    void flippingAnyByteOfAQueryValueChangesTheSignature() {
        for (String name : a4Query().keySet()) {
            String value = a4Query().get(name).get(0);
            for (int i = 0; i < value.length(); i++) {
                Map<String, List<String>> query = a4Query();
                query.put(name, List.of(Tamper.flip(value, i)));
                assertNotEquals(A4_SIGNATURE, a4("POST", query, a4Headers(), new byte[0], A4_SECRET).signature(),
                        name + " char " + i);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "PUT", "post"})
    void changingTheMethodChangesTheSignature(String method) {
        assertNotEquals(A4_SIGNATURE, a4(method, a4Query(), a4Headers(), new byte[0], A4_SECRET).signature());
    }

    @Test
    void flippingAnyByteOfTheSecretChangesTheSignature() {
        for (int i = 0; i < A4_SECRET.length(); i++) {
            assertNotEquals(A4_SIGNATURE, a4("POST", a4Query(), a4Headers(), new byte[0],
                    Tamper.flip(A4_SECRET, i)).signature(), "secret char " + i);
        }
    }

    @Test
    void changingThePathChangesTheSignature() {
        assertNotEquals(A4_SIGNATURE, AliyunSignatureV3.compute("POST", "/x", a4Query(), a4Headers(), SIGNED,
                new byte[0], A4_SECRET).signature());
    }

    // --- parsing ---

    private static String header(String credential, String signedHeaders, String signature) {
        return "ACS3-HMAC-SHA256 Credential=" + credential + ",SignedHeaders=" + signedHeaders
                + ",Signature=" + signature;
    }

    private static void assertMalformed(String header) {
        AliyunAuthorizationException e = assertThrows(AliyunAuthorizationException.class,
                () -> AliyunSignatureV3.parseAuthorization(header));
        assertFalse(e.getMessage() == null || e.getMessage().isBlank());
    }

    @Test
    void parsesTheVectorA4Header() {
        AliyunV3Authorization auth = AliyunSignatureV3.parseAuthorization(header("testid", SIGNED_LIST, A4_SIGNATURE));
        assertEquals("testid", auth.accessKeyId());
        assertEquals(SIGNED, auth.signedHeaders());
        assertEquals(A4_SIGNATURE, auth.signature());
    }

    @Test
    void acceptsSpacesAfterCommas() {
        AliyunV3Authorization auth = AliyunSignatureV3.parseAuthorization(
                "ACS3-HMAC-SHA256 Credential=testid, SignedHeaders=" + SIGNED_LIST + ",  Signature=" + A4_SIGNATURE);
        assertEquals("testid", auth.accessKeyId());
        assertEquals(A4_SIGNATURE, auth.signature());
    }

    @Test
    void lowercasesSignedHeaders() {
        AliyunV3Authorization auth = AliyunSignatureV3.parseAuthorization(
                header("testid", "Host;X-Acs-Date", A4_SIGNATURE));
        assertEquals(List.of("host", "x-acs-date"), auth.signedHeaders());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "ACS3-HMAC-SHA256", "ACS3-HMAC-SHA256 "})
    void rejectsMissingHeaderOrFields(String header) {
        assertMalformed(header);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ACS3-HMAC-SM3", "ACS3-RSA-SHA256", "HMAC-SHA256", "acs3-hmac-sha256"})
    void rejectsOtherAlgorithms(String algorithm) {
        assertMalformed(header("testid", SIGNED_LIST, A4_SIGNATURE).replace("ACS3-HMAC-SHA256", algorithm));
    }

    @Test
    void rejectsMissingCredential() {
        assertMalformed("ACS3-HMAC-SHA256 SignedHeaders=" + SIGNED_LIST + ",Signature=" + A4_SIGNATURE);
    }

    @Test
    void rejectsMissingSignedHeaders() {
        assertMalformed("ACS3-HMAC-SHA256 Credential=testid,Signature=" + A4_SIGNATURE);
    }

    @Test
    void rejectsMissingSignature() {
        assertMalformed("ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=" + SIGNED_LIST);
    }

    @Test
    void rejectsEmptyCredential() {
        assertMalformed(header("", SIGNED_LIST, A4_SIGNATURE));
    }

    @Test
    void rejectsDuplicateField() {
        assertMalformed(header("testid", SIGNED_LIST, A4_SIGNATURE) + ",Credential=other");
    }

    @Test
    void rejectsUnknownField() {
        assertMalformed(header("testid", SIGNED_LIST, A4_SIGNATURE) + ",Date=now");
    }

    @Test
    void rejectsEmptyField() {
        assertMalformed("ACS3-HMAC-SHA256 Credential=testid,,SignedHeaders=" + SIGNED_LIST + ",Signature="
                + A4_SIGNATURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "host;;x-acs-date", "host;"})
    void rejectsBadSignedHeaders(String signedHeaders) {
        assertMalformed(header("testid", signedHeaders, A4_SIGNATURE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0dce930c", "g" + "dce930c4e52260b761c42ae29dc37aed0bd29247ceaaa44f3e7d4d2bedc265b",
        "0dce930c4e52260b761c42ae29dc37aed0bd29247ceaaa44f3e7d4d2bedc265b00"})
    void rejectsBadSignature(String signature) {
        assertMalformed(header("testid", SIGNED_LIST, signature));
    }
}
