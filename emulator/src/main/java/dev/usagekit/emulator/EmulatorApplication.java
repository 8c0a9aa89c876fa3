package dev.usagekit.emulator;

import dev.usagekit.emulator.config.CommandLineHelp;
import java.util.Optional;
import java.util.Properties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts the emulator: {@code java -jar usagekit-emulator-exec.jar [--server.port=8080] [--emulator.seed=1]};
 * {@code --help} lists the settings, {@code --version} prints the version.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EmulatorApplication {

    /** Netty's flag for the JFR events of its buffer allocator. */
    static final String NETTY_JFR_EVENTS = "io.netty.jfr.enabled";
    /** Spring's switch to the bean definitions written at build time. */
    static final String SPRING_AOT = "spring.aot.enabled";
    static final String LAZY_BEANS = "spring.main.lazy-initialization";
    /** What the build's process-aot step writes next to this class. */
    static final String AOT_INITIALIZER = "EmulatorApplication__ApplicationContextInitializer.class";

    public static void main(String[] args) {
        Optional<String> help = CommandLineHelp.answer(args);
        if (help.isPresent()) {
            System.out.print(help.get());
            return;
        }
        applyProcessDefaults(System.getProperties(), runsFromBuiltJar());
        SpringApplication.run(EmulatorApplication.class, args);
    }

    /**
     * Defaults for a process that is only the emulator (a test or the JUnit kit starts the emulator inside its own
     * JVM, without this); a {@code -D} on the command line wins over each.
     * <ul>
     * <li>Netty's allocator registers its JFR event types with the first buffer it hands out, about 80 ms of the first
     * call; {@code -Dio.netty.jfr.enabled=true} brings them back for a recording.</li>
     * <li>From the built jar, the bean definitions its build wrote ahead of time and beans made when first needed, as
     * {@code bin/usagekit-emulator} starts it: about 2 s less to the first answer of a plain {@code java -jar}. Not
     * from a classes folder, where the written definitions may be older than the code.</li>
     * </ul>
     */
    static void applyProcessDefaults(Properties system, boolean builtJar) {
        system.putIfAbsent(NETTY_JFR_EVENTS, "false");
        if (builtJar) {
            system.putIfAbsent(SPRING_AOT, "true");
            system.putIfAbsent(LAZY_BEANS, "true");
        }
    }

    /** The emulator's version, from the jar's manifest ("dev" when run from classes). */
    public static String version() {
        String v = EmulatorApplication.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** This class was loaded from a jar that also holds the ahead-of-time bean definitions of the same build. */
    static boolean runsFromBuiltJar() {
        var self = EmulatorApplication.class.getResource("EmulatorApplication.class");
        return self != null && "jar".equals(self.getProtocol())
                && EmulatorApplication.class.getResource(AOT_INITIALIZER) != null;
    }
}
