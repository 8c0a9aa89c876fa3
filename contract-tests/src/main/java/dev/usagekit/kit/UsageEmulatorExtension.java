package dev.usagekit.kit;

import dev.usagekit.emulator.EmulatorApplication;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts one in-process emulator per distinct {@link UsageEmulatorTest} configuration, shares it across test
 * classes (kept in the root store, stopped at the end of the run), resets it before each test and injects
 * {@link UsageEmulator} and {@link EmulatorControl} parameters.
 */
public final class UsageEmulatorExtension implements BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(UsageEmulatorExtension.class);

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
        List<String> args = arguments(config);
        String key = String.join(" ", args);
        Running running = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(key, k -> new Running(args), Running.class);
        return running.emulator;
    }

    private static UsageEmulatorTest config(ExtensionContext context) {
        for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
            UsageEmulatorTest found = find(c);
            if (found != null) {
                return found;
            }
        }
        throw new ExtensionConfigurationException(
                "UsageEmulatorExtension needs @UsageEmulatorTest on " + context.getRequiredTestClass().getName());
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

    static List<String> arguments(UsageEmulatorTest config) {
        List<String> args = new ArrayList<>();
        args.add("--server.port=0");
        args.add("--emulator.seed=" + config.seed());
        if (!config.clock().isBlank()) {
            args.add("--emulator.clock.fixed=" + config.clock().trim());
        }
        args.add("--emulator.clock.frozen=" + config.frozen());
        args.add("--emulator.signature-mode=" + config.signatureMode());
        args.add("--emulator.limits.enabled=" + config.limits());
        return args;
    }

    /** An emulator application; closed by JUnit when the root context (the whole run) ends. */
    @SuppressWarnings("deprecation")
    static final class Running implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        private final ConfigurableApplicationContext context;
        final UsageEmulator emulator;

        Running(List<String> args) {
            this.context = new SpringApplicationBuilder(EmulatorApplication.class).run(args.toArray(String[]::new));
            this.emulator = new UsageEmulator(
                    Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
        }

        @Override
        public synchronized void close() {
            if (context.isActive()) {
                context.close();
            }
        }
    }
}
