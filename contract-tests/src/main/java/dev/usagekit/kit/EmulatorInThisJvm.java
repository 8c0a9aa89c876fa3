package dev.usagekit.kit;

import dev.usagekit.emulator.EmulatorApplication;
import dev.usagekit.emulator.config.StartFailure;
import dev.usagekit.emulator.control.AdminServer;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/** The emulator as a Spring application inside the test JVM. */
final class EmulatorInThisJvm implements RunningEmulator {

    /**
     * Starts and stops of emulators in this JVM, one at a time: Spring Boot sets up and cleans up logging through
     * system properties, so two starting at once (test classes of two configurations run in parallel) could fail one
     * with "Unknown format 'CONSOLE_LOG_STRUCTURED_FORMAT_IS_UNDEFINED'".
     */
    private static final Object STARTS_AND_STOPS = new Object();

    private final ConfigurableApplicationContext context;

    EmulatorInThisJvm(List<String> arguments) {
        synchronized (STARTS_AND_STOPS) {
            try {
                this.context = EmulatorApplication.inSharedJvm().run(arguments.toArray(String[]::new));
            } catch (RuntimeException e) {
                throw new IllegalStateException("the emulator did not start: " + StartFailure.of(e).message(), e);
            }
        }
    }

    @Override
    public int port() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    @Override
    public int controlPort() {
        AdminServer admin = context.getBeanProvider(AdminServer.class).getIfAvailable();
        return admin == null || admin.boundPort() < 0 ? port() : admin.boundPort();
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        synchronized (STARTS_AND_STOPS) {
            if (context.isActive()) {
                context.close();
            }
        }
    }
}
