package dev.usagekit.emulator.it;

import static dev.usagekit.emulator.it.ErrorEnvelopes.assertAliyunError;
import static dev.usagekit.emulator.it.ErrorEnvelopes.assertGatewayError;
import static dev.usagekit.emulator.it.ErrorEnvelopes.assertServiceError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.signing.AliyunSignatureV1;
import dev.usagekit.emulator.signing.AliyunSignatureV3;
import dev.usagekit.emulator.signing.VolcengineSignatureV4;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Strict mode end to end: the published vectors pass over HTTP, and any change to signed material fails. */
class SignatureVerificationTest {

    private final TestEmulator emulator = TestEmulator.strictAtVectorTime();

    private static final String V1_BODY = "{\"StartTime\":\"2024-01-01T00:00:00+08:00\",\"EndTime\":\"2024-01-02T00:00:00+08:00\"}";
    private static final String V1_AUTH = "HMAC-SHA256 Credential=AKLTtestaccesskey/20240101/cn-north-1/live/request, "
            + "SignedHeaders=content-type;host;x-content-sha256;x-date, "
            + "Signature=37b5a3f4f4953f4a2e8b09d21524c1308e0b1310c706367ab623bf905cafed95";

    private TestEmulator.Reply volcengine(String action, String version, String host, String xDate, String auth,
            String body) {
        String head = "POST /?Action=" + action + "&Version=" + version + " HTTP/1.1\r\nHost: " + host + "\r\n"
                + "Content-Type: application/json\r\nX-Content-Sha256: " + sha256(body) + "\r\nX-Date: " + xDate + "\r\n"
                + (auth == null ? "" : "Authorization: " + auth + "\r\n");
        return emulator.raw(head, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void vectorV1VerifiesOverHttp() {
        var r = volcengine("DescribeLiveTranscodeData", "2023-01-01", "live.volcengineapi.com", "20240101T000000Z",
                V1_AUTH, V1_BODY);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().at("/ResponseMetadata/Service").asString()).isEqualTo("live");
    }

    @Test
    void vectorV2PassesTheSignatureAndReachesTheRules() {
        String body = "{\"AppId\":\"Your_AppId\",\"StartTime\":\"2021-07-24T00:00:00+08:00\",\"EndTime\":"
                + "\"2021-07-26T00:00:00+08:00\",\"Indicator\":\"user_count\",\"Dimension\":\"province\"}";
        var r = volcengine("ListOperationDistribution", "2020-12-01", "rtc.volcengineapi.com", "20240101T000000Z",
                "HMAC-SHA256 Credential=AKLTtestaccesskey/20240101/cn-north-1/rtc/request, "
                        + "SignedHeaders=content-type;host;x-content-sha256;x-date, "
                        + "Signature=249ca2bea1a1625b6aaf5fa8570416568ac2197fd8af45363d2da9a6b68ad16c", body);
        // 2021 is beyond the 30-day history: a service error, so the signature was accepted
        assertServiceError(r, 400, "InvalidParameter.OutofTimeRange");
    }

    /**
     * Pact verifiers replay a header recorded with commas as one line per part: the lines are one header again, as
     * HTTP allows (RFC 9110, 5.3), so the signature still verifies.
     */
    @Test
    void anAuthorizationSentOnSeveralLinesIsOneHeader() {
        String lines = V1_AUTH.replace(", ", "\r\nAuthorization: ");
        assertThat(lines.split("\r\n")).hasSize(3);
        var r = volcengine("DescribeLiveTranscodeData", "2023-01-01", "live.volcengineapi.com", "20240101T000000Z",
                lines, V1_BODY);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void oneChangedBodyByteIsSignatureDoesNotMatch() {
        var r = volcengine("DescribeLiveTranscodeData", "2023-01-01", "live.volcengineapi.com", "20240101T000000Z",
                V1_AUTH, V1_BODY.replace("02T", "03T"));
        assertGatewayError(r, 401, "SignatureDoesNotMatch", 100010);
    }

    @Test
    void anotherHostIsSignatureDoesNotMatch() {
        assertGatewayError(volcengine("DescribeLiveTranscodeData", "2023-01-01", "rtc.volcengineapi.com",
                "20240101T000000Z", V1_AUTH, V1_BODY), 401, "SignatureDoesNotMatch", 100010);
    }

    /** The vector was signed over the Host without a port, as SDKs that drop it sign; the request carries one. */
    @Test
    void aHostSignedWithoutItsDefaultPortVerifies() {
        var r = volcengine("DescribeLiveTranscodeData", "2023-01-01", "live.volcengineapi.com:80", "20240101T000000Z",
                V1_AUTH, V1_BODY);
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void aHostSignedWithoutAnyPortVerifies() {
        var r = volcengine("DescribeLiveTranscodeData", "2023-01-01", "live.volcengineapi.com:18080", "20240101T000000Z",
                V1_AUTH, V1_BODY);
        assertThat(r.status()).isEqualTo(200);
    }

    /**
     * Signed by the Node SDK (@volcengine/openapi 1.36.2, at 2024-01-01T00:00:00Z), which signs a header value with
     * each run of white space made one space; the header is sent as it was given.
     */
    @Test
    void aHeaderSignedWithItsWhiteSpaceCollapsedVerifies() {
        String head = "POST /?Action=DescribeLiveTranscodeData&Version=2023-01-01 HTTP/1.1\r\n"
                + "Host: live.volcengineapi.com\r\nContent-Type: application/json\r\nX-Custom-Thing: a  b\tc\r\n"
                + "X-Date: 20240101T000000Z\r\nX-Content-Sha256: " + sha256(V1_BODY) + "\r\n"
                + "Authorization: HMAC-SHA256 Credential=AKLTtestaccesskey/20240101/cn-north-1/live/request, "
                + "SignedHeaders=host;x-content-sha256;x-custom-thing;x-date, "
                + "Signature=4f5cb232e860872613c4510775d2a1dfcd664e72466033e961f4edf6b1ccdd39\r\n";
        var r = emulator.raw(head, V1_BODY.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(200);

        var changed = emulator.raw(head.replace("a  b\tc", "a  b\tcc"), V1_BODY.getBytes(StandardCharsets.UTF_8));
        assertGatewayError(changed, 401, "SignatureDoesNotMatch", 100010);
    }

    @Test
    void aShorterHostStillHasToBeTheSignedOne() {
        assertGatewayError(volcengine("DescribeLiveTranscodeData", "2023-01-01", "rtc.volcengineapi.com:18080",
                "20240101T000000Z", V1_AUTH, V1_BODY), 401, "SignatureDoesNotMatch", 100010);
    }

    /** A call signed correctly with the test secret, for the given signing time and credential scope service. */
    private TestEmulator.Reply signedCall(String action, String version, String xDate, String service, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("host", "live.volcengineapi.com");
        headers.put("x-content-sha256", sha256(body));
        headers.put("x-date", xDate);
        String signature = VolcengineSignatureV4.compute("POST", "/", Map.of("Action", List.of(action),
                "Version", List.of(version)), headers, List.copyOf(new TreeMap<>(headers).keySet()),
                body.getBytes(StandardCharsets.UTF_8), xDate, "cn-north-1", service, "testsecretkey").signature();
        return volcengine(action, version, "live.volcengineapi.com", xDate,
                "HMAC-SHA256 Credential=AKLTtestaccesskey/" + xDate.substring(0, 8) + "/cn-north-1/" + service
                        + "/request, SignedHeaders=content-type;host;x-content-sha256;x-date, Signature=" + signature,
                body);
    }

    @Test
    void skewBeyondFifteenMinutesIsInvalidTimestamp() {
        assertGatewayError(signedCall("DescribeLiveTranscodeData", "2023-01-01", "20231231T234400Z", "live", V1_BODY), 400,
                "InvalidTimestamp", 100006);
    }

    /**
     * The cloud derives the signing key with the service of the action called, so a client configured with another
     * service (an RTC client's settings copied for Live) fails there; the journal says why.
     */
    @Test
    void aScopeNamingAnotherServiceIsSignatureDoesNotMatch() {
        for (String service : List.of("rtc", "vod", "Live")) {
            var r = signedCall("DescribeLiveTranscodeData", "2023-01-01", "20240101T000000Z", service, V1_BODY);
            assertGatewayError(r, 401, "SignatureDoesNotMatch", 100010);
            String problem = emulator.get("/_emulator/journal?limit=1").json().get("entries").get(0)
                    .at("/details/signature/problem").asString();
            assertThat(problem).isEqualTo("the credential scope names service '" + service
                    + "'; this action's service is 'live'");
        }
        String rtcBody = "{\"AppId\":\"Your_AppId\",\"StartTime\":\"2023-12-30T00:00:00+08:00\",\"EndTime\":"
                + "\"2023-12-31T00:00:00+08:00\",\"Indicator\":\"user_count\",\"Dimension\":\"province\"}";
        assertGatewayError(signedCall("ListOperationDistribution", "2020-12-01", "20240101T000000Z", "live", rtcBody), 401,
                "SignatureDoesNotMatch", 100010);
        assertThat(signedCall("ListOperationDistribution", "2020-12-01", "20240101T000000Z", "rtc", rtcBody).status())
                .isEqualTo(200);
    }

    /**
     * A header without a Credential field fails on its shape before any credential is read, so it is
     * InvalidAuthorization, never InvalidCredential (kept for a Credential that is there but malformed).
     */
    @Test
    void malformedAuthorizationIsInvalidAuthorization() {
        var r = volcengine("DescribeLiveTranscodeData", "2023-01-01", "live.volcengineapi.com", "20240101T000000Z",
                "HMAC-SHA256 Signature=abc", V1_BODY);
        assertGatewayError(r, 400, "InvalidAuthorization", null);
        assertThat(r.json().at("/ResponseMetadata/Error/Message").asString())
                .isEqualTo("Invalid 'Authorization' header, Pls check authorization header.");
    }

    @Test
    void aCredentialWithoutItsTerminatorIsInvalidCredential() {
        var r = volcengine("DescribeLiveTranscodeData", "2023-01-01", "live.volcengineapi.com", "20240101T000000Z",
                V1_AUTH.replace("/live/request", "/live"), V1_BODY);
        assertGatewayError(r, 400, "InvalidCredential", null);
        assertThat(r.json().at("/ResponseMetadata/Error/Message").asString())
                .isEqualTo("Invalid credential in 'Authorization', Pls check credential in authorization header.");
    }

    // --- Aliyun

    private static String form(Map<String, String> params) {
        return params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static Map<String, String> vectorA2() {
        Map<String, String> p = new TreeMap<>();
        p.put("AccessKeyId", "testid");
        p.put("Action", "DescribeLiveProducerUsageData");
        p.put("Version", "2016-11-01");
        p.put("Format", "JSON");
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureVersion", "1.0");
        p.put("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf");
        p.put("Timestamp", "2024-01-01T00:00:00Z");
        p.put("StartTime", "2024-01-01T00:00:00Z");
        p.put("EndTime", "2024-01-02T00:00:00Z");
        p.put("SplitBy", "type");
        p.put("Type", "slidelive,universal");
        return p;
    }

    private TestEmulator.Reply aliyunV1(Map<String, String> params) {
        return aliyunV1(emulator, params);
    }

    private static TestEmulator.Reply aliyunV1(TestEmulator emulator, Map<String, String> params) {
        return emulator.raw("POST /?" + form(params) + " HTTP/1.1\r\nHost: live.aliyuncs.com\r\n", new byte[0]);
    }

    private static Map<String, String> signedV1(Map<String, String> params, String secret) {
        Map<String, List<String>> multi = new TreeMap<>();
        params.forEach((k, v) -> multi.put(k, List.of(v)));
        Map<String, String> signed = new TreeMap<>(params);
        signed.put("Signature", AliyunSignatureV1.sign(secret, AliyunSignatureV1.stringToSign("POST", multi)));
        return signed;
    }

    @Test
    void vectorA2VerifiesOverHttpAndItsNonceCannotBeReplayed() {
        Map<String, String> p = vectorA2();
        p.put("Signature", "u9CgnxpBk5HNgNNywQ67ikmf+5k=");
        var first = aliyunV1(p);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().has("BillProducerData")).isTrue();
        var replay = aliyunV1(p);
        assertAliyunError(replay, 400, "SignatureNonceUsed", null);
    }

    @Test
    void wrongSecretIsSignatureDoesNotMatchWithTheServerStringToSign() {
        Map<String, String> p = vectorA2();
        p.put("SignatureNonce", UUID.randomUUID().toString());
        var r = aliyunV1(signedV1(p, "not-the-secret"));
        assertAliyunError(r, 400, "SignatureDoesNotMatch", null);
        assertThat(r.json().get("Message").asString()).startsWith(
                "Specified signature is not matched with our calculation. server string to sign is:POST&%2F&AccessKeyId%3Dtestid");
    }

    /**
     * A large form body signed with a wrong secret: the client still gets the whole string to sign (the SDK compares
     * it with its own), but the journal keeps 16 KB of it, not five megabytes a call.
     */
    @Test
    void aHugeStringToSignIsAnsweredWholeButJournaledCut() {
        Map<String, String> p = vectorA2();
        p.put("SignatureNonce", UUID.randomUUID().toString());
        p.put("Junk", "*".repeat(100_000));
        Map<String, String> signed = signedV1(p, "not-the-secret");
        var r = emulator.raw("POST / HTTP/1.1\r\nHost: live.aliyuncs.com\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n", form(signed).getBytes(StandardCharsets.UTF_8));
        assertAliyunError(r, 400, "SignatureDoesNotMatch", null);
        assertThat(r.json().get("Message").asString()).hasSizeGreaterThan(300_000);

        var entries = emulator.get("/_emulator/journal?limit=1").json().get("entries");
        String journaled = entries.get(0).at("/details/signature/stringToSign").asString();
        assertThat(journaled).hasSizeLessThan(17_000).endsWith(" more characters)");
    }

    @Test
    void timestampOutsideFifteenMinutesIsExpired() {
        Map<String, String> p = vectorA2();
        p.put("SignatureNonce", UUID.randomUUID().toString());
        p.put("Timestamp", "2023-12-31T23:40:00Z");
        var r = aliyunV1(signedV1(p, "testsecret"));
        assertAliyunError(r, 400, "InvalidTimeStamp.Expired", null);
    }

    @Test
    void missingSignatureIsMissingSignature() {
        Map<String, String> p = vectorA2();
        var r = aliyunV1(p);
        assertAliyunError(r, 400, "MissingSignature", null);
    }

    private TestEmulator.Reply acs3(String signature, String nonce) {
        return acs3(emulator, signature, nonce, ",");
    }

    /** @param separator what separates the Authorization's three fields: a comma, or a new header line */
    private static TestEmulator.Reply acs3(TestEmulator emulator, String signature, String nonce, String separator) {
        return acs3(emulator, "2016-11-01", signature, nonce, separator);
    }

    private static TestEmulator.Reply acs3(TestEmulator emulator, String version, String signature, String nonce,
            String separator) {
        String head = "POST /?EndTime=2024-01-02T00%3A00%3A00Z&SplitBy=type&StartTime=2024-01-01T00%3A00%3A00Z"
                + "&Type=slidelive%2Cuniversal HTTP/1.1\r\nHost: live.aliyuncs.com\r\n"
                + "x-acs-action: DescribeLiveProducerUsageData\r\nx-acs-version: " + version + "\r\n"
                + "x-acs-date: 2024-01-01T00:00:00Z\r\nx-acs-signature-nonce: " + nonce + "\r\n"
                + "x-acs-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\r\n"
                + "Authorization: ACS3-HMAC-SHA256 Credential=testid" + separator + "SignedHeaders=host;x-acs-action;"
                + "x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version" + separator + "Signature="
                + signature + "\r\n";
        return emulator.raw(head, new byte[0]);
    }

    @Test
    void vectorA4VerifiesOverHttpAsJson() {
        var r = acs3("0dce930c4e52260b761c42ae29dc37aed0bd29247ceaaa44f3e7d4d2bedc265b", "3156853299f313e23d1673dc12e1703d");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        // the vector's range lies after its signing time, so the data delay withholds every bucket
        assertThat(r.json().at("/BillProducerData/BillProducerDataItem").isArray()).isTrue();
        assertThat(r.json().has("Code")).isFalse();
    }

    @Test
    void anAcs3AuthorizationSentOnSeveralLinesIsOneHeader() {
        var r = acs3(TestEmulator.strictAtVectorTime("strict-acs3-lines"),
                "0dce930c4e52260b761c42ae29dc37aed0bd29247ceaaa44f3e7d4d2bedc265b", "3156853299f313e23d1673dc12e1703d",
                "\r\nAuthorization: ");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void anAcs3NonceCannotBeReplayed() {
        TestEmulator own = TestEmulator.strictAtVectorTime("strict-acs3-replay");
        String signature = "0dce930c4e52260b761c42ae29dc37aed0bd29247ceaaa44f3e7d4d2bedc265b";
        assertThat(acs3(own, signature, "3156853299f313e23d1673dc12e1703d", ",").status()).isEqualTo(200);
        var replay = acs3(own, signature, "3156853299f313e23d1673dc12e1703d", ",");
        assertAliyunError(replay, 400, "SignatureNonceUsed", null);
    }

    /** A reset gives a fresh emulator: the nonces of both signatures are accepted once more, then refused again. */
    @Test
    void aResetForgetsTheNoncesSeen() {
        TestEmulator own = TestEmulator.strictAtVectorTime("strict-reset-nonces");
        Map<String, String> v1 = vectorA2();
        v1.put("Signature", "u9CgnxpBk5HNgNNywQ67ikmf+5k=");
        String acs3Signature = "0dce930c4e52260b761c42ae29dc37aed0bd29247ceaaa44f3e7d4d2bedc265b";
        String acs3Nonce = "3156853299f313e23d1673dc12e1703d";
        for (int round = 0; round < 2; round++) {
            assertThat(aliyunV1(own, v1).status()).isEqualTo(200);
            assertThat(acs3(own, acs3Signature, acs3Nonce, ",").status()).isEqualTo(200);
            assertAliyunError(aliyunV1(own, v1), 400, "SignatureNonceUsed", null);
            assertAliyunError(acs3(own, acs3Signature, acs3Nonce, ","), 400, "SignatureNonceUsed", null);
            assertThat(own.post("/_emulator/reset", "").status()).isEqualTo(200);
        }
    }

    @Test
    void anAcs3CallWithoutANonceIsMissingXAcsSignatureNonce() {
        // a nonce-less call cannot be checked for replay, so it is refused before its signature is looked at
        String head = "POST /?EndTime=2024-01-02T00%3A00%3A00Z&StartTime=2024-01-01T00%3A00%3A00Z HTTP/1.1\r\n"
                + "Host: live.aliyuncs.com\r\nx-acs-action: DescribeLiveProducerUsageData\r\n"
                + "x-acs-version: 2016-11-01\r\nx-acs-date: 2024-01-01T00:00:00Z\r\n"
                + "x-acs-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\r\n"
                + "Authorization: ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=host;x-acs-action;"
                + "x-acs-content-sha256;x-acs-date;x-acs-version,Signature=" + "0".repeat(64) + "\r\n";
        var r = emulator.raw(head, new byte[0]);
        assertAliyunError(r, 400, "MissingXAcsSignatureNonce", "XAcsSignatureNonce is mandatory for this action.");
    }

    /** The gateway resolves the version before it looks at the signature, as it resolves the action. */
    @Test
    void anUnknownVersionIsNoSuchVersionBeforeTheSignatureIsChecked() {
        Map<String, String> p = vectorA2();
        p.put("SignatureNonce", UUID.randomUUID().toString());
        p.put("Version", "2014-05-26");
        assertAliyunError(aliyunV1(signedV1(p, "not-the-secret")), 400, "NoSuchVersion",
                "The specified version does not exist.");
        assertAliyunError(acs3(emulator, "2014-05-26", "1" + "0".repeat(63), "nonce-for-another-version", ","), 400,
                "NoSuchVersion", "The specified version does not exist.");
    }

    @Test
    void acs3WithAlteredSignatureIsSignatureDoesNotMatch() {
        var r = acs3("1dce930c4e52260b761c42ae29dc37aed0bd29247ceaaa44f3e7d4d2bedc265b", "another-nonce");
        assertAliyunError(r, 400, "SignatureDoesNotMatch", null);
        assertThat(AliyunSignatureV3.ALGORITHM).isEqualTo("ACS3-HMAC-SHA256");
    }
}
