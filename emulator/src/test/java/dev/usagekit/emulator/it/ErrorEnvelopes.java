package dev.usagekit.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;

/** The suite's checks of an error answer: its status and code, and the parts of the vendor's envelope a client reads. */
public final class ErrorEnvelopes {

    private ErrorEnvelopes() {
    }

    /**
     * A Volcengine gateway error: JSON, the gateway's request id, no Result.
     *
     * @param codeN the numeric code, or null for the gateway errors sent without one (InvalidAuthorization,
     *              InvalidCredential)
     */
    public static void assertGatewayError(TestEmulator.Reply r, int status, String code, Integer codeN) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/json");
        JsonNode meta = r.json().get("ResponseMetadata");
        assertThat(r.json().has("Result")).isFalse();
        assertThat(meta.get("Error").get("Code").asString()).isEqualTo(code);
        if (codeN == null) {
            assertThat(meta.get("Error").has("CodeN")).as(r.body()).isFalse();
        } else {
            assertThat(meta.get("Error").get("CodeN").asInt()).isEqualTo(codeN);
        }
        assertThat(meta.get("RequestId").asString()).matches("\\d{14}[0-9A-F]{18}");
    }

    /** A Volcengine service error (RTC, Live): no CodeN, a message, no Result. */
    public static void assertServiceError(TestEmulator.Reply r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        JsonNode error = r.json().at("/ResponseMetadata/Error");
        assertThat(error.get("Code").asString()).isEqualTo(code);
        assertThat(error.has("CodeN")).isFalse();
        assertThat(error.get("Message").asString()).isNotBlank();
        assertThat(r.json().has("Result")).isFalse();
    }

    /** An Aliyun error in JSON, with its HostId, request id and Recommend link; {@code message} null for any. */
    public static void assertAliyunError(TestEmulator.Reply r, int status, String code, String message) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).isEqualTo("application/json;charset=utf-8");
        JsonNode body = r.json();
        assertThat(body.get("Code").asString()).isEqualTo(code);
        if (message != null) {
            assertThat(body.get("Message").asString()).isEqualTo(message);
        }
        assertThat(body.get("HostId").asString()).isEqualTo("live.aliyuncs.com");
        assertThat(body.get("RequestId").asString()).matches("[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}");
        assertThat(body.get("Recommend").asString()).contains("q=" + code);
    }
}
