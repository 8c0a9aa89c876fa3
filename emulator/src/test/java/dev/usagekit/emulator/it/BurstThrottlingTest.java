package dev.usagekit.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With the clock frozen no token comes back, so a burst must admit exactly the documented limit. */
class BurstThrottlingTest {

    private final TestEmulator emulator = TestEmulator.throttled();

    /** The throttled emulator's clock is frozen: a drained bucket would stay drained for the next test. */
    @BeforeEach
    void reset() {
        assertThat(emulator.post("/_emulator/reset", "").status()).isEqualTo(200);
    }

    private HttpRequest bandwidth(String accessKeyId) {
        return HttpRequest.newBuilder(emulator.uri("/?Action=DescribeLivePullToPushBandwidthData&Version=2023-01-01"))
                .header("Content-Type", "application/json")
                .header("Authorization", "HMAC-SHA256 Credential=" + accessKeyId + "/20261120/cn-north-1/live/request, "
                        + "SignedHeaders=x-date, Signature=" + "0".repeat(64))
                .POST(HttpRequest.BodyPublishers.ofString("{\"StartTime\":\"2026-11-19T00:00:00+08:00\","
                        + "\"EndTime\":\"2026-11-19T01:00:00+08:00\"}"))
                .build();
    }

    @Test
    void burstOf64AdmitsExactlyThirtyAndLeavesOtherAccountsAlone() {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            calls.add(client.sendAsync(bandwidth("AKLTsecondtenant"), HttpResponse.BodyHandlers.ofString()));
        }
        long admitted = calls.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 200).count();
        long throttled = calls.stream().map(CompletableFuture::join)
                .filter(r -> r.statusCode() == 429 && r.body().contains("\"Code\":\"FlowLimitExceeded\"")).count();
        assertThat(admitted).isEqualTo(30);
        assertThat(throttled).isEqualTo(34);
        assertThat(emulator.send(bandwidth("AKLTtestaccesskey")).status()).isEqualTo(200);
    }
}
