package dev.usagekit.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.control.AdminServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AdminPortTest {

    /** A short request timeout, so a dribbled request is refused within the test. */
    private final TestEmulator emulator = TestEmulator.named("admin-port", "emulator.admin.port=0",
            "emulator.request-timeout=2s");

    private int adminPort() {
        return emulator.context().getBean(AdminServer.class).boundPort();
    }

    @Test
    void controlPlaneMovesToItsOwnPort() throws Exception {
        int adminPort = adminPort();
        assertThat(adminPort).isPositive().isNotEqualTo(emulator.port());
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + adminPort + "/_emulator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
        assertThat(emulator.get("/_emulator/health").status()).isEqualTo(404);
    }

    /**
     * The control plane's own port refuses what the main port refuses, with the control plane's JSON error: Reactor
     * Netty's own answers there had no body, and a client dribbling a request held its connection for ever.
     */
    @Test
    void itsOwnPortRefusesBadRequestsWithTheControlPlanesJsonError() throws IOException {
        assertThat(exchange("GET /_emulator/journal?%ZZ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"))
                .startsWith("HTTP/1.1 400 Bad Request\r\n")
                .endsWith("\r\n\r\n{\"error\":\"Bad Request\",\"message\":\"The request is not well-formed HTTP/1.1.\"}");
        assertThat(exchange("GET /_emulator/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "b".repeat(9000)
                + "\r\n\r\n"))
                .startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n")
                .endsWith("\r\n\r\n{\"error\":\"Request Header Fields Too Large\","
                        + "\"message\":\"The request headers are larger than the server accepts.\"}");
        // the head never ends: refused at emulator.request-timeout
        assertThat(exchange("POST /_emulator/faults HTTP/1.1\r\nHost: 127.0.0.1\r\n"))
                .startsWith("HTTP/1.1 408 Request Timeout\r\n")
                .endsWith("\r\n\r\n{\"error\":\"Request Timeout\","
                        + "\"message\":\"The request was not received completely in time.\"}");
    }

    /** Sends the bytes and reads the answer until the server closes the connection. */
    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", adminPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
