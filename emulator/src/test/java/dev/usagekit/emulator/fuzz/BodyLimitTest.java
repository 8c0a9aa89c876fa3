package dev.usagekit.emulator.fuzz;

import static dev.usagekit.emulator.it.ErrorEnvelopes.assertAliyunError;
import static dev.usagekit.emulator.it.ErrorEnvelopes.assertGatewayError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.it.TestEmulator;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

class BodyLimitTest {

    private final TestEmulator emulator = TestEmulator.unthrottled();

    @Test
    void bodyOverTheLimitGetsAVendorErrorNotA500() {
        String huge = "{\"StartTime\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        var r = emulator.send(HttpRequest.newBuilder(emulator.uri("/?Action=DescribeLiveTranscodeData&Version=2023-01-01"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(huge)).build());
        assertGatewayError(r, 413, "RequestEntityTooLarge", null);
        assertThat(emulator.get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void anAliyunBodyOverTheLimitGetsTheSameCodeInTheFlatEnvelope() {
        String huge = "StartTime=" + "x".repeat(2 * 1024 * 1024);
        var r = emulator.send(HttpRequest.newBuilder(emulator.uri(
                        "/?Action=DescribeLiveProducerUsageData&Version=2016-11-01&Format=JSON"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(huge)).build());
        assertAliyunError(r, 413, "RequestEntityTooLarge", "The request body exceeds 1048576 bytes.");
        assertThat(r.json().has("ResponseMetadata")).isFalse();
    }
}
