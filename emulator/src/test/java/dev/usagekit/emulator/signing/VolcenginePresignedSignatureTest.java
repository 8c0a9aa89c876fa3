package dev.usagekit.emulator.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Query-string signatures. The vectors are URLs produced by volc-sdk-java 1.0.273
 * {@code SignerV4Impl.signUrl} (AK AKLTtestaccesskey, SK testsecretkey, cn-north-1, live).
 */
class VolcenginePresignedSignatureTest {

    private static final String SECRET = "testsecretkey";

    private static final String SDK_URL = "Action=DescribeLiveTranscodeData&Version=2023-01-01"
            + "&X-Date=20261122T065342Z&X-NotSignBody=&X-Credential=AKLTtestaccesskey%2F20261122%2Fcn-north-1"
            + "%2Flive%2Frequest&X-Algorithm=HMAC-SHA256&X-SignedHeaders=&X-SignedQueries=Action%3BVersion"
            + "%3BX-Algorithm%3BX-Credential%3BX-Date%3BX-NotSignBody%3BX-SignedHeaders%3BX-SignedQueries"
            + "&X-Signature=7f491f441f39fa551c14ed7cc5bdfeb51c0b4b73610334352c004e63a3347999";

    private static final String SDK_URL_WITH_ODD_VALUE = "Action=DescribeLiveTranscodeData&Version=2023-01-01"
            + "&Name=a+b%7E%C3%A9*&X-Date=20261122T065342Z&X-NotSignBody=&X-Credential=AKLTtestaccesskey"
            + "%2F20261122%2Fcn-north-1%2Flive%2Frequest&X-Algorithm=HMAC-SHA256&X-SignedHeaders="
            + "&X-SignedQueries=Action%3BName%3BVersion%3BX-Algorithm%3BX-Credential%3BX-Date%3BX-NotSignBody"
            + "%3BX-SignedHeaders%3BX-SignedQueries"
            + "&X-Signature=7c5a1abcc3e6ffeb642d996e1ef95f5fb49b1cb5351ed5fdd2dadc60518526ca";

    /**
     * {@code Signer.getSignUrl} of the Node SDK {@code @volcengine/openapi} 1.36.2 at 2024-01-01T00:00:00Z: it adds
     * {@code X-SignedQueries} after signing, so the list leaves itself out and the signature does not cover it.
     */
    private static final String NODE_SDK_URL = "Action=DescribeLiveTranscodeData&Version=2023-01-01"
            + "&X-Algorithm=HMAC-SHA256&X-Credential=AKLTtestaccesskey%2F20240101%2Fcn-north-1%2Flive%2Frequest"
            + "&X-Date=20240101T000000Z&X-NotSignBody=&X-SignedHeaders=&X-SignedQueries=Action%3BVersion"
            + "%3BX-Algorithm%3BX-Credential%3BX-Date%3BX-NotSignBody%3BX-SignedHeaders"
            + "&X-Signature=c71107f1a905603a1a371603af3f0c49ec8ae6e401d7faef44ee467d44bcd24c";

