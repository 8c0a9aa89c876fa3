package dev.usagekit.emulator.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.usagekit.emulator.signing.VolcengineAuthorizationException.Reason;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class VolcengineAuthorizationParsingTest {

    private static final String SIG = "37b5a3f4f4953f4a2e8b09d21524c1308e0b1310c706367ab623bf905cafed95";
    private static final String CREDENTIAL = "AKLTtestaccesskey/20240101/cn-north-1/live/request";
    private static final String SIGNED = "content-type;host;x-content-sha256;x-date";

    private static String header(String credential, String signedHeaders, String signature) {
        return "HMAC-SHA256 Credential=" + credential + ", SignedHeaders=" + signedHeaders
                + ", Signature=" + signature;
    }

    private static void assertV1(VolcengineAuthorization auth) {
        assertEquals("AKLTtestaccesskey", auth.accessKeyId());
        assertEquals("20240101", auth.shortDate());
        assertEquals("cn-north-1", auth.region());
        assertEquals("live", auth.service());
        assertEquals("request", auth.terminator());
        assertEquals(List.of("content-type", "host", "x-content-sha256", "x-date"), auth.signedHeaders());
        assertEquals(SIG, auth.signature());
        assertEquals("20240101/cn-north-1/live/request", auth.credentialScope());
    }

    private static Reason reasonFor(String header) {
        VolcengineAuthorizationException e = assertThrows(VolcengineAuthorizationException.class,
                () -> VolcengineSignatureV4.parseAuthorization(header));
        assertFalse(e.getMessage() == null || e.getMessage().isBlank());
        return e.reason();
    }

    // --- header form: accepted ---

    @Test
    void parsesTheVectorV1Header() {
        assertV1(VolcengineSignatureV4.parseAuthorization(header(CREDENTIAL, SIGNED, SIG)));
    }

    @Test
    void acceptsCommasWithoutSpaces() {
        assertV1(VolcengineSignatureV4.parseAuthorization(
                "HMAC-SHA256 Credential=" + CREDENTIAL + ",SignedHeaders=" + SIGNED + ",Signature=" + SIG));
    }

    @Test
    void acceptsExtraWhitespace() {
        assertV1(VolcengineSignatureV4.parseAuthorization(
                "  HMAC-SHA256   Credential=" + CREDENTIAL + " ,\tSignedHeaders=" + SIGNED + " ,  Signature=" + SIG
                        + "  "));
    }

    @Test
    void acceptsFieldsInAnyOrder() {
        assertV1(VolcengineSignatureV4.parseAuthorization(
                "HMAC-SHA256 Signature=" + SIG + ", Credential=" + CREDENTIAL + ", SignedHeaders=" + SIGNED));
    }

    @Test
    void lowercasesSignedHeadersAndKeepsTheirOrder() {
        VolcengineAuthorization auth = VolcengineSignatureV4.parseAuthorization(
                header(CREDENTIAL, "X-Date;Host", SIG));
        assertEquals(List.of("x-date", "host"), auth.signedHeaders());
    }

    @Test
    void acceptsSingleSignedHeader() {
        assertEquals(List.of("x-date"),
                VolcengineSignatureV4.parseAuthorization(header(CREDENTIAL, "x-date", SIG)).signedHeaders());
    }

    @Test
    void acceptsOtherRegionsAndServices() {
        VolcengineAuthorization auth = VolcengineSignatureV4.parseAuthorization(
                header("AK/20231231/ap-singapore-1/rtc/request", SIGNED, SIG));
        assertEquals("ap-singapore-1", auth.region());
        assertEquals("rtc", auth.service());
        assertEquals("20231231", auth.shortDate());
    }

    // --- header form: INVALID_AUTHORIZATION ---

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "HMAC-SHA256", "HMAC-SHA256   "})
    void missingHeaderOrFieldsIsInvalidAuthorization(String header) {
        assertEquals(Reason.INVALID_AUTHORIZATION, reasonFor(header));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AWS4-HMAC-SHA256", "hmac-sha256", "HMAC-SHA1", "ACS3-HMAC-SHA256"})
    void wrongAlgorithmIsInvalidAuthorization(String algorithm) {
        assertEquals(Reason.INVALID_AUTHORIZATION,
                reasonFor(header(CREDENTIAL, SIGNED, SIG).replace("HMAC-SHA256", algorithm)));
    }

    @Test
    void missingSignatureIsInvalidAuthorization() {
        assertEquals(Reason.INVALID_AUTHORIZATION,
                reasonFor("HMAC-SHA256 Credential=" + CREDENTIAL + ", SignedHeaders=" + SIGNED));
    }

    @Test
    void missingSignedHeadersIsInvalidAuthorization() {
        assertEquals(Reason.INVALID_AUTHORIZATION,
                reasonFor("HMAC-SHA256 Credential=" + CREDENTIAL + ", Signature=" + SIG));
    }

    @Test
    void missingCredentialIsInvalidAuthorization() {
        assertEquals(Reason.INVALID_AUTHORIZATION,
                reasonFor("HMAC-SHA256 SignedHeaders=" + SIGNED + ", Signature=" + SIG));
    }

    @Test
    void duplicateFieldIsInvalidAuthorization() {
        assertEquals(Reason.INVALID_AUTHORIZATION, reasonFor(header(CREDENTIAL, SIGNED, SIG) + ", Signature=" + SIG));
    }

    @Test
    void unknownFieldIsInvalidAuthorization() {
        assertEquals(Reason.INVALID_AUTHORIZATION, reasonFor(header(CREDENTIAL, SIGNED, SIG) + ", Expires=900"));
    }

    @Test
    void trailingCommaIsInvalidAuthorization() {
        assertEquals(Reason.INVALID_AUTHORIZATION, reasonFor(header(CREDENTIAL, SIGNED, SIG) + ","));
    }

    @Test
    void fieldWithoutEqualsIsInvalidAuthorization() {
        assertEquals(Reason.INVALID_AUTHORIZATION,
                reasonFor("HMAC-SHA256 Credential " + CREDENTIAL + ", SignedHeaders=" + SIGNED + ", Signature=" + SIG));
    }

    @Test
    void semicolonSeparatedFieldsAreInvalidAuthorization() {
        assertEquals(Reason.INVALID_AUTHORIZATION,
                reasonFor(header(CREDENTIAL, SIGNED, SIG).replace(", ", "; ")));
    }

    @Test
    void fieldNamesAreCaseSensitive() {
        assertEquals(Reason.INVALID_AUTHORIZATION,
                reasonFor(header(CREDENTIAL, SIGNED, SIG).replace("Signature=", "signature=")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a;;b", ";host", "host;", "ho st"})
    void badSignedHeadersListIsInvalidAuthorization(String signedHeaders) {
        assertEquals(Reason.INVALID_AUTHORIZATION, reasonFor(header(CREDENTIAL, signedHeaders, SIG)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "zz5a3f4f4953f4a2e8b09d21524c1308e0b1310c706367ab623bf905cafed95",
        "37b5a3f4f4953f4a2e8b09d21524c1308e0b1310c706367ab623bf905cafed9",
        "37b5a3f4f4953f4a2e8b09d21524c1308e0b1310c706367ab623bf905cafed955"})
    void badSignatureIsInvalidAuthorization(String signature) {
        assertEquals(Reason.INVALID_AUTHORIZATION, reasonFor(header(CREDENTIAL, SIGNED, signature)));
    }

    // --- header form: INVALID_CREDENTIAL ---

    @ParameterizedTest
    @ValueSource(strings = {
        "AKLTtestaccesskey/20240101/cn-north-1/live",
        "AKLTtestaccesskey/20240101/cn-north-1/live/request/extra",
        "AKLTtestaccesskey",
        "",
        "/20240101/cn-north-1/live/request",
        "AKLTtestaccesskey/2024010/cn-north-1/live/request",
        "AKLTtestaccesskey/2024-01-01/cn-north-1/live/request",
        "AKLTtestaccesskey/20241301/cn-north-1/live/request",
        "AKLTtestaccesskey/20230229/cn-north-1/live/request",
        "AKLTtestaccesskey/2024O101/cn-north-1/live/request",
        "AKLTtestaccesskey/20240101T000000Z/cn-north-1/live/request",
        "AKLTtestaccesskey/20240101//live/request",
        "AKLTtestaccesskey/20240101/cn-north-1//request",
        "AKLTtestaccesskey/20240101/cn-north-1/live/aws4_request",
        "AKLTtestaccesskey/20240101/cn-north-1/live/",
        "AKLT testaccesskey/20240101/cn-north-1/live/request",
        "AKLTtestaccesskey/20240101/cn-north-1 /live/request",
    })
    void badCredentialIsInvalidCredential(String credential) {
        assertEquals(Reason.INVALID_CREDENTIAL, reasonFor(header(credential, SIGNED, SIG)));
    }

    // --- query form ---

    private static Map<String, List<String>> presignedQuery() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("Action", List.of("DescribeLiveTranscodeData"));
        query.put("Version", List.of("2023-01-01"));
        query.put("X-Algorithm", List.of("HMAC-SHA256"));
        query.put("X-Credential", List.of(CREDENTIAL));
        query.put("X-Date", List.of("20240101T000000Z"));
        query.put("X-SignedHeaders", List.of(SIGNED));
        query.put("X-Signature", List.of(SIG));
        return query;
    }

    private static Reason queryReasonFor(Map<String, List<String>> query) {
        VolcengineAuthorizationException e = assertThrows(VolcengineAuthorizationException.class,
                () -> VolcengineSignatureV4.parseQueryAuthorization(query));
        assertFalse(e.getMessage() == null || e.getMessage().isBlank());
        return e.reason();
    }

    @Test
    void parsesTheQueryForm() {
        assertV1(VolcengineSignatureV4.parseQueryAuthorization(presignedQuery()));
    }

    @Test
    void queryFormAllowsNoSignedHeaders() {
        Map<String, List<String>> query = presignedQuery();
        query.put("X-SignedHeaders", List.of(""));
        assertEquals(List.of(), VolcengineSignatureV4.parseQueryAuthorization(query).signedHeaders());
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Algorithm", "X-Credential", "X-SignedHeaders", "X-Signature"})
    void queryFormWithoutAPartIsInvalidAuthorization(String name) {
        Map<String, List<String>> query = presignedQuery();
        query.remove(name);
        assertEquals(Reason.INVALID_AUTHORIZATION, queryReasonFor(query));
    }

    @Test
    void queryFormWithRepeatedPartIsInvalidAuthorization() {
        Map<String, List<String>> query = presignedQuery();
        query.put("X-Signature", List.of(SIG, SIG));
        assertEquals(Reason.INVALID_AUTHORIZATION, queryReasonFor(query));
    }

    @Test
    void queryFormWithWrongAlgorithmIsInvalidAuthorization() {
        Map<String, List<String>> query = presignedQuery();
        query.put("X-Algorithm", List.of("HMAC-SHA1"));
        assertEquals(Reason.INVALID_AUTHORIZATION, queryReasonFor(query));
    }

    @Test
    void queryFormWithBadSignatureIsInvalidAuthorization() {
        Map<String, List<String>> query = presignedQuery();
        query.put("X-Signature", List.of("not-hex"));
        assertEquals(Reason.INVALID_AUTHORIZATION, queryReasonFor(query));
    }

    @Test
    void queryFormWithBadCredentialIsInvalidCredential() {
        Map<String, List<String>> query = presignedQuery();
        query.put("X-Credential", List.of("AKLTtestaccesskey/20240101/cn-north-1/live"));
        assertEquals(Reason.INVALID_CREDENTIAL, queryReasonFor(query));
    }

    @Test
    void nullQueryIsInvalidAuthorization() {
        assertEquals(Reason.INVALID_AUTHORIZATION, queryReasonFor(null));
    }
}
