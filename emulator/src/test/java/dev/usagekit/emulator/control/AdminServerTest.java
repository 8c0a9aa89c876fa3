package dev.usagekit.emulator.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.netty.resources.LoopResources;

/** The control plane's own port is served on the loops it is given (the emulator's), not Reactor Netty's global ones. */
class AdminServerTest {

    @Test
    void servesOnTheLoopsItIsGiven() throws Exception {
        LoopResources loops = LoopResources.create("admin-test", 1, true);
        AdminServer server = new AdminServer(0, "127.0.0.1", () -> RouterFunctions.route()
                .GET("/thread", request -> ServerResponse.ok().bodyValue(Thread.currentThread().getName())).build(),
                () -> loops, java.util.function.UnaryOperator.identity());
        server.start();
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.boundPort() + "/thread")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.body()).startsWith("admin-test-");
        } finally {
            server.stop();
            loops.dispose();
        }
        assertThat(server.boundPort()).isEqualTo(-1);
    }
}
