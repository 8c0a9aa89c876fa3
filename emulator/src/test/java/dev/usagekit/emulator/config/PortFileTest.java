package dev.usagekit.emulator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.usagekit.emulator.EmulatorApplication;
import dev.usagekit.emulator.control.AdminServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** emulator.port-file: the port a script needs, once the emulator answers, and gone when it stops. */
class PortFileTest {

    @TempDir
    Path dir;

    /** Beans made when first needed, as the jar and the launcher start the emulator (and quicker to start). */
    private static ConfigurableApplicationContext start(String... args) {
        return EmulatorApplication.standalone().lazyInitialization(true).run(args);
    }

    private static int apiPort(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void holdsThePickedPortWhileRunningAndIsDeletedOnStop() throws IOException {
        Path file = dir.resolve("usagekit.port");
        Files.writeString(file, "12345\n"); // a stale file of an earlier run is replaced
        try (var context = start("--server.port=0", "--emulator.port-file=" + file)) {
            assertThat(Files.readString(file)).isEqualTo(apiPort(context) + "\n");
            assertThat(dir.toFile().list()).containsExactly("usagekit.port"); // nothing left aside
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void aControlPlaneOnItsOwnPortIsTheSecondLine() throws IOException {
        Path file = dir.resolve("ports");
        try (var context = start("--server.port=0", "--emulator.admin.port=0", "--emulator.port-file=" + file)) {
            int adminPort = context.getBean(AdminServer.class).boundPort();
            assertThat(adminPort).isPositive().isNotEqualTo(apiPort(context));
            assertThat(Files.readAllLines(file)).containsExactly(String.valueOf(apiPort(context)),
                    String.valueOf(adminPort));
        }
    }

    /** A script (or the kit's separate JVM) stops waiting for the port and learns why, in the startup report's words. */
    @Test
    void aStartThatFailsWritesWhyBesideThePortFile() throws IOException {
        Path file = dir.resolve("usagekit.port");
        assertThatThrownBy(() -> start("--server.port=0", "--emulator.port-file=" + file,
                "--emulator.signature-mode=strcit")).isInstanceOf(RuntimeException.class);
        assertThat(file).doesNotExist();
        assertThat(Files.readString(dir.resolve("usagekit.port.failed")))
                .isEqualTo("emulator.signature-mode\n\"strcit\" is not one of strict, off\n");
        assertThat(dir.toFile().list()).containsExactly("usagekit.port.failed"); // nothing left aside

        try (var context = start("--server.port=0", "--emulator.port-file=" + file)) {
            assertThat(dir.toFile().list()).containsExactly("usagekit.port"); // the earlier failure is gone
        }
    }

    /** Netty's own words ("bind(..) failed ... Address already in use") name neither the setting nor the port. */
    @Test
    void aTakenPortIsNamed() throws IOException {
        Path file = dir.resolve("usagekit.port");
        int taken;
        try (var running = start("--server.port=0")) {
            taken = apiPort(running);
            assertThatThrownBy(() -> start("--server.port=" + taken, "--emulator.port-file=" + file))
                    .isInstanceOf(RuntimeException.class);
        }
        assertThat(Files.readString(dir.resolve("usagekit.port.failed")))
                .isEqualTo("server.port\nport " + taken + " is in use\n");
    }

    @Test
    void aProblemOverSeveralLinesIsReadBackOnOne() {
        StartFailure failure = new StartFailure("emulator.fixtures", "line one\n  line two\r\nthree");
        assertThat(StartFailure.ofFileText(failure.fileText()))
                .isEqualTo(new StartFailure("emulator.fixtures", "line one line two three"));
        assertThat(StartFailure.ofFileText(new StartFailure(null, "no port").fileText()))
                .isEqualTo(new StartFailure(null, "no port"));
    }

    @Test
    void withoutTheSettingNoFileIsWritten() {
        try (var context = start("--server.port=0")) {
            assertThat(dir.toFile().list()).isEmpty();
        }
    }
}
