package dev.usagekit.kit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The emulator started without JUnit 5 (TestNG, Spock, Kotest, Cucumber, a main method): the same server
 * {@link UsageEmulatorTest} starts, on any free port unless {@code server.port} is given. Close it to stop it.
 *
 * <pre>{@code
 * try (EmbeddedEmulator running = EmbeddedEmulator.start("emulator.clock.fixed=2026-11-20T12:00:00Z",
 *         "emulator.clock.frozen=true")) {
 *     UsageEmulator emulator = running.emulator();   // baseUrl(), the demo keys, control()
 * }
 * }</pre>
 *
 * It runs in this JVM, or in a JVM of its own where this JVM's Spring Boot is not the emulator's ({@link Launch}).
 */
public final class EmbeddedEmulator implements AutoCloseable {

    private final RunningEmulator running;
    private final Launch launch;
    private final UsageEmulator emulator;

    private EmbeddedEmulator(Launch launch, List<String> arguments) {
        EmulatorControl.requireJson();
        this.launch = launch.resolved();
        this.running = this.launch == Launch.SEPARATE_JVM
                ? new EmulatorInSeparateJvm(EmulatorBuild.onClassPath().executableJar(), arguments,
                        Clock.systemUTC())
                : new EmulatorInThisJvm(arguments);
        this.emulator = new UsageEmulator(running.port(), running.controlPort(), valueOf(arguments,
                "emulator.admin.token"));
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
        return start(Launch.AUTO, settings);
    }

    /** @param launch where it runs: {@link Launch#AUTO} decides by the class path's Spring Boot */
    public static EmbeddedEmulator start(Launch launch, Map<String, String> settings) {
        return new EmbeddedEmulator(launch, arguments(settings));
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
        settings.keySet().removeIf(existing -> sameName(existing, name.trim()));
        settings.put(name.trim(), value.trim());
    }

    /** Whether two names are one setting, as Spring binds them. */
    static boolean sameName(String one, String other) {
        return ConfigurationPropertyName.adapt(one, '.').equals(ConfigurationPropertyName.adapt(other, '.'));
    }

    /** Whether a {@code --name=value} argument sets the named setting. */
    static boolean sameSetting(String argument, String name) {
        int equals = argument.indexOf('=');
        return argument.startsWith("--") && equals > 2 && sameName(argument.substring(2, equals), name);
    }

    /** The value of a {@code --name=value} argument for the named setting, the last one given; null when none. */
    static String valueOf(List<String> arguments, String name) {
        String value = null;
        for (String argument : arguments) {
            if (sameSetting(argument, name)) {
                value = argument.substring(argument.indexOf('=') + 1).trim();
            }
        }
        return value;
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
    static EmbeddedEmulator onCommandLine(Launch launch, List<String> arguments) {
        return new EmbeddedEmulator(launch, arguments);
    }

    /** The running emulator: its base URL and port, the demo account's keys, and its control plane. */
    public UsageEmulator emulator() {
        return emulator;
    }

    /** Where it runs: {@link Launch#THIS_JVM} or {@link Launch#SEPARATE_JVM}. */
    public Launch launch() {
        return launch;
    }

    /** The emulator's Spring context, for the kit's own tests; only in this JVM. */
    ConfigurableApplicationContext context() {
        return ((EmulatorInThisJvm) running).context();
    }

    /** Stops the emulator; closing it again does nothing. */
    @Override
    public void close() {
        running.close();
    }
}