    private static Map<String, List<String>> decode(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            String[] nameValue = pair.split("=", 2);
            query.computeIfAbsent(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8), k -> new ArrayList<>())
                    .add(URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    private static SignatureComputation verify(Map<String, List<String>> query, byte[] body, String secret) {
        VolcengineAuthorization auth = VolcengineSignatureV4.parseQueryAuthorization(query);
        return VolcengineSignatureV4.computePresigned("POST", "/", query, Map.of("host", "live.volcengineapi.com"),
                auth.signedHeaders(), body, query.get("X-Date").get(0), auth.region(), auth.service(), secret);
    }

    private static String presentedSignature(Map<String, List<String>> query) {
        return query.get("X-Signature").get(0);
    }

    @Test
    void sdkPresignedUrlVerifies() {
        Map<String, List<String>> query = decode(SDK_URL);
        assertEquals(presentedSignature(query), verify(query, new byte[0], SECRET).signature());
    }

    @Test
    void sdkPresignedUrlWithSpaceTildeNonAsciiAndAsteriskVerifies() {
        Map<String, List<String>> query = decode(SDK_URL_WITH_ODD_VALUE);
        SignatureComputation computed = verify(query, new byte[0], SECRET);
        assertEquals(presentedSignature(query), computed.signature());
        assertTrue(computed.canonicalRequest().contains("&Name=a%20b~%C3%A9%2A&"));
    }

    @Test
    void nodeSdkPresignedUrlThatLeavesItsListOutOfTheListVerifies() {
        Map<String, List<String>> query = decode(NODE_SDK_URL);
        SignatureComputation computed = verify(query, "{\"DomainList\":[]}".getBytes(StandardCharsets.UTF_8), SECRET);
        assertEquals(presentedSignature(query), computed.signature());
        assertTrue(computed.canonicalRequest().contains("&X-SignedHeaders=\n"));
    }

    /** Every parameter is signed, listed or not: one added afterwards (a longer X-Expires, another Action) fails. */
    @Test
    void aParameterAddedAfterSigningFailsTheSignatureListedOrNot() {
        for (String url : List.of(SDK_URL, NODE_SDK_URL)) {
            Map<String, List<String>> query = decode(url);
            assertEquals(presentedSignature(query), verify(query, new byte[0], SECRET).signature());
            query.put("X-Expires", List.of("999999999"));
            assertNotEquals(presentedSignature(query), verify(query, new byte[0], SECRET).signature());
            Map<String, List<String>> otherAction = decode(url);
            otherAction.put("Action", List.of("DescribeLivePullToPushBandwidthData"));
            assertNotEquals(presentedSignature(otherAction), verify(otherAction, new byte[0], SECRET).signature());
        }
    }

    /** A list that leaves itself out is not signed, whatever it says; naming a parameter twice breaks nothing. */
    @Test
    void aListNamingAParameterTwiceIsReadWithoutFailing() {
        Map<String, List<String>> query = decode(NODE_SDK_URL);
        query.put("X-SignedQueries", List.of("Action;;Action;Version"));
        assertEquals(presentedSignature(query), verify(query, new byte[0], SECRET).signature());
    }

    @Test
    void presignedCanonicalRequestHasTheSdkBlankLines() {
        SignatureComputation computed = verify(decode(SDK_URL), new byte[0], SECRET);
        assertTrue(computed.canonicalRequest().endsWith(
                "%3BX-SignedQueries\n\n\n\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        assertTrue(computed.canonicalRequest().startsWith("POST\n/\nAction=DescribeLiveTranscodeData&"));
    }

    @Test
    void bodyIsNotSignedWhenNotSignBodyIsPresent() {
        Map<String, List<String>> query = decode(SDK_URL);
        assertEquals(presentedSignature(query), verify(query, "{\"any\":1}".getBytes(StandardCharsets.UTF_8),
                SECRET).signature());
    }

    @Test
    void bodyIsSignedWhenNotSignBodyIsAbsent() {
        Map<String, List<String>> query = decode(SDK_URL);
        query.remove("X-NotSignBody");
        SignatureComputation empty = verify(query, new byte[0], SECRET);
        SignatureComputation nonEmpty = verify(query, new byte[] {1}, SECRET);
        assertNotEquals(empty.signature(), nonEmpty.signature());
    }

    @Test
    void presignedFormSignsListedHeadersNormally() {
        Map<String, List<String>> query = decode(SDK_URL);
        SignatureComputation computed = VolcengineSignatureV4.computePresigned("POST", "/", query,
                Map.of("host", "live.volcengineapi.com"), List.of("host"), new byte[0], "20261122T065342Z",
                "cn-north-1", "live", SECRET);
        assertTrue(computed.canonicalRequest().contains("X-SignedQueries\nhost:live.volcengineapi.com\n\nhost\n"));
    }

    @Test
    void headerFormOfTheSameRequestDiffers() {
        Map<String, List<String>> query = decode(SDK_URL);
        SignatureComputation headerForm = VolcengineSignatureV4.compute("POST", "/", query, Map.of(), List.of(),
                new byte[0], "20261122T065342Z", "cn-north-1", "live", SECRET);
        assertNotEquals(presentedSignature(query), headerForm.signature());
    }

    @Test
    void tamperingWithAnySignedQueryValueBreaksThePresignedSignature() {
        Map<String, List<String>> original = decode(SDK_URL_WITH_ODD_VALUE);
        for (String name : original.keySet()) {
            if (name.equals("X-Signature")) {
                continue;
            }
            String value = original.get(name).get(0);
            for (int i = 0; i < value.length(); i++) {
                Map<String, List<String>> query = decode(SDK_URL_WITH_ODD_VALUE);
                query.put(name, List.of(Tamper.flip(value, i)));
                String computed = VolcengineSignatureV4.computePresigned("POST", "/", query, Map.of(), List.of(),
                        new byte[0], "20261122T065342Z", "cn-north-1", "live", SECRET).signature();
                assertNotEquals(presentedSignature(original), computed, name + " char " + i);
            }
        }
    }

    @Test
    void sdkHeaderSignedRequestVerifies() {
        // volc-sdk-java sign(): body {"a":1} to http://127.0.0.1:8080/, which it signs as host 127.0.0.1.
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("Action", List.of("DescribeLiveTranscodeData"));
        query.put("Version", List.of("2023-01-01"));
        Map<String, String> headers = Map.of(
                "content-type", "application/json",
                "host", "127.0.0.1",
                "x-date", "20261122T065342Z",
                "x-content-sha256", "015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862");
        VolcengineAuthorization auth = VolcengineSignatureV4.parseAuthorization("HMAC-SHA256 "
                + "Credential=AKLTtestaccesskey/20261122/cn-north-1/live/request, "
                + "SignedHeaders=content-type;host;x-content-sha256;x-date, "
                + "Signature=426e21b22d2468acdec5eaa30727d8320a75fb5bf7206ebe0af4c33a4e1a25a8");
        SignatureComputation computed = VolcengineSignatureV4.compute("POST", "/", query, headers,
                auth.signedHeaders(), "{\"a\":1}".getBytes(StandardCharsets.UTF_8), "20261122T065342Z",
                auth.region(), auth.service(), SECRET);
        assertEquals(auth.signature(), computed.signature());
    }
}
