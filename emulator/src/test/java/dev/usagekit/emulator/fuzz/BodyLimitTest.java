package dev.usagekit.emulator.fuzz;

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
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().at("/ResponseMetadata/Error/Code").asString()).isEqualTo("RequestEntityTooLarge");
        assertThat(emulator.get("/actuator/health").status()).isEqualTo(200);
    }
}
