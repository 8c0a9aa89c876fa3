package dev.usagekit.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Shutting the emulator down lets the answers that wait on injected latency go out first. */
class GracefulShutdownTest {

    @Test
    void anAnswerWaitingOnItsLatencyIsSentBeforeTheEmulatorStops() throws Exception {
        TestEmulator emulator = TestEmulator.named("graceful-shutdown", "emulator.limits.enabled=false");
        emulator.post("/_emulator/faults", "{\"action\":\"DescribeLiveTranscodeData\",\"latencyMs\":1500,\"times\":1}");
        CompletableFuture<TestEmulator.Reply> slow = CompletableFuture.supplyAsync(() -> emulator.volcengine(
                "DescribeLiveTranscodeData", "2023-01-01", "live", TestEmulator.VOLC_AK,
                "{\"StartTime\":\"2026-11-18T00:00:00+08:00\",\"EndTime\":\"2026-11-19T00:00:00+08:00\"}"));
        emulator.awaitFaultsUsedUp();

        emulator.context().close();

        TestEmulator.Reply answer = slow.get(30, TimeUnit.SECONDS);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().at("/Result/TranscodeDataList").isArray()).isTrue();
    }
}
