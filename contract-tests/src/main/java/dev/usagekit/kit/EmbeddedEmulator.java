package dev.usagekit.kit;

import dev.usagekit.emulator.EmulatorApplication;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The emulator started in this JVM without JUnit 5 (TestNG, Spock, Kotest, Cucumber, a main method): the same server
 * {@link UsageEmulatorTest} starts, on any free port unless {@code server.port} is given. Close it to stop it.
 *
 * <pre>{@code
 * try (EmbeddedEmulator running = EmbeddedEmulator.start("emulator.clock.fixed=2026-11-20T12:00:00Z",
 *         "emulator.clock.frozen=true")) {
 *     UsageEmulator emulator = running.emulator();   // baseUrl(), the demo keys, control()
 * }
 * }</pre>
 */
public final class EmbeddedEmulator implements AutoCloseable {

    /**
     * Starts and stops of emulators in this JVM, one at a time: Spring Boot sets up and cleans up logging through
     * system properties, so two starting at once (test classes of two configurations run in parallel) could fail one
     * with "Unknown format 'CONSOLE_LOG_STRUCTURED_FORMAT_IS_UNDEFINED'".
     */
    private static final Object STARTS_AND_STOPS = new Object();

    private final ConfigurableApplicationContext context;
    private final UsageEmulator emulator;

    private EmbeddedEmulator(List<String> arguments) {
        synchronized (STARTS_AND_STOPS) {
            try {
                this.context = EmulatorApplication.inSharedJvm().run(arguments.toArray(String[]::new));
            } catch (RuntimeException e) {
                throw new IllegalStateException("the emulator did not start: " + StartFailure.of(e).message(), e);
            }
        }
        this.emulator = new UsageEmulator(
                Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
    }

    /**
     * @param settings {@code name=value} each, any setting of the emulator or its server (see {@code --help}); a
     *     value the emulator cannot work with fails the start with the setting named
     * @throws IllegalArgumentException for an entry that is not {@code name=value}
     * @throws IllegalStateException when the emulator does not start, naming the setting, its value and, for a
     *     choice, the values it takes
     */
    public static EmbeddedEmulator start(String... settings) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String setting : settings) {
            put(map, setting);
        }
        return start(map);
    }

    /** @param settings by name, any setting of the emulator or its server */
    public static EmbeddedEmulator start(Map<String, String> settings) {
        return new EmbeddedEmulator(arguments(settings));
    }

    /**
     * Adds one {@code name=value} setting, replacing one of the same setting however it is spelt: Spring binds
     * {@code emulator.signatureMode} and {@code emulator.signature-mode} alike, and of the two on one command line it
     * would take either.
     */
    static void put(Map<String, String> settings, String nameValue) {
        int equals = nameValue.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException("settings are name=value, not: " + nameValue);
        }
        put(settings, nameValue.substring(0, equals), nameValue.substring(equals + 1));
    }

    private static void put(Map<String, String> settings, String name, String value) {
        if (name.isBlank()) {
            throw new IllegalArgumentException("settings are name=value, not: " + name + "=" + value);
        }
        ConfigurationPropertyName setting = ConfigurationPropertyName.adapt(name.trim(), '.');
        settings.keySet().removeIf(existing -> ConfigurationPropertyName.adapt(existing, '.').equals(setting));
        settings.put(name.trim(), value.trim());
    }

    /** The command line of these settings, on any free port unless one is given. */
    static List<String> arguments(Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("server.port", "0");
        settings.forEach((name, value) -> put(all, name, value));
        List<String> args = new ArrayList<>();
        all.forEach((name, value) -> args.add("--" + name + "=" + value));
        return args;
    }

    /** Starts an emulator on this exact command line (the JUnit extension's, whose key it is). */
    static EmbeddedEmulator onCommandLine(List<String> arguments) {
        return new EmbeddedEmulator(arguments);
    }

    /** The running emulator: its base URL and port, the demo account's keys, and its control plane. */
    public UsageEmulator emulator() {
        return emulator;
    }

    /** The emulator's Spring context, for the kit's own tests. */
    ConfigurableApplicationContext context() {
        return context;
    }

    /** Stops the emulator; closing it again does nothing. */
    @Override
    public void close() {
        synchronized (STARTS_AND_STOPS) {
            if (context.isActive()) {
                context.close();
            }
        }
    }
}
