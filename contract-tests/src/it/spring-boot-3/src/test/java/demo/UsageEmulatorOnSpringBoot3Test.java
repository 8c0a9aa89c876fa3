package demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.usagekit.kit.EmbeddedEmulator;
import dev.usagekit.kit.EmulatorControl;
import dev.usagekit.kit.Launch;
import dev.usagekit.kit.UsageAssertions;
import dev.usagekit.kit.UsageEmulator;
import dev.usagekit.kit.UsageEmulatorTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;
import org.springframework.web.reactive.function.client.WebClient;

/** The kit in a Spring Boot 3 project: the emulator runs in a JVM of its own, the tests see no difference. */
@UsageEmulatorTest(clock = "2026-11-20T12:00:00Z", frozen = true, signatureMode = "off")
class UsageEmulatorOnSpringBoot3Test {

    @Test
    void theApplicationsOwnWebClientGetsDataThatConformsToTheSchema(UsageEmulator emulator, EmulatorControl control) {
        assertThat(SpringBootVersion.getVersion()).startsWith("3.");
        assertThat(control.now()).isEqualTo(Instant.parse("2026-11-20T12:00:00Z"));
        String body = WebClient.create(emulator.baseUrl()).post()
                .uri("/?Action=DescribeLiveTranscodeData&Version=2023-01-01")
                .header("Content-Type", "application/json")
                .header("Authorization", "HMAC-SHA256 Credential=" + emulator.volcAccessKey()
                        + "/20261120/cn-north-1/live/request, SignedHeaders=x-date, Signature=" + "0".repeat(64))
                .bodyValue("{\"StartTime\":\"2026-11-18T00:00:00+08:00\",\"EndTime\":\"2026-11-19T00:00:00+08:00\"}")
                .retrieve().bodyToMono(String.class).block();
        UsageAssertions.assertConformsToResponseSchema("DescribeLiveTranscodeData", body);
        UsageAssertions.assertSentCalls(control, "DescribeLiveTranscodeData", 1);
    }

    @Test
    void eachTestStartsFromAReset(EmulatorControl control) {
        assertThat(control.count("DescribeLiveTranscodeData")).isZero();
    }

    @Test
    void aStartThatFailsSaysWhyInTheEmulatorsWords() {
        assertThatThrownBy(() -> EmbeddedEmulator.start("emulator.signature-mode=strcit"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the emulator did not start: emulator.signature-mode: \"strcit\" is not one of strict, off");
    }

    @Test
    void embeddedDecidesTheSameWay() {
        try (EmbeddedEmulator running = EmbeddedEmulator.start("emulator.seed=7")) {
            assertThat(running.launch()).isEqualTo(Launch.SEPARATE_JVM);
            assertThat(running.emulator().control().info().get("seed").asLong()).isEqualTo(7);
        }
    }
}
