package dev.usagekit.emulator;

import dev.usagekit.emulator.config.CommandLineHelp;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.Manifest;
import org.springframework.boot.ApplicationContextFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.web.server.reactive.context.ReactiveWebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.aot.AotApplicationContextInitializer;
import org.springframework.core.SpringVersion;

/**
 * Starts the emulator: {@code java -jar usagekit-emulator-exec.jar [--server.port=8080] [--emulator.seed=1]};
 * {@code --help} lists the settings, {@code --version} prints the version.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EmulatorApplication {

    /** Netty's flag for the JFR events of its buffer allocator. */
    static final String NETTY_JFR_EVENTS = "io.netty.jfr.enabled";
    /** Netty's sampling of buffers for its leak reports. */
    static final String NETTY_LEAK_DETECTION = "io.netty.leakDetection.level";
    /** Netty's allocator mode for heaps of 512 MB or less. */
    static final String NETTY_LOW_MEMORY_ALLOCATOR = "io.netty.allocator.lowMemory";
    /** Spring's switch to the bean definitions written at build time. */
    static final String SPRING_AOT = "spring.aot.enabled";
    static final String LAZY_BEANS = "spring.main.lazy-initialization";
    /** What the build's process-aot step writes next to this class. */
    static final String AOT_INITIALIZER = EmulatorApplication.class.getName() + "__ApplicationContextInitializer";
    /** The manifest entry naming the Spring Framework version the jar was built against. */
    static final String BUILT_ON_SPRING = "Spring-Framework-Version";

    /** Spring's setting of where configuration files are read. */
    static final String CONFIG_LOCATION = "spring.config.location";
    /**
     * The emulator's own configuration, in a folder of its own rather than the class path's root: there a project's
     * application.yaml would hide it from an emulator in the project's tests, and it would be the project's own
     * Spring application's configuration where the project has none.
     */
    static final String OWN_CONFIG = "classpath:/usagekit/emulator/";
    /** A process of its own also reads an application.yaml of the working directory, as Spring Boot would. */
    static final String STANDALONE_CONFIG = OWN_CONFIG + ",optional:file:./,optional:file:./config/,optional:file:./config/*/";

    public static void main(String[] args) {
        Optional<String> help = CommandLineHelp.answer(args);
        if (help.isPresent()) {
            System.out.print(help.get());
            return;
        }
        applyProcessDefaults(System.getProperties(), runsFromBuiltJar());
        standalone().run(args);
    }

    /** The emulator as a process of its own reads its configuration: its own, then the working directory's. */
    public static SpringApplicationBuilder standalone() {
        return new SpringApplicationBuilder(EmulatorApplication.class).properties(Map.of(CONFIG_LOCATION,
                STANDALONE_CONFIG));
    }

    /**
     * Defaults for a process that is only the emulator (a test or the JUnit kit starts the emulator inside its own
     * JVM, without this); a {@code -D} on the command line wins over each.
     * <ul>
     * <li>Netty's allocator registers its JFR event types with the first buffer it hands out, about 80 ms of the first
     * call; {@code -Dio.netty.jfr.enabled=true} brings them back for a recording.</li>
     * <li>Netty's leak detector records where one buffer in 128 was taken, a stack trace each time: 1.9 % of a call's
     * CPU. Leaks are the test suite's to find (BufferLeakTest tracks every buffer);
     * {@code -Dio.netty.leakDetection.level=simple} brings the sampling back.</li>
     * <li>Netty's allocator runs in its low-memory mode under a heap of 512 MB or less (the emulator's flags give it
     * 192 MB): one shared magazine for all event loops, and no pool at all for buffers over 16 KB, so the 32 KB buffer
     * every answer is rendered into was allocated, zeroed and freed by the JDK each time. The normal mode pools them:
     * 10 % less CPU per call, for about 10 MB more at the peak of the largest answers.
     * {@code -Dio.netty.allocator.lowMemory=true} brings the low-memory mode back.</li>
     * <li>From the built jar, the bean definitions its build wrote ahead of time and beans made when first needed, as
     * {@code bin/usagekit-emulator} starts it: about 2 s less to the first answer of a plain {@code java -jar}. Not
     * from a classes folder, where the written definitions may be older than the code.</li>
     * </ul>
     */
    static void applyProcessDefaults(Properties system, boolean builtJar) {
        system.putIfAbsent(NETTY_JFR_EVENTS, "false");
        system.putIfAbsent(NETTY_LEAK_DETECTION, "disabled");
        system.putIfAbsent(NETTY_LOW_MEMORY_ALLOCATOR, "false");
        if (builtJar) {
            system.putIfAbsent(SPRING_AOT, "true");
            system.putIfAbsent(LAZY_BEANS, "true");
        }
    }

    /**
     * The emulator as an application that shares its JVM with others (the JUnit kit, a test suite): started from the
     * built jar, it runs on the bean definitions its build wrote ahead of time and makes beans when first needed, as
     * {@link #main} does, about a second sooner to its first answer. Those two are set on this application alone: the
     * system properties {@code main} sets would switch every other Spring application of the JVM too. From a classes
     * folder, with {@code -Dspring.aot.enabled} given, or on another Spring Framework than the jar was built with (a
     * project's own Spring Boot BOM can pick it; the written definitions call Spring's API of that version), Spring
     * decides as usual.
     */
    public static SpringApplication inSharedJvm() {
        return inSharedJvm(runsFromBuiltJar() && System.getProperty(SPRING_AOT) == null
                && sameSpring(builtOnSpring(), SpringVersion.getVersion()));
    }

    /** True when both versions are known and equal. */
    static boolean sameSpring(String builtOn, String running) {
        return builtOn != null && builtOn.equals(running);
    }

    /** The Spring Framework version in the manifest of the jar this class came from; null when not from a jar. */
    static String builtOnSpring() {
        URL self = classFileInJar();
        if (self == null) {
            return null;
        }
        try {
            Manifest manifest = ((JarURLConnection) self.openConnection()).getManifest();
            return manifest == null ? null : manifest.getMainAttributes().getValue(BUILT_ON_SPRING);
        } catch (IOException | ClassCastException e) {
            return null;
        }
    }

    static SpringApplication inSharedJvm(boolean aheadOfTime) {
        SpringApplication application = aheadOfTime ? new AheadOfTimeDefinitions()
                : new SpringApplication(EmulatorApplication.class);
        // Spring looks for the written definitions next to the main class, which it would take from the caller's stack
        application.setMainApplicationClass(EmulatorApplication.class);
        // its own configuration only: the host's application.yaml is the host application's (settings come as arguments)
        application.setDefaultProperties(Map.of(CONFIG_LOCATION, OWN_CONFIG));
        return application;
    }

    /**
     * What Spring's AOT mode does to one application: a context without the annotation processors, the initializer of
     * the definitions the build wrote ahead of the others of the same order, and no scan of the sources. A
     * {@code spring.main.lazy-initialization} setting of the application's own still wins over the lazy default.
     */
    private static final class AheadOfTimeDefinitions extends SpringApplication {

        AheadOfTimeDefinitions() {
            super(EmulatorApplication.class);
            setApplicationContextFactory(ApplicationContextFactory.of(ReactiveWebServerApplicationContext::new));
            setLazyInitialization(true);
            List<ApplicationContextInitializer<?>> initializers = new ArrayList<>();
            initializers.add(AotApplicationContextInitializer.forInitializerClasses(AOT_INITIALIZER));
            initializers.addAll(getInitializers());
            setInitializers(initializers);
        }

        @Override
        protected void load(ApplicationContext context, Object[] sources) {
            // the written definitions are the sources' scan, done at build time
        }
    }

    /** The emulator's version, from the jar's manifest ("dev" when run from classes). */
    public static String version() {
        String v = EmulatorApplication.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** This class was loaded from a jar that also holds the ahead-of-time bean definitions of the same build. */
    static boolean runsFromBuiltJar() {
        return classFileInJar() != null
                && EmulatorApplication.class.getResource("/" + AOT_INITIALIZER.replace('.', '/') + ".class") != null;
    }

    /** Where this class was loaded from when that is a jar ({@code jar:} URL); null from a classes folder. */
    private static URL classFileInJar() {
        URL self = EmulatorApplication.class.getResource("EmulatorApplication.class");
        return self != null && "jar".equals(self.getProtocol()) ? self : null;
    }
}
