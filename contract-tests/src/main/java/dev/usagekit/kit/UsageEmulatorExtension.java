package dev.usagekit.kit;

import dev.usagekit.emulator.config.StartFailure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;

/**
 * Starts one emulator (in this JVM or a JVM of its own, see {@link Launch}) per distinct {@link UsageEmulatorTest}
 * configuration, shares it across test classes (kept in the root store, stopped at the end of the run), resets it
 * before each test and injects {@link UsageEmulator} and {@link EmulatorControl} parameters.
 */
public final class UsageEmulatorExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(UsageEmulatorExtension.class);
    private static final String LOCK_PREFIX = "dev.usagekit.kit emulator ";

    /** So a class's {@code @BeforeAll} starts from the configuration too, not from the last test of another class. */
    @Override
    public void beforeAll(ExtensionContext context) {
        emulator(context).control().reset();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        emulator(context).control().reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == UsageEmulator.class || type == EmulatorControl.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        UsageEmulator emulator = emulator(context);
        return parameter.getParameter().getType() == EmulatorControl.class ? emulator.control() : emulator;
    }

    static UsageEmulator emulator(ExtensionContext context) {
        UsageEmulatorTest config = config(context);
        Launch launch = config.launch().resolved();
        List<String> args = arguments(config);
        Running running = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(key(launch, args),
                k -> start(launch, args, context.getRequiredTestClass()), Running.class);
        return running.emulator;
    }

    private static UsageEmulatorTest config(ExtensionContext context) {
        UsageEmulatorTest config = config(context.getRequiredTestClass());
        if (config == null) {
            throw new ExtensionConfigurationException(
                    "UsageEmulatorExtension needs @UsageEmulatorTest on " + context.getRequiredTestClass().getName());
        }
        return config;
    }

    /** The configuration on the class or the nearest class enclosing it; null when none has one. */
    private static UsageEmulatorTest config(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            UsageEmulatorTest found = find(c);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static UsageEmulatorTest find(Class<?> type) {
        UsageEmulatorTest direct = type.getAnnotation(UsageEmulatorTest.class);
        if (direct != null) {
            return direct;
        }
        for (var annotation : type.getAnnotations()) { // one level of meta-annotation
            UsageEmulatorTest meta = annotation.annotationType().getAnnotation(UsageEmulatorTest.class);
            if (meta != null) {
                return meta;
            }
        }
        return null;
    }

    /**
     * A start that fails names the test class and the reason: the setting, with the annotation attribute it came from,
     * its value and, for a choice, the values it takes; not Spring's "Unable to start reactive web server".
     */
    static Running start(Launch launch, List<String> args, Class<?> testClass) {
        try {
            return new Running(launch, args);
        } catch (RuntimeException e) {
            StartFailure failure = StartFailure.of(e);
            UsageEmulatorTest config = config(testClass);
            String attribute = failure.setting() == null || config == null ? null
                    : attributeOf(config, failure.setting());
            String reason = attribute == null ? failure.message()
                    : failure.setting() + " (" + attribute + " of @UsageEmulatorTest): " + failure.problem();
            throw new ExtensionConfigurationException("the emulator of " + testClass.getName() + " did not start: "
                    + reason, e);
        }
    }

    /** The attributes that stand for a setting, unless an entry of {@code properties} replaced them. */
    private static final Map<String, String> ATTRIBUTES = Map.of("emulator.seed", "seed",
            "emulator.clock.fixed", "clock", "emulator.clock.frozen", "frozen", "emulator.signature-mode",
            "signatureMode", "emulator.limits.enabled", "limits", "emulator.fixtures", "fixtures");

    /** The attribute the setting's value came from: one of {@link #ATTRIBUTES}, or {@code properties}; null when none. */
    private static String attributeOf(UsageEmulatorTest config, String setting) {
        for (String property : config.properties()) {
            int equals = property.indexOf('=');
            if (equals > 0 && EmbeddedEmulator.sameName(property.substring(0, equals).trim(), setting)) {
                return "properties";
            }
        }
        return ATTRIBUTES.get(setting);
    }

    /** One emulator per key, and one lock: where it runs and its command line. */
    private static String key(Launch launch, List<String> arguments) {
        return launch + " " + String.join(" ", arguments);
    }

    /**
     * Under JUnit's parallel execution, the test classes that share an emulator run one at a time, each class's tests
     * one after the other, since every test resets the emulator and moves its clock, faults and journal; classes on
     * emulators of other configurations still run alongside. Named by {@link UsageEmulatorTest}'s
     * {@code @ResourceLock}.
     */
    public static final class OneTestPerEmulator implements ResourceLocksProvider {

        @Override
        public Set<Lock> provideForClass(Class<?> testClass) {
            return lockOf(testClass);
        }

        @Override
        public Set<Lock> provideForNestedClass(List<Class<?>> enclosingInstanceTypes, Class<?> testClass) {
            return lockOf(testClass);
        }

        private static Set<Lock> lockOf(Class<?> testClass) {
            UsageEmulatorTest config = config(testClass);
            return config == null ? Set.of()
                    : Set.of(new Lock(LOCK_PREFIX + key(config.launch().resolved(), arguments(config)),
                            ResourceAccessMode.READ_WRITE));
        }
    }

    /** The emulator's command line; an entry of {@code properties} replaces the attribute of the same setting. */
    static List<String> arguments(UsageEmulatorTest config) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("emulator.seed", String.valueOf(config.seed()));
        if (!config.clock().isBlank()) {
            settings.put("emulator.clock.fixed", config.clock().trim());
        }
        settings.put("emulator.clock.frozen", String.valueOf(config.frozen()));
        // the emulator reads the mode in any case; one spelling keeps "OFF" and "off" on one emulator
        settings.put("emulator.signature-mode", config.signatureMode().trim().toLowerCase(Locale.ROOT));
        settings.put("emulator.limits.enabled", String.valueOf(config.limits()));
        if (!config.fixtures().isBlank()) {
            settings.put("emulator.fixtures", config.fixtures().trim());
        }
        for (String property : config.properties()) {
            try {
                EmbeddedEmulator.put(settings, property);
            } catch (IllegalArgumentException e) {
                throw new ExtensionConfigurationException("@UsageEmulatorTest properties are name=value, not: "
                        + property);
            }
        }
        return EmbeddedEmulator.arguments(settings);
    }

    /** An emulator application; closed by JUnit when the root context (the whole run) ends. */
    @SuppressWarnings("deprecation")
    static final class Running implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        private final EmbeddedEmulator embedded;
        final UsageEmulator emulator;

        Running(Launch launch, List<String> args) {
            this.embedded = EmbeddedEmulator.onCommandLine(launch, args);
            this.emulator = embedded.emulator();
        }

        @Override
        public void close() {
            embedded.close();
        }
    }
}
