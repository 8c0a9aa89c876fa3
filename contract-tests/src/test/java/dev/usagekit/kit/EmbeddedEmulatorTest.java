package dev.usagekit.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.usagekit.emulator.EmulatorApplication;

import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.web.server.reactive.context.AnnotationConfigReactiveWebServerApplicationContext;
import org.springframework.boot.web.server.reactive.context.ReactiveWebServerApplicationContext;

/** The emulator started and stopped by hand, as a TestNG, Spock or Cucumber suite would, without the extension. */
class EmbeddedEmulatorTest {

    /** In this JVM, and in a JVM of its own from the executable jar, as on a Spring Boot 3 project's class path. */
    @ParameterizedTest
    @EnumSource(names = {"THIS_JVM", "SEPARATE_JVM"})
    void startsWithTheSettingsGivenAnswersAndStopsWhenClosed(Launch launch) throws Exception {
        int port;
        Map<String, String> settings = new LinkedHashMap<>();
        EmbeddedEmulator.put(settings, "emulator.clock.fixed=2026-11-20T12:00:00Z");
        EmbeddedEmulator.put(settings, "emulator.clock.frozen=true");
        EmbeddedEmulator.put(settings, "emulator.seed=5");
        EmbeddedEmulator.put(settings, "emulator.signature-mode=off");
        try (EmbeddedEmulator running = EmbeddedEmulator.start(launch, settings)) {
            UsageEmulator emulator = running.emulator();
            port = emulator.port();
            assertThat(running.launch()).isEqualTo(launch);
            assertThat(port).isPositive();
            assertThat(emulator.control().now()).isEqualTo(Instant.parse("2026-11-20T12:00:00Z"));
            assertThat(emulator.control().info().get("seed").asLong()).isEqualTo(5);

            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(emulator.baseUrl() + "/?Action=DescribeLiveTranscodeData&Version=2023-01-01"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "HMAC-SHA256 Credential=" + emulator.volcAccessKey()
                            + "/20261120/cn-north-1/live/request, SignedHeaders=x-date, Signature=" + "0".repeat(64))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"StartTime\":\"2026-11-18T00:00:00+08:00\","
                            + "\"EndTime\":\"2026-11-19T00:00:00+08:00\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            UsageAssertions.assertConformsToResponseSchema("DescribeLiveTranscodeData", answer.body());
            UsageAssertions.assertSentCalls(emulator.control(), "DescribeLiveTranscodeData", 1);
            running.close();
            running.close(); // a second close does nothing
        }
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    /**
     * Each emulator runs on event loops of its own: on Reactor Netty's shared ones, closing one emulator stopped every
     * other in the JVM from accepting connections (the extension's shared emulators too).
     */
    @Test
    void closingOneLeavesAnotherOfTheSameJvmAnswering() {
        try (EmbeddedEmulator staying = EmbeddedEmulator.start("emulator.seed=1")) {
            EmbeddedEmulator.start("emulator.seed=2").close();

            assertThat(staying.emulator().control().info().get("seed").asLong()).isEqualTo(1);
            try (EmbeddedEmulator next = EmbeddedEmulator.start("emulator.seed=3")) {
                assertThat(next.emulator().control().info().get("seed").asLong()).isEqualTo(3);
                assertThat(staying.emulator().control().info().get("seed").asLong()).isEqualTo(1);
            }
        }
    }

    /** The handle's control client follows the control plane to its own port, with its token. */
    @ParameterizedTest
    @EnumSource(names = {"THIS_JVM", "SEPARATE_JVM"})
    void aControlPlaneOnItsOwnPortWithATokenIsStillDriven(Launch launch) throws Exception {
        try (EmbeddedEmulator running = EmbeddedEmulator.start(launch, Map.of("emulator.admin.port", "0",
                "emulator.admin.token", "s3cret", "emulator.seed", "6"))) {
            EmulatorControl control = running.emulator().control();
            assertThat(control.info().get("seed").asLong()).isEqualTo(6);
            control.seed(8).reset();
            assertThat(control.info().get("seed").asLong()).isEqualTo(6);
            HttpResponse<String> onTheApiPort = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(running.emulator().baseUrl() + "/_emulator/info")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(onTheApiPort.statusCode()).isEqualTo(404);
            assertThatThrownBy(() -> new EmulatorControl(running.emulator().baseUrl()).info())
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aSettingsMapWorksAlike() {
        try (EmbeddedEmulator running = EmbeddedEmulator.start(Map.of("emulator.seed", "9"))) {
            assertThat(running.emulator().control().info().get("seed").asLong()).isEqualTo(9);
        }
    }

    @Test
    void anEntryThatIsNotNameValueIsRefusedBeforeAnythingStarts() {
        assertThatThrownBy(() -> EmbeddedEmulator.start("emulator.seed")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name=value, not: emulator.seed");
    }

    @Test
    void aValueTheEmulatorCannotWorkWithFailsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> EmbeddedEmulator.start("emulator.journal.size=0"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the emulator did not start: emulator.journal.size: must be at least 1: 0");
        assertThatThrownBy(() -> EmbeddedEmulator.start("emulator.journal.size=abc"))
                .hasMessage("the emulator did not start: emulator.journal.size: \"abc\" cannot be read as int (For"
                        + " input string: \"abc\")");
        assertThatThrownBy(() -> EmbeddedEmulator.start("emulator.signature-mode=strcit"))
                .hasMessage("the emulator did not start: emulator.signature-mode: \"strcit\" is not one of strict,"
                        + " off");
    }

    /**
     * From the emulator's jar (as Maven's verify, and every user, puts it on the class path) it starts on the bean
     * definitions its build wrote ahead of time, as the standalone server does: no annotation processors, no scan,
     * and none of the test class path's auto-configurations. From a classes folder (an IDE) it cannot, so the test
     * is skipped there.
     */
    @Test
    void fromTheBuiltJarItStartsOnTheDefinitionsItsBuildWrote() {
        assumeEmulatorFromItsJar();
        try (EmbeddedEmulator running = EmbeddedEmulator.start("emulator.seed=4")) {
            // also true only when the jar's manifest names the Spring Framework on this class path
            assertThat(running.context()).isInstanceOf(ReactiveWebServerApplicationContext.class)
                    .isNotInstanceOf(AnnotationConfigReactiveWebServerApplicationContext.class);
            assertThat(running.context().getBeanFactory().getBeanDefinition("requestJournal").isLazyInit()).isTrue();
            assertThat(running.emulator().control().info().get("seed").asLong()).isEqualTo(4);
        }
        assertThat(System.getProperty("spring.aot.enabled")).isNull();
        assertThat(System.getProperty("spring.main.lazy-initialization")).isNull();
    }

    @Test
    void fromTheBuiltJarASettingForEagerBeansStillWins() {
        assumeEmulatorFromItsJar();
        try (EmbeddedEmulator running = EmbeddedEmulator.start("spring.main.lazy-initialization=false")) {
            assertThat(running.context().getBeanFactory().getBeanDefinition("requestJournal").isLazyInit()).isFalse();
            assertThat(running.context().getBeanFactory().containsSingleton("requestJournal")).isTrue();
        }
    }

    private static void assumeEmulatorFromItsJar() {
        assumeTrue("jar".equals(EmulatorApplication.class.getResource("EmulatorApplication.class").getProtocol()),
                "the emulator comes from a classes folder");
    }
}
