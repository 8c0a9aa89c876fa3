package dev.usagekit.emulator.it;

import static dev.usagekit.emulator.it.ErrorEnvelopes.assertGatewayError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class VolcengineGatewayTest {

    private final TestEmulator emulator = TestEmulator.unthrottled();
    private static final String BODY = "{\"StartTime\":\"2026-11-19T00:00:00+08:00\",\"EndTime\":\"2026-11-20T00:00:00+08:00\"}";

    @Test
    void aGetIs405NamingPostInAllow() {
        var r = emulator.get("/?Action=DescribeLiveTranscodeData&Version=2023-01-01");
        assertGatewayError(r, 405, "MethodNotAllowed", 100020);
        assertThat(r.header("Allow")).isEqualTo("POST");
    }

    @Test
    void unknownActionIs404InvalidActionOrVersion() {
        var r = emulator.volcengine("DescribeNothing", "2023-01-01", "live", TestEmulator.VOLC_AK, BODY);
        assertGatewayError(r, 404, "InvalidActionOrVersion", 100008);
        assertThat(r.json().at("/ResponseMetadata/Error/Message").asString())
                .isEqualTo("Could not find operation DescribeNothing for version 2023-01-01.");
    }

    @Test
    void knownActionWithWrongVersionIs404() {
        var r = emulator.volcengine("DescribeLiveTranscodeData", "2020-01-01", "live", TestEmulator.VOLC_AK, BODY);
        assertGatewayError(r, 404, "InvalidActionOrVersion", 100008);
    }

    @Test
    void missingVersionIs400MissingParameter() {
        var r = emulator.send(HttpRequest.newBuilder(emulator.uri("/?Action=DescribeLiveTranscodeData"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(BODY)).build());
        assertGatewayError(r, 400, "MissingParameter", 100002);
        assertThat(r.json().at("/ResponseMetadata/Error/Message").asString())
                .isEqualTo("The request is missing Version parameter.");
    }

    @Test
    void missingActionIs400MissingParameter() {
        var r = emulator.send(HttpRequest.newBuilder(emulator.uri("/?Version=2023-01-01"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(BODY)).build());
        assertGatewayError(r, 400, "MissingParameter", 100002);
    }

    @Test
    void noAccessKeyIs401MissingAuthenticationToken() {
        var r = emulator.volcengine("DescribeLiveTranscodeData", "2023-01-01", "live", null, BODY);
        assertGatewayError(r, 401, "MissingAuthenticationToken", 100003);
    }

    @Test
    void unknownAccessKeyIs401InvalidAccessKey() {
        var r = emulator.volcengine("DescribeLiveTranscodeData", "2023-01-01", "live", "AKLTnobody", BODY);
        assertGatewayError(r, 401, "InvalidAccessKey", 100009);
    }

    @Test
    void successHasResponseMetadataAndResultButNoError() {
        var r = emulator.volcengine("DescribeLiveTranscodeData", "2023-01-01", "live", TestEmulator.VOLC_AK, BODY);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/json; charset=utf-8");
        JsonNode meta = r.json().get("ResponseMetadata");
        assertThat(meta.get("Action").asString()).isEqualTo("DescribeLiveTranscodeData");
        assertThat(meta.get("Version").asString()).isEqualTo("2023-01-01");
        assertThat(meta.get("Service").asString()).isEqualTo("live");
        assertThat(meta.get("Region").asString()).isEqualTo("cn-north-1");
        assertThat(meta.has("Error")).isFalse();
        assertThat(r.json().has("Result")).isTrue();
    }

    @Test
    void charsetInContentTypeIsAccepted() {
        var r = emulator.send(HttpRequest.newBuilder(emulator.uri("/?Action=DescribeLiveTranscodeData&Version=2023-01-01"))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Authorization", "HMAC-SHA256 Credential=AKLTtestaccesskey/20261120/cn-north-1/live/request, "
                        + "SignedHeaders=x-date, Signature=" + "0".repeat(64))
                .POST(HttpRequest.BodyPublishers.ofString(BODY)).build());
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void requestIdsAreUnique() {
        var a = emulator.volcengine("DescribeLiveTranscodeData", "2023-01-01", "live", TestEmulator.VOLC_AK, BODY);
        var b = emulator.volcengine("DescribeLiveTranscodeData", "2023-01-01", "live", TestEmulator.VOLC_AK, BODY);
        assertThat(a.json().at("/ResponseMetadata/RequestId").asString())
                .isNotEqualTo(b.json().at("/ResponseMetadata/RequestId").asString());
    }

    @Test
    void sameRequestGivesSameResult() {
        var a = emulator.volcengine("DescribeLiveTranscodeData", "2023-01-01", "live", TestEmulator.VOLC_AK, BODY);
        var b = emulator.volcengine("DescribeLiveTranscodeData", "2023-01-01", "live", TestEmulator.VOLC_AK, BODY);
        assertThat(a.json().get("Result")).isEqualTo(b.json().get("Result"));
    }
}
