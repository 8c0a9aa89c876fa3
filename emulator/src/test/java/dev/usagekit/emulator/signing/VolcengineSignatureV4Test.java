package dev.usagekit.emulator.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class VolcengineSignatureV4Test {

    private static final String SECRET = "testsecretkey";
    private static final String X_DATE = "20240101T000000Z";
    private static final String REGION = "cn-north-1";
    private static final List<String> SIGNED = List.of("content-type", "host", "x-content-sha256", "x-date");

    private static final String V1_BODY =
            "{\"StartTime\":\"2024-01-01T00:00:00+08:00\",\"EndTime\":\"2024-01-02T00:00:00+08:00\"}";
    private static final String V1_BODY_SHA = "42646eb80d474f026b77785d7457b9bf78a784796245303ed381b4ceb87ec54f";
    private static final String V1_SIGNATURE = "37b5a3f4f4953f4a2e8b09d21524c1308e0b1310c706367ab623bf905cafed95";

    private static final String V2_BODY = "{\"AppId\":\"Your_AppId\",\"StartTime\":\"2021-07-24T00:00:00+08:00\","
            + "\"EndTime\":\"2021-07-26T00:00:00+08:00\",\"Indicator\":\"user_count\",\"Dimension\":\"province\"}";
    private static final String V2_BODY_SHA = "89a3373d24ca71dc985ab449c61d3cd569568e5c26fe1ee3d4f1a4c0b0cd5506";
    private static final String V2_SIGNATURE = "249ca2bea1a1625b6aaf5fa8570416568ac2197fd8af45363d2da9a6b68ad16c";

    private static Map<String, List<String>> query(String action, String version) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("Action", List.of(action));
        query.put("Version", List.of(version));
        return query;
    }

    private static Map<String, String> headers(String host, String bodySha) {
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/json");
        headers.put("host", host);
        headers.put("x-content-sha256", bodySha);
        headers.put("x-date", X_DATE);
        headers.put("accept", "application/json");
        headers.put("user-agent", "volc-sdk-python/v1.0.0");
        return headers;
    }

    private static SignatureComputation v1(String method, Map<String, List<String>> query,
            Map<String, String> headers, byte[] body, String secret) {
        return VolcengineSignatureV4.compute(method, "/", query, headers, SIGNED, body, X_DATE, REGION,
                "live", secret);
    }

    private static SignatureComputation v1() {
        return v1("POST", query("DescribeLiveTranscodeData", "2023-01-01"),
                headers("live.volcengineapi.com", V1_BODY_SHA), V1_BODY.getBytes(StandardCharsets.UTF_8), SECRET);
    }

    @Test
    void vectorV1CanonicalRequest() {
        String expected = String.join("\n",
                "POST",
                "/",
                "Action=DescribeLiveTranscodeData&Version=2023-01-01",
                "content-type:application/json",
                "host:live.volcengineapi.com",
                "x-content-sha256:" + V1_BODY_SHA,
                "x-date:" + X_DATE,
                "",
                "content-type;host;x-content-sha256;x-date",
                V1_BODY_SHA);
        assertEquals(expected, v1().canonicalRequest());
    }

    @Test
    void vectorV1StringToSign() {
        String expected = String.join("\n",
                "HMAC-SHA256",
                X_DATE,
                "20240101/cn-north-1/live/request",
                "24580ef55eeb4b90c0c5a95201f4f57fb6211e938a0e3360013210b2792ffda7");
        assertEquals(expected, v1().stringToSign());
    }

    @Test
    void vectorV1Signature() {
        assertEquals(V1_SIGNATURE, v1().signature());
    }

    @Test
    void vectorV1EndToEndFromAuthorizationHeader() {
        VolcengineAuthorization auth = VolcengineSignatureV4.parseAuthorization(
                "HMAC-SHA256 Credential=AKLTtestaccesskey/20240101/cn-north-1/live/request, "
                        + "SignedHeaders=content-type;host;x-content-sha256;x-date, Signature=" + V1_SIGNATURE);
        SignatureComputation computed = VolcengineSignatureV4.compute("POST", "/",
                query("DescribeLiveTranscodeData", "2023-01-01"), headers("live.volcengineapi.com", V1_BODY_SHA),
                auth.signedHeaders(), V1_BODY.getBytes(StandardCharsets.UTF_8), X_DATE, auth.region(),
                auth.service(), SECRET);
        assertTrue(ConstantTimeComparison.matches(computed.signature(), auth.signature()));
    }

    @Test
    void vectorV2BodyHash() {
        assertEquals(V2_BODY_SHA, Digests.sha256Hex(V2_BODY.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void vectorV2Signature() {
        SignatureComputation computed = VolcengineSignatureV4.compute("POST", "/",
                query("ListOperationDistribution", "2020-12-01"), headers("rtc.volcengineapi.com", V2_BODY_SHA),
                SIGNED, V2_BODY.getBytes(StandardCharsets.UTF_8), X_DATE, REGION, "rtc", SECRET);
        assertEquals(V2_SIGNATURE, computed.signature());
        assertEquals("20240101/cn-north-1/rtc/request", computed.stringToSign().split("\n")[2]);
    }

    @Test
    void bodyIsHashedHereNotTakenFromTheHeader() {
        String[] lines = v1("POST", query("DescribeLiveTranscodeData", "2023-01-01"),
                headers("live.volcengineapi.com", "0".repeat(64)), V1_BODY.getBytes(StandardCharsets.UTF_8), SECRET)
                .canonicalRequest().split("\n");
        assertEquals(V1_BODY_SHA, lines[lines.length - 1]);
    }

    @Test
    void nullBodyHashesAsEmpty() {
        SignatureComputation computed = v1("POST", Map.of(), Map.of(), null, SECRET);
        assertTrue(computed.canonicalRequest().endsWith(
                "\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    }

    @Test
    void signedHeaderOrderAndCaseDoNotMatter() {
        SignatureComputation computed = VolcengineSignatureV4.compute("POST", "/",
                query("DescribeLiveTranscodeData", "2023-01-01"), headers("live.volcengineapi.com", V1_BODY_SHA),
                List.of("X-Date", "Host", "x-content-sha256", "Content-Type"),
                V1_BODY.getBytes(StandardCharsets.UTF_8), X_DATE, REGION, "live", SECRET);
        assertEquals(V1_SIGNATURE, computed.signature());
    }

    @Test
    void headerNameLookupIgnoresCase() {
        Map<String, String> mixed = new HashMap<>();
        headers("live.volcengineapi.com", V1_BODY_SHA).forEach((k, v) -> mixed.put(k.toUpperCase(), v));
        SignatureComputation computed = v1("POST", query("DescribeLiveTranscodeData", "2023-01-01"), mixed,
                V1_BODY.getBytes(StandardCharsets.UTF_8), SECRET);
        assertEquals(V1_SIGNATURE, computed.signature());
    }

    @Test
    void headerValuesAreTrimmed() {
        Map<String, String> padded = headers("  live.volcengineapi.com\t", V1_BODY_SHA);
        padded.put("content-type", " application/json ");
        SignatureComputation computed = v1("POST", query("DescribeLiveTranscodeData", "2023-01-01"), padded,
                V1_BODY.getBytes(StandardCharsets.UTF_8), SECRET);
        assertEquals(V1_SIGNATURE, computed.signature());
    }

    @Test
    void unsignedHeadersDoNotTakePart() {
        Map<String, String> extra = headers("live.volcengineapi.com", V1_BODY_SHA);
        extra.put("x-unsigned", "anything");
        extra.put("user-agent", "something-else");
        SignatureComputation computed = v1("POST", query("DescribeLiveTranscodeData", "2023-01-01"), extra,
                V1_BODY.getBytes(StandardCharsets.UTF_8), SECRET);
        assertEquals(V1_SIGNATURE, computed.signature());
    }

    @Test
    void missingSignedHeaderContributesEmptyValue() {
        Map<String, String> headers = headers("live.volcengineapi.com", V1_BODY_SHA);
        headers.remove("content-type");
        SignatureComputation computed = v1("POST", query("DescribeLiveTranscodeData", "2023-01-01"), headers,
                V1_BODY.getBytes(StandardCharsets.UTF_8), SECRET);
        assertTrue(computed.canonicalRequest().contains("\ncontent-type:\nhost:"));
    }

    @Test
    void hostIsSignedAsReceivedWithItsPort() {
        SignatureComputation computed = v1("POST", query("DescribeLiveTranscodeData", "2023-01-01"),
                headers("127.0.0.1:8080", V1_BODY_SHA), V1_BODY.getBytes(StandardCharsets.UTF_8), SECRET);
        assertTrue(computed.canonicalRequest().contains("\nhost:127.0.0.1:8080\n"));
    }

    @Test
    void hostWithDefaultPortVerifiesOnlyAfterStripping() {
        String received = "live.volcengineapi.com:443";
        SignatureComputation asReceived = v1("POST", query("DescribeLiveTranscodeData", "2023-01-01"),
                headers(received, V1_BODY_SHA), V1_BODY.getBytes(StandardCharsets.UTF_8), SECRET);
        SignatureComputation stripped = v1("POST", query("DescribeLiveTranscodeData", "2023-01-01"),
                headers(VolcengineSignatureV4.stripDefaultPort(received), V1_BODY_SHA),
                V1_BODY.getBytes(StandardCharsets.UTF_8), SECRET);
        assertNotEquals(V1_SIGNATURE, asReceived.signature());
        assertEquals(V1_SIGNATURE, stripped.signature());
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({
        "example.com:80, example.com",
        "example.com:443, example.com",
        "example.com:8080, example.com:8080",
        "example.com:4430, example.com:4430",
        "example.com:180, example.com:180",
        "example.com, example.com",
        "127.0.0.1:443, 127.0.0.1",
        "[::1]:80, [::1]",
        "[::1], [::1]",
        ":443, :443",
    })
    void stripDefaultPort(String host, String expected) {
        assertEquals(expected, VolcengineSignatureV4.stripDefaultPort(host));
    }

    @Test
    void signatureParameterInQueryIsNotSigned() {
        Map<String, List<String>> query = query("DescribeLiveTranscodeData", "2023-01-01");
        query.put("X-Signature", List.of("deadbeef"));
        SignatureComputation computed = v1("POST", query, headers("live.volcengineapi.com", V1_BODY_SHA),
                V1_BODY.getBytes(StandardCharsets.UTF_8), SECRET);
        assertEquals(V1_SIGNATURE, computed.signature());
    }

    @Test
    void emptyPathIsCanonicalisedAsSlash() {
        SignatureComputation computed = VolcengineSignatureV4.compute("POST", "",
                query("DescribeLiveTranscodeData", "2023-01-01"), headers("live.volcengineapi.com", V1_BODY_SHA),
                SIGNED, V1_BODY.getBytes(StandardCharsets.UTF_8), X_DATE, REGION, "live", SECRET);
        assertEquals(V1_SIGNATURE, computed.signature());
    }

    @Test
    void computeRejectsMalformedXDate() {
        assertThrows(DateTimeParseException.class, () -> VolcengineSignatureV4.compute("POST", "/", Map.of(),
                Map.of(), SIGNED, new byte[0], "2024-01-01T00:00:00Z", REGION, "live", SECRET));
    }

    // --- any single change to a signed input changes the signature ---

    @Test
    void flippingAnyBodyByteChangesTheSignature() {
        byte[] body = V1_BODY.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < body.length; i++) {
            byte[] tampered = body.clone();
            tampered[i] ^= 0x01;
            SignatureComputation computed = v1("POST", query("DescribeLiveTranscodeData", "2023-01-01"),
                    headers("live.volcengineapi.com", V1_BODY_SHA), tampered, SECRET);
            assertNotEquals(V1_SIGNATURE, computed.signature(), "body byte " + i);
        }
    }

    @Test
    void appendingOrDroppingABodyByteChangesTheSignature() {
        byte[] body = V1_BODY.getBytes(StandardCharsets.UTF_8);
        byte[] longer = Arrays.copyOf(body, body.length + 1);
        byte[] shorter = Arrays.copyOf(body, body.length - 1);
        for (byte[] tampered : List.of(longer, shorter)) {
            assertNotEquals(V1_SIGNATURE, v1("POST", query("DescribeLiveTranscodeData", "2023-01-01"),
                    headers("live.volcengineapi.com", V1_BODY_SHA), tampered, SECRET).signature());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"content-type", "host", "x-content-sha256", "x-date"})
    void flippingAnyByteOfASignedHeaderChangesTheSignature(String name) {
        String original = headers("live.volcengineapi.com", V1_BODY_SHA).get(name);
        for (int i = 0; i < original.length(); i++) {
            Map<String, String> headers = headers("live.volcengineapi.com", V1_BODY_SHA);
            headers.put(name, Tamper.flip(original, i));
            SignatureComputation computed = v1("POST", query("DescribeLiveTranscodeData", "2023-01-01"), headers,
                    V1_BODY.getBytes(StandardCharsets.UTF_8), SECRET);
            assertNotEquals(V1_SIGNATURE, computed.signature(), name + " char " + i);
        }
    }

    @Test
    void flippingAnyByteOfAQueryValueOrNameChangesTheSignature() {
        for (String name : List.of("Action", "Version")) {
            String value = query("DescribeLiveTranscodeData", "2023-01-01").get(name).get(0);
            for (int i = 0; i < value.length(); i++) {
                Map<String, List<String>> query = query("DescribeLiveTranscodeData", "2023-01-01");
                query.put(name, List.of(Tamper.flip(value, i)));
                assertNotEquals(V1_SIGNATURE, signWithQuery(query), name + " value char " + i);
            }
            Map<String, List<String>> renamed = query("DescribeLiveTranscodeData", "2023-01-01");
            renamed.put(Tamper.flip(name, 0), renamed.remove(name));
            assertNotEquals(V1_SIGNATURE, signWithQuery(renamed), "renamed " + name);
        }
    }

    @Test
    void addingAQueryParameterChangesTheSignature() {
        Map<String, List<String>> query = query("DescribeLiveTranscodeData", "2023-01-01");
        query.put("Extra", List.of(""));
        assertNotEquals(V1_SIGNATURE, signWithQuery(query));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "PUT", "post", "POSt"})
    void changingTheMethodChangesTheSignature(String method) {
        SignatureComputation computed = v1(method, query("DescribeLiveTranscodeData", "2023-01-01"),
                headers("live.volcengineapi.com", V1_BODY_SHA), V1_BODY.getBytes(StandardCharsets.UTF_8), SECRET);
        assertNotEquals(V1_SIGNATURE, computed.signature());
    }

    @Test
    void flippingAnyByteOfTheSecretChangesTheSignature() {
        for (int i = 0; i < SECRET.length(); i++) {
            SignatureComputation computed = v1("POST", query("DescribeLiveTranscodeData", "2023-01-01"),
                    headers("live.volcengineapi.com", V1_BODY_SHA), V1_BODY.getBytes(StandardCharsets.UTF_8),
                    Tamper.flip(SECRET, i));
            assertNotEquals(V1_SIGNATURE, computed.signature(), "secret char " + i);
        }
    }

    @Test
    void changingRegionServiceOrPathChangesTheSignature() {
        byte[] body = V1_BODY.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = headers("live.volcengineapi.com", V1_BODY_SHA);
        Map<String, List<String>> query = query("DescribeLiveTranscodeData", "2023-01-01");
        assertNotEquals(V1_SIGNATURE, VolcengineSignatureV4.compute("POST", "/", query, headers, SIGNED, body,
                X_DATE, "cn-north-2", "live", SECRET).signature());
        assertNotEquals(V1_SIGNATURE, VolcengineSignatureV4.compute("POST", "/", query, headers, SIGNED, body,
                X_DATE, REGION, "rtc", SECRET).signature());
        assertNotEquals(V1_SIGNATURE, VolcengineSignatureV4.compute("POST", "/x", query, headers, SIGNED, body,
                X_DATE, REGION, "live", SECRET).signature());
    }

    @Test
    void signingFewerHeadersChangesTheSignature() {
        SignatureComputation computed = VolcengineSignatureV4.compute("POST", "/",
                query("DescribeLiveTranscodeData", "2023-01-01"), headers("live.volcengineapi.com", V1_BODY_SHA),
                List.of("x-content-sha256", "x-date"), V1_BODY.getBytes(StandardCharsets.UTF_8), X_DATE, REGION,
                "live", SECRET);
        assertNotEquals(V1_SIGNATURE, computed.signature());
        assertTrue(computed.canonicalRequest().contains("\n\nx-content-sha256;x-date\n"));
    }

    // --- X-Date ---

    @Test
    void formatXDate() {
        assertEquals("20240101T000000Z", VolcengineSignatureV4.formatXDate(Instant.parse("2024-01-01T00:00:00Z")));
        assertEquals("20241231T235959Z",
                VolcengineSignatureV4.formatXDate(Instant.parse("2024-12-31T23:59:59.987Z")));
    }

    @Test
    void parseXDate() {
        assertEquals(Instant.parse("2024-02-29T13:45:07Z"), VolcengineSignatureV4.parseXDate("20240229T134507Z"));
    }

    @Test
    void xDateRoundTrips() {
        Instant instant = Instant.parse("2031-07-09T05:06:07Z");
        assertEquals(instant, VolcengineSignatureV4.parseXDate(VolcengineSignatureV4.formatXDate(instant)));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "2024-01-01T00:00:00Z", "20240101T000000", "20240101T000000z", "20240101 000000Z", "20240101T0000Z",
        "20240101T000000Z ", "20241301T000000Z", "20230229T000000Z", "20240132T000000Z", "20240101T240000Z",
        "20240101T006000Z", "20240101T000060Z", "2024010AT000000Z",
    })
    void parseXDateRejectsBadValues(String value) {
        DateTimeParseException e = assertThrows(DateTimeParseException.class,
                () -> VolcengineSignatureV4.parseXDate(value));
        assertTrue(e.getMessage().startsWith("X-Date"));
    }

    private String signWithQuery(Map<String, List<String>> query) {
        return v1("POST", query, headers("live.volcengineapi.com", V1_BODY_SHA),
                V1_BODY.getBytes(StandardCharsets.UTF_8), SECRET).signature();
    }
}
