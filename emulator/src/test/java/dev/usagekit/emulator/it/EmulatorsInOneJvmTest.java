package dev.usagekit.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.EmulatorApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Several emulators in one JVM (tests, the kit) each run on event loops of their own, so stopping one leaves the
 * others serving. On Reactor Netty's global loops, which Spring Boot disposes with any context, the survivor refused
 * every connection.
 */
class EmulatorsInOneJvmTest {

    private static ConfigurableApplicationContext start() {
        return EmulatorApplication.standalone().lazyInitialization(true)
                .run("--server.port=0");
    }

    private static int health(ConfigurableApplicationContext emulator) throws Exception {
        String port = emulator.getEnvironment().getProperty("local.server.port");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/_emulator/health")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void stoppingOneLeavesTheOtherServing() throws Exception {
        try (var staying = start()) {
            start().close();

            assertThat(health(staying)).isEqualTo(200);
            assertThat(Thread.getAllStackTraces().keySet()).anyMatch(t -> t.getName().startsWith("reactor-http-"));
        }
    }
}
