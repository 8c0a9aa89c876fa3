package dev.usagekit.emulator.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * With {@code emulator.port-file} set, a start that fails writes why next to it, in {@code <port-file>.failed}
 * ({@link StartFailure#fileText()}: the setting, then the problem). Whoever started the process (the JUnit kit in a
 * separate JVM, a CI script) learns the reason without reading the log, and stops waiting for a port that will not
 * come. Registered in {@code META-INF/spring.factories}; one instance per start.
 */
public final class FailedStartFile implements SpringApplicationRunListener {

    /** Appended to the port file's name. */
    public static final String SUFFIX = ".failed";

    private ConfigurableEnvironment environment;

    public FailedStartFile(SpringApplication application, String[] args) {
        // the constructor Spring calls run listeners with
    }

    /** The failure file of a port file. */
    public static Path of(Path portFile) {
        return portFile.resolveSibling(portFile.getFileName() + SUFFIX);
    }

    @Override
    public void environmentPrepared(ConfigurableBootstrapContext bootstrapContext,
            ConfigurableEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public void failed(ConfigurableApplicationContext context, Throwable exception) {
        String portFile = environment == null ? null : environment.getProperty(PortFile.SETTING);
        if (portFile == null || portFile.isBlank()) {
            return;
        }
        try {
            PortFile.writeWhole(of(Path.of(portFile).toAbsolutePath()), StartFailure.of(exception).fileText());
        } catch (IOException | RuntimeException e) {
            // the log's startup report still says why; this file is a convenience
            exception.addSuppressed(e);
        }
    }
}
