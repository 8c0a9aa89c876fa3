package dev.usagekit.emulator.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AliyunSignatureV1Test {

    private static final String SECRET = "testsecret";

    private static final String A1_STRING_TO_SIGN = "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions"
            + "%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"
            + "%26SignatureVersion%3D1.0%26TimeStamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26";
    private static final String A1_SIGNATURE = "CT9X0VtwR86fNWSnsc6v8YGOjuE=";
    private static final String A1_TIMESTAMP_SIGNATURE = "OLeaidS1JvxuMvnyHOwuJ+uX5qY=";

    private static final String A2_STRING_TO_SIGN = "POST&%2F&AccessKeyId%3Dtestid"
            + "%26Action%3DDescribeLiveProducerUsageData%26EndTime%3D2024-01-02T00%253A00%253A00Z%26Format%3DJSON"
            + "%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"
            + "%26SignatureVersion%3D1.0%26SplitBy%3Dtype%26StartTime%3D2024-01-01T00%253A00%253A00Z"
            + "%26Timestamp%3D2024-01-01T00%253A00%253A00Z%26Type%3Dslidelive%252Cuniversal%26Version%3D2016-11-01";
    private static final String A2_SIGNATURE = "u9CgnxpBk5HNgNNywQ67ikmf+5k=";

    private static Map<String, List<String>> a1(String timestampName) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put(timestampName, List.of("2016-02-23T12:46:24Z"));
        params.put("Format", List.of("XML"));
        params.put("AccessKeyId", List.of("testid"));
        params.put("Action", List.of("DescribeRegions"));
        params.put("SignatureMethod", List.of("HMAC-SHA1"));
        params.put("SignatureNonce", List.of("3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"));
        params.put("Version", List.of("2014-05-26"));
        params.put("SignatureVersion", List.of("1.0"));
        return params;
    }

    private static Map<String, List<String>> a2() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("Action", List.of("DescribeLiveProducerUsageData"));
        params.put("Version", List.of("2016-11-01"));
        params.put("Format", List.of("JSON"));
        params.put("AccessKeyId", List.of("testid"));
        params.put("SignatureMethod", List.of("HMAC-SHA1"));
        params.put("SignatureVersion", List.of("1.0"));
        params.put("SignatureNonce", List.of("3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"));
        params.put("Timestamp", List.of("2024-01-01T00:00:00Z"));
        params.put("StartTime", List.of("2024-01-01T00:00:00Z"));
        params.put("EndTime", List.of("2024-01-02T00:00:00Z"));
        params.put("SplitBy", List.of("type"));
        params.put("Type", List.of("slidelive,universal"));
        return params;
    }

    private static String signA2(String method, Map<String, List<String>> params, String secret) {
        return AliyunSignatureV1.sign(secret, AliyunSignatureV1.stringToSign(method, params));
    }

    @Test
    void vectorA1StringToSign() {
        assertEquals(A1_STRING_TO_SIGN, AliyunSignatureV1.stringToSign("GET", a1("TimeStamp")));
    }

    @Test
    void vectorA1Signature() {
        assertEquals(A1_SIGNATURE, AliyunSignatureV1.sign(SECRET, A1_STRING_TO_SIGN));
    }

    @Test
    void vectorA1WithTimestampSpelling() {
        String stringToSign = AliyunSignatureV1.stringToSign("GET", a1("Timestamp"));
        assertEquals(A1_STRING_TO_SIGN.replace("TimeStamp", "Timestamp"), stringToSign);
        assertEquals(A1_TIMESTAMP_SIGNATURE, AliyunSignatureV1.sign(SECRET, stringToSign));
    }

    @Test
    void vectorA2StringToSign() {
        assertEquals(A2_STRING_TO_SIGN, AliyunSignatureV1.stringToSign("POST", a2()));
    }

    @Test
    void vectorA2Signature() {
        assertEquals(A2_SIGNATURE, signA2("POST", a2(), SECRET));
    }

    @Test
    void signatureParameterIsNotSigned() {
        Map<String, List<String>> params = a2();
        params.put("Signature", List.of(A2_SIGNATURE));
        assertEquals(A2_STRING_TO_SIGN, AliyunSignatureV1.stringToSign("POST", params));
    }

    @Test
    void parametersNamedLikeSignatureButNotEqualAreSigned() {
        Map<String, List<String>> params = a2();
        params.put("signature", List.of("x"));
        assertNotEquals(A2_STRING_TO_SIGN, AliyunSignatureV1.stringToSign("POST", params));
    }

    @Test
    void emptyValuedParameterIsSigned() {
        Map<String, List<String>> params = a2();
        params.put("SignatureType", List.of(""));
        String stringToSign = AliyunSignatureV1.stringToSign("POST", params);
        assertTrue(stringToSign.contains("%26SignatureType%3D%26SignatureVersion"));
        assertNotEquals(A2_SIGNATURE, AliyunSignatureV1.sign(SECRET, stringToSign));
    }

    @Test
    void keyIsSecretWithAmpersand() {
        assertNotEquals(A1_SIGNATURE, AliyunSignatureV1.sign(SECRET + "&", A1_STRING_TO_SIGN));
        assertEquals(A1_SIGNATURE, AliyunSignatureV1.sign(SECRET, A1_STRING_TO_SIGN));
    }

    @Test
    void spacesAndAsterisksAreDoubleEncoded() {
        Map<String, List<String>> params = Map.of("Name", List.of("a b*~"));
        assertEquals("GET&%2F&Name%3Da%2520b%252A~", AliyunSignatureV1.stringToSign("GET", params));
    }

    @Test
    void nonAsciiValueIsEncodedAsUtf8() {
        Map<String, List<String>> params = Map.of("Name", List.of("\u4e2d"));
        assertEquals("GET&%2F&Name%3D%25E4%25B8%25AD", AliyunSignatureV1.stringToSign("GET", params));
    }

    @Test
    void noParametersGiveEmptyCanonicalQuery() {
        assertEquals("GET&%2F&", AliyunSignatureV1.stringToSign("GET", Map.of()));
        assertEquals("GET&%2F&", AliyunSignatureV1.stringToSign("GET", null));
    }

    @Test
    void flippingAnyByteOfAnyParameterValueChangesTheSignature() {
        for (String name : a2().keySet()) {
            String value = a2().get(name).get(0);
            for (int i = 0; i < value.length(); i++) {
                Map<String, List<String>> params = a2();
                params.put(name, List.of(Tamper.flip(value, i)));
                assertNotEquals(A2_SIGNATURE, signA2("POST", params, SECRET), name + " char " + i);
            }
        }
    }

    @Test
    void flippingAnyParameterNameChangesTheSignature() {
        for (String name : a2().keySet()) {
            Map<String, List<String>> params = a2();
            params.put(Tamper.flip(name, name.length() - 1), params.remove(name));
            assertNotEquals(A2_SIGNATURE, signA2("POST", params, SECRET), name);
        }
    }

    @Test
    void droppingAnyParameterChangesTheSignature() {
        for (String name : a2().keySet()) {
            Map<String, List<String>> params = a2();
            params.remove(name);
            assertNotEquals(A2_SIGNATURE, signA2("POST", params, SECRET), name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "PUT", "post"})
    void changingTheMethodChangesTheSignature(String method) {
        assertNotEquals(A2_SIGNATURE, signA2(method, a2(), SECRET));
    }

    @Test
    void flippingAnyByteOfTheSecretChangesTheSignature() {
        for (int i = 0; i < SECRET.length(); i++) {
            assertNotEquals(A2_SIGNATURE, signA2("POST", a2(), Tamper.flip(SECRET, i)),
                    "secret char " + i);
        }
    }
}
