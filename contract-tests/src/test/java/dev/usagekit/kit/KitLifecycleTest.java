package dev.usagekit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/** What a suite sees around its tests: the state before {@code @BeforeAll}, its settings, a start that fails. */
class KitLifecycleTest {

    static final String CLOCK = "2026-11-20T12:00:00Z";

    @Order(1)
    @UsageEmulatorTest(clock = CLOCK, frozen = true, signatureMode = "off")
    static class LeavesTheClockMovedAndAFault {
        @Test
        void movesAndBreaks(EmulatorControl control) {
            control.advanceClock(Duration.ofDays(1));
            control.fault("DescribeLiveTranscodeData", "InternalError", 500, 1);
        }
    }

    @Order(2)
    @UsageEmulatorTest(clock = CLOCK, frozen = true, signatureMode = "off")
    static class StartsFromItsConfigurationInBeforeAll {
        static java.time.Instant clockSeen;
        static int faultsSeen;

        @BeforeAll
        static void look(EmulatorControl control) {
            clockSeen = control.now();
            faultsSeen = control.faults().size();
        }

        @Test
        void nothing() {
        }
    }

    @Test
    void aClassesBeforeAllDoesNotSeeWhatAnotherClassLeft() {
        var request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(LeavesTheClockMovedAndAFault.class),
                        selectClass(StartsFromItsConfigurationInBeforeAll.class))
                .configurationParameter(ClassOrderer.DEFAULT_ORDER_PROPERTY_NAME,
                        ClassOrderer.OrderAnnotation.class.getName())
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        listener.getSummary().getFailures().forEach(f -> f.getException().printStackTrace());
        assertEquals(2, listener.getSummary().getTestsSucceededCount());
        assertEquals(java.time.Instant.parse(CLOCK), StartsFromItsConfigurationInBeforeAll.clockSeen);
        assertEquals(0, StartsFromItsConfigurationInBeforeAll.faultsSeen);
    }

    @UsageEmulatorTest(signatureMode = "off", limits = true,
            properties = {"emulator.signatureMode=strict", "emulator.limits.ENABLED=false"})
    static class SpellsSettingsItsOwnWay {
    }

    @Test
    void aPropertyReplacesTheAttributeOfTheSameSettingHoweverItIsSpelt() {
        List<String> args = UsageEmulatorExtension.arguments(
                SpellsSettingsItsOwnWay.class.getAnnotation(UsageEmulatorTest.class));
        assertTrue(args.contains("--emulator.signatureMode=strict"), args::toString);
        assertTrue(args.contains("--emulator.limits.ENABLED=false"), args::toString);
        assertFalse(args.stream().anyMatch(a -> a.startsWith("--emulator.signature-mode=")), args::toString);
        assertFalse(args.stream().anyMatch(a -> a.startsWith("--emulator.limits.enabled=")), args::toString);
    }

    @Test
    void theHostsApplicationYamlAndTheEmulatorsStayApart() throws Exception {
        // src/test/resources/application.yaml would expose only health and allow 1 KB of headers
        try (EmbeddedEmulator running = EmbeddedEmulator.start()) {
            var http = java.net.http.HttpClient.newHttpClient();
            var metrics = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    running.emulator().baseUrl() + "/actuator/prometheus")).header("X-Padding", "x".repeat(2048))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, metrics.statusCode(), metrics.body());
            assertEquals("usagekit-emulator", running.context().getEnvironment()
                    .getProperty("spring.application.name", "usagekit-emulator"));
        }
        List<String> found = java.util.Collections.list(getClass().getClassLoader().getResources("application.yaml"))
                .stream().map(Object::toString).toList();
        assertEquals(1, found.size(), found::toString);
        assertTrue(found.get(0).contains("contract-tests"), found::toString);
    }

    @UsageEmulatorTest(signatureMode = "OFF")
    static class ShoutsItsMode {
    }

    @UsageEmulatorTest(signatureMode = "off")
    static class WhispersItsMode {
    }

    @Test
    void aModeInAnyCaseIsTheSameEmulator() {
        assertEquals(UsageEmulatorExtension.arguments(ShoutsItsMode.class.getAnnotation(UsageEmulatorTest.class)),
                UsageEmulatorExtension.arguments(WhispersItsMode.class.getAnnotation(UsageEmulatorTest.class)));
    }

    /** The same words wherever the emulator runs: a JVM of its own hands its reason over in the failure file. */
    @ParameterizedTest
    @EnumSource(names = {"THIS_JVM", "SEPARATE_JVM"})
    void aStartThatFailsNamesTheTestClassAndTheSetting(Launch launch) {
        var failure = assertThrows(ExtensionConfigurationException.class, () -> UsageEmulatorExtension.start(launch,
                List.of("--server.port=0", "--emulator.jurnal.size=5"), KitLifecycleTest.class));
        assertEquals("the emulator of " + KitLifecycleTest.class.getName()
                + " did not start: emulator.jurnal.size: no such setting; --help lists them all", failure.getMessage());
    }

    @UsageEmulatorTest(clock = "yesterday")
    static class StartsYesterday {
    }

    @UsageEmulatorTest(signatureMode = "strcit")
    static class MisspeltMode {
    }

    @UsageEmulatorTest(signatureMode = "off", properties = {"emulator.journal.size=abc", "emulator.signatureMode=strcit"})
    static class WrongProperties {
    }

    /** Spring's innermost cause alone ("No enum constant ...SignatureMode.strcit") named neither setting nor value. */
    @ParameterizedTest
    @EnumSource(names = {"THIS_JVM", "SEPARATE_JVM"})
    void aStartThatFailsNamesTheSettingTheAttributeItCameFromTheValueAndTheValuesAllowed(Launch launch) {
        assertEquals("the emulator of " + StartsYesterday.class.getName() + " did not start: emulator.clock.fixed"
                + " (clock of @UsageEmulatorTest): \"yesterday\" cannot be read as Instant (Text 'yesterday' could not"
                + " be parsed at index 0)", startFailure(launch, StartsYesterday.class));
        assertEquals("the emulator of " + MisspeltMode.class.getName() + " did not start: emulator.signature-mode"
                + " (signatureMode of @UsageEmulatorTest): \"strcit\" is not one of strict, off",
                startFailure(launch, MisspeltMode.class));
        assertEquals("the emulator of " + WrongProperties.class.getName() + " did not start: emulator.signature-mode"
                + " (properties of @UsageEmulatorTest): \"strcit\" is not one of strict, off",
                startFailure(launch, WrongProperties.class));
    }

    private static String startFailure(Launch launch, Class<?> testClass) {
        return assertThrows(ExtensionConfigurationException.class, () -> UsageEmulatorExtension.start(launch,
                UsageEmulatorExtension.arguments(testClass.getAnnotation(UsageEmulatorTest.class)), testClass))
                .getMessage();
    }
}
