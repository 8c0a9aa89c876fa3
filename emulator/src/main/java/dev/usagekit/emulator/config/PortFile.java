package dev.usagekit.emulator.config;

import dev.usagekit.emulator.control.AdminServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

/**
 * {@code emulator.port-file}: once the emulator is ready, the port it listens on (with {@code --server.port=0}, the one
 * the system picked) goes into this file, and the control plane's on a second line when it has a port of its own. A
 * script in any language starts the jar, waits for the file and reads the port; parallel CI jobs never clash. The
 * file appears whole (written aside, then moved into place) and is deleted when the emulator stops. A start that fails
 * writes why into {@link FailedStartFile} instead.
 */
@Component
class PortFile implements ApplicationListener<ApplicationEvent> {

    private static final Logger log = LoggerFactory.getLogger(PortFile.class);
    static final String SETTING = "emulator.port-file";

    private final Path file;
    private final ObjectProvider<AdminServer> adminServer;

    PortFile(EmulatorProperties props, ObjectProvider<AdminServer> adminServer) {
        this.file = props.getPortFile().isBlank() ? null : Path.of(props.getPortFile()).toAbsolutePath();
        this.adminServer = adminServer;
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (file == null) {
            return;
        }
        if (event instanceof ApplicationReadyEvent ready
                && ready.getApplicationContext() instanceof WebServerApplicationContext web) {
            write(web.getWebServer().getPort());
        } else if (event instanceof ContextClosedEvent) {
            delete();
        }
    }

    private void write(int apiPort) {
        StringBuilder ports = new StringBuilder().append(apiPort).append('\n');
        AdminServer admin = adminServer.getIfAvailable();
        if (admin != null && admin.boundPort() >= 0) {
            ports.append(admin.boundPort()).append('\n');
        }
        try {
            Files.deleteIfExists(FailedStartFile.of(file)); // a failed start's, before this one
            writeWhole(file, ports.toString());
        } catch (IOException | RuntimeException e) {
            throw new InvalidSettingException(SETTING, "cannot write " + file + ": " + e);
        }
        log.info("port written to {}", file);
    }

    /** Written aside, then moved into place: a reader never sees part of it. */
    static void writeWhole(Path target, String text) throws IOException {
        Path aside = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".tmp");
        Files.writeString(aside, text, StandardCharsets.UTF_8);
        try {
            Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(aside, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete the port file {}: {}", file, e.toString());
        }
    }
}
