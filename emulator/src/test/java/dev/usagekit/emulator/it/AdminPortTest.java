package dev.usagekit.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.control.AdminServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class AdminPortTest {

    private final TestEmulator emulator = TestEmulator.named("admin-port", "emulator.admin.port=0");

    @Test
    void controlPlaneMovesToItsOwnPort() throws Exception {
        int adminPort = emulator.context().getBean(AdminServer.class).boundPort();
        assertThat(adminPort).isPositive().isNotEqualTo(emulator.port());
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + adminPort + "/_emulator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
        assertThat(emulator.get("/_emulator/health").status()).isEqualTo(404);
    }
}
