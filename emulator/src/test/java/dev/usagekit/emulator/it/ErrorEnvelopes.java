package dev.usagekit.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.xml.XmlMapper;

/** The suite's checks of an error answer: its status and code, and the parts of the vendor's envelope a client reads. */
public final class ErrorEnvelopes {

    private static final XmlMapper XML = XmlMapper.builder().build();

    private ErrorEnvelopes() {
    }

    /**
     * A Volcengine gateway error: its numeric code, or no CodeN at all.
     *
     * @param codeN the numeric code, or null for the errors sent without one (InvalidAuthorization,
     *              InvalidCredential, and the refusals of what a connection sent, such as RequestEntityTooLarge)
     */
    public static void assertGatewayError(TestEmulator.Reply r, int status, String code, Integer codeN) {
        JsonNode error = assertVolcengineError(r, status, code);
        if (codeN == null) {
            assertThat(error.has("CodeN")).as(r.body()).isFalse();
        } else {
            assertThat(error.get("CodeN").asInt()).as(r.body()).isEqualTo(codeN);
        }
    }

    /** A Volcengine service error (RTC, Live): no CodeN, which clients read as the gateway's. */
    public static void assertServiceError(TestEmulator.Reply r, int status, String code) {
        JsonNode error = assertVolcengineError(r, status, code);
        assertThat(error.has("CodeN")).as("a service error has no CodeN: %s", r.body()).isFalse();
    }

    /** What every Volcengine error has: JSON, the gateway's request id, a message and no Result. */
    private static JsonNode assertVolcengineError(TestEmulator.Reply r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).isEqualTo("application/json; charset=utf-8");
        JsonNode meta = r.json().get("ResponseMetadata");
        assertThat(r.json().has("Result")).as(r.body()).isFalse();
        JsonNode error = meta.get("Error");
        assertThat(error.get("Code").asString()).as(r.body()).isEqualTo(code);
        assertThat(error.get("Message").asString()).as(r.body()).isNotBlank();
        assertThat(meta.get("RequestId").asString()).as(r.body()).matches("\\d{14}[0-9A-F]{18}");
        return error;
    }

    /** An Aliyun error in JSON, with its HostId, request id and Recommend link; {@code message} null for any. */
    public static void assertAliyunError(TestEmulator.Reply r, int status, String code, String message) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).isEqualTo("application/json;charset=utf-8");
        assertAliyunFields(r.json(), r.body(), code, message);
    }

    /** An Aliyun error in XML (no Format, or Format=XML): an {@code <Error>} root holding the same fields. */
    public static void assertAliyunXmlError(TestEmulator.Reply r, int status, String code, String message) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).isEqualTo("text/xml;charset=utf-8");
        assertThat(r.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error>");
        assertAliyunFields(XML.readTree(r.body()), r.body(), code, message);
    }

    private static void assertAliyunFields(JsonNode body, String text, String code, String message) {
        assertThat(body.get("Code").asString()).as(text).isEqualTo(code);
        if (message != null) {
            assertThat(body.get("Message").asString()).isEqualTo(message);
        }
        assertThat(body.get("HostId").asString()).as(text).isEqualTo("live.aliyuncs.com");
        assertThat(body.get("RequestId").asString()).as(text)
                .matches("[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}");
        assertThat(body.get("Recommend").asString()).as(text).contains("q=" + code);
    }
}
