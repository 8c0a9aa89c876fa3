package dev.usagekit.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.web.ApiEntry;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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

    /** A call whose client hung up while its answer waited is not waited for: shutting down does not hang on it. */
    @Test
    void aCallWhoseClientHungUpIsNoLongerInFlight() throws Exception {
        TestEmulator emulator = TestEmulator.named("graceful-shutdown-hang-up", "emulator.limits.enabled=false");
        ApiEntry entry = emulator.context().getBean(ApiEntry.class);
        emulator.post("/_emulator/faults", "{\"action\":\"DescribeLiveTranscodeData\",\"latencyMs\":60000,\"times\":1}");
        try (Socket socket = new Socket("127.0.0.1", emulator.port())) {
            String body = "{\"StartTime\":\"2026-11-18T00:00:00+08:00\",\"EndTime\":\"2026-11-19T00:00:00+08:00\"}";
            socket.getOutputStream().write(("POST /?Action=DescribeLiveTranscodeData&Version=2023-01-01 HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nContent-Type: application/json\r\nAuthorization: HMAC-SHA256 Credential="
                    + TestEmulator.VOLC_AK + "/20261120/cn-north-1/live/request, SignedHeaders=x-date, Signature=" + "0".repeat(64) + "\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            emulator.awaitFaultsUsedUp();
            assertThat(entry.callsInFlight()).isEqualTo(1);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (entry.callsInFlight() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(entry.callsInFlight()).as("after the client hung up").isZero();
        emulator.context().close();
    }
}
