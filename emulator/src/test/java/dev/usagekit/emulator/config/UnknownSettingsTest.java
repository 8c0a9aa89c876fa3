package dev.usagekit.emulator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Names under {@code emulator.} that no setting binds, from arguments and from environment variables. */
class UnknownSettingsTest {

    private static final List<CommandLineHelp.Setting> SETTINGS = CommandLineHelp.settings();

    private static StandardEnvironment environment(Map<String, Object> arguments, Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        var sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        sources.addFirst(new MapPropertySource("commandLineArgs", arguments));
        sources.addLast(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                variables));
        return environment;
    }

    @Test
    void everyBoundSettingAndEveryMapEntryIsKnownInEitherForm() {
        var environment = environment(Map.of("emulator.seed", "7", "emulator.signature-time-window", "1h",
                "emulator.limits.overrides.ListOperationDistribution", "5/s", "emulator.admin.port", "0",
                "server.port", "0", "emulatorish.value", "1", "emulator.training-run", "true"),
                Map.of("EMULATOR_SEED", "7", "EMULATOR_SIGNATURETIMEWINDOW", "1h",
                        "EMULATOR_SIGNATURE_TIME_WINDOW", "1h", "EMULATOR_LIMITS_OVERRIDES_LISTOPERATIONDISTRIBUTION",
                        "5/s", "PATH", "/bin"));
        assertThat(UnknownSettings.in(environment, SETTINGS)).isEmpty();
        assertThat(UnknownSettings.requireKnown(environment)).isEmpty();
    }

    @Test
    void aMisspeltArgumentStopsTheStartNamingIt() {
        var environment = environment(Map.of("emulator.sede", "7"), Map.of());
        assertThat(UnknownSettings.in(environment, SETTINGS))
                .containsExactly(new UnknownSettings.Unknown("emulator.sede", false));
        assertThatThrownBy(() -> UnknownSettings.requireKnown(environment))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("emulator.sede: no such setting; --help lists them all");
    }

    private static boolean known(String name) {
        return UnknownSettings.isKnown(ConfigurationPropertyName.adapt(name, '.'), SETTINGS);
    }

    @Test
    void aMapIsNotASettingOfItsOwnButItsEntriesAre() {
        assertThat(known("emulator.limits.overrides")).isTrue();
        assertThat(known("emulator.limits.overrides.DescribeLiveTranscodeData")).isTrue();
        assertThat(known("emulator.limits.override")).isFalse();
        assertThat(known("emulator.seed.extra")).isFalse();
    }

    @Test
    void namesAreKnownExactlyAsSpringBindsThem() {
        assertThat(known("emulator.signatureMode")).isTrue();
        assertThat(known("emulator.limits.ENABLED")).isTrue();
        // Spring binds neither to emulator.clock.frozen: a dot is not a dash
        assertThat(known("emulator.clock_frozen")).isFalse();
        assertThat(known("emulator.clockfrozen")).isFalse();
        var environment = environment(Map.of("emulator.clock_frozen", "true"), Map.of("EMULATOR_CLOCK_FROZEN", "true"));
        assertThat(UnknownSettings.in(environment, SETTINGS))
                .containsExactly(new UnknownSettings.Unknown("emulator.clockfrozen", false));
    }

    @Test
    void anUnknownEnvironmentVariableIsOnlyReported() {
        var environment = environment(Map.of(), Map.of("EMULATOR_HOME", "/opt/emulators", "EMULATOR_SEED", "7"));
        assertThat(UnknownSettings.requireKnown(environment))
                .containsExactly(new UnknownSettings.Unknown("emulator.home", true));
    }
}
