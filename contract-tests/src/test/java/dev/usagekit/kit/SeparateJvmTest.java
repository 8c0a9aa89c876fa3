package dev.usagekit.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The emulator in a JVM of its own, from its executable jar, as the kit starts it where the test class path's Spring
 * Boot is not the emulator's (a Spring Boot 3 project's tests): the same start failures as in this JVM, the extension's
 * handles and resets. Its settings and answers: {@link EmbeddedEmulatorTest}.
 */
class SeparateJvmTest {

    /** The jar extracted once, and the classes a first run archived shared by the next: about half the start. */
    @Test
    void aLaterStartRunsTheExtractedJarOnTheClassesAnEarlierRunArchived() {
        start("emulator.seed", "1"); // writes the archive if no earlier run of this jar and JDK did
        try (EmbeddedEmulator running = EmbeddedEmulator.start(Launch.SEPARATE_JVM, Map.of("emulator.seed", "2"))) {
            String command = ProcessHandle.current().children().map(child -> child.info().commandLine().orElse(""))
                    .filter(line -> line.contains("--emulator.seed=2")).findFirst().orElseThrow();
            assertThat(command).contains("-XX:SharedArchiveFile=" + ExtractedEmulatorJar.cacheFolder())
                    .doesNotContain("ArchiveClassesAtExit");
            assertThat(running.emulator().control().info().get("seed").asLong()).isEqualTo(2); // the archive works
        }
    }

    /** A JVM crashes on an archive cut short (a disk that filled up): the archive goes, and the start is made again. */
    @Test
    void aStartThatCrashesOnABrokenArchiveIsMadeAgainWithoutIt() throws Exception {
        start("emulator.seed", "1"); // writes the archive if no earlier run of this jar and JDK did
        Path archive = ExtractedEmulatorJar.of(EmulatorBuild.onClassPath().executableJar(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), Clock.systemUTC()).archive();
        byte[] whole = Files.readAllBytes(archive);
        Files.delete(archive);
        Files.write(archive, Arrays.copyOf(whole, whole.length / 2));

        try (EmbeddedEmulator running = EmbeddedEmulator.start(Launch.SEPARATE_JVM, Map.of("emulator.seed", "3"))) {
            assertThat(running.emulator().control().info().get("seed").asLong()).isEqualTo(3);
        }
        assertThat(Files.size(archive)).as("a whole archive again").isGreaterThan(whole.length / 2L);
        try (var left = Files.list(Path.of(""))) { // the working directory: the crash report went elsewhere
            assertThat(left.map(path -> path.getFileName().toString())).noneMatch(name -> name.startsWith("hs_err"));
        }
    }

    @Test
    void aValueTheEmulatorCannotWorkWithFailsTheStartInTheSameWordsAsInThisJvm() {
        assertThatThrownBy(() -> start("emulator.journal.size", "0")).isInstanceOf(IllegalStateException.class)
                .hasMessage("the emulator did not start: emulator.journal.size: must be at least 1: 0");
        assertThatThrownBy(() -> start("emulator.journal.size", "abc"))
                .hasMessage("the emulator did not start: emulator.journal.size: \"abc\" cannot be read as int (For"
                        + " input string: \"abc\")");
    }

    @Test
    void aTakenPortIsNamed() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThatThrownBy(() -> start("server.port", String.valueOf(taken.getLocalPort())))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the emulator did not start: server.port: port " + taken.getLocalPort() + " is in use");
        }
    }

    @Test
    void aMissingCatalogueIsNamed() {
        assertThatThrownBy(() -> start("emulator.fixtures", "classpath:usagekit/no-such-catalogue.yaml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the emulator did not start: emulator.fixtures: ")
                .hasMessageContaining("no-such-catalogue.yaml");
    }

    /** A JVM that ends before the emulator could write why: its exit code and last lines. */
    @Test
    void aJvmThatEndsAtOnceIsReportedWithItsLastLines() {
        withJvmOptions("-XX:+NoSuchOptionAnywhere", () -> assertThatThrownBy(() -> start("emulator.seed", "1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the emulator did not start: its JVM ended with exit code 1; its last lines:")
                .hasMessageContaining("NoSuchOptionAnywhere"));
    }

    private static void start(String setting, String value) {
        EmbeddedEmulator.start(Launch.SEPARATE_JVM, Map.of(setting, value)).close();
    }

    /**
     * A test JVM killed outright (kill -9, or halted as Surefire halts a fork whose Maven died) runs no shutdown hook:
     * the emulator notices its standard input closing and stops, instead of holding its port for good.
     */
    @Test
    void anEmulatorDoesNotOutliveAKilledTestJvm() throws Exception {
        Process testJvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldsAnEmulator.class.getName())
                .redirectErrorStream(true).start();
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(testJvm.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8))) {
            String line;
            do {
                line = lines.readLine();
            } while (line != null && !line.startsWith("port="));
            assertThat(line).as("the holder's emulator started").isNotNull();
            int port = Integer.parseInt(line.substring("port=".length()));
            ProcessHandle emulator = testJvm.toHandle().children().filter(child -> child.info().commandLine()
                    .orElse("").contains("--emulator.stop-on-stdin-close=true")).findFirst().orElseThrow();

            testJvm.destroyForcibly(); // SIGKILL: no hook runs
            emulator.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThatThrownBy(() -> new java.net.Socket("127.0.0.1", port).close())
                    .isInstanceOf(java.net.ConnectException.class);
        } finally {
            testJvm.destroyForcibly();
        }
    }

    /** A test JVM that starts an emulator of its own and waits to be killed. */
    static final class HoldsAnEmulator {
        public static void main(String[] args) throws InterruptedException {
            EmbeddedEmulator running = EmbeddedEmulator.start(Launch.SEPARATE_JVM, Map.of("logging.level.root", "warn"));
            System.out.println("port=" + running.emulator().port());
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /** Stopped by closing its standard input; a port file given among the settings is the one watched. */
    @Test
    void theCommandRunsTheJarOnTheEmulatorsOwnConfigurationStoppingWithItsInput() {
        Path jar = Path.of("/opt/usagekit-emulator-exec.jar");
        List<String> arguments = List.of("--server.port=0", "--emulator.portFile=/tmp/mine", "--emulator.seed=3");
        Path portFile = EmulatorInSeparateJvm.portFile(arguments, Path.of("/tmp/kit/port"));
        assertThat(portFile).isEqualTo(Path.of("/tmp/mine"));
        List<String> command = EmulatorInSeparateJvm.command(jar, List.of(), arguments, portFile);
        assertThat(command.get(0)).endsWith("java");
        assertThat(command).containsSubsequence("-XX:+UseSerialGC", "-jar", jar.toString(),
                "--spring.config.location=classpath:/usagekit/emulator/", "--server.port=0", "--emulator.seed=3",
                "--emulator.port-file=/tmp/mine", "--emulator.stop-on-stdin-close=true");
        assertThat(command).filteredOn(argument -> argument.contains("port-file") || argument.contains("portFile"))
                .hasSize(1);
        assertThat(EmulatorInSeparateJvm.portFile(List.of("--server.port=0"), Path.of("/tmp/kit/port")))
                .isEqualTo(Path.of("/tmp/kit/port"));
    }

    @Test
    void extraJvmOptionsComeLastAndACollectorOfTheirsReplacesTheKits() {
        withJvmOptions(" -Xmx300m  -Dfoo=bar ", () -> assertThat(EmulatorInSeparateJvm.command(Path.of("e.jar"),
                List.of(), List.of(), Path.of("p"))).containsSubsequence("-XX:+UseSerialGC", "-Xmx300m", "-Dfoo=bar",
                        "-jar"));
        withJvmOptions("-XX:+UseG1GC", () -> assertThat(EmulatorInSeparateJvm.command(Path.of("e.jar"),
                List.of(), List.of(), Path.of("p"))).contains("-XX:+UseG1GC").doesNotContain("-XX:+UseSerialGC"));
    }

    private static void withJvmOptions(String options, Runnable test) {
        WithSystemProperty.run(EmulatorInSeparateJvm.JVM_OPTIONS_PROPERTY, options, test);
    }

    /** The extension on a JVM of its own: injected handles, and a reset before each test, as in this JVM. */
    @UsageEmulatorTest(launch = Launch.SEPARATE_JVM, clock = "2026-11-20T12:00:00Z", frozen = true,
            signatureMode = "off")
    @org.junit.jupiter.api.Nested
    class UnderTheExtension {

        @Test
        void theHandleIsTheSeparateJvmsAndEachTestStartsReset(UsageEmulator emulator, EmulatorControl control) {
            assertThat(control.count("DescribeLiveTranscodeData")).isZero();
            assertThat(ProcessHandle.current().children().map(child -> child.info().commandLine().orElse(""))
                    .filter(command -> command.contains("-exec.jar --spring.config.location"))
                    .anyMatch(command -> command.contains("--emulator.clock.fixed=2026-11-20T12:00:00Z"))).isTrue();
            control.seed(99).advanceClock(java.time.Duration.ofHours(1));
            assertThat(emulator.control().info().get("seed").asLong()).isEqualTo(99);
        }

        @Test
        void andAgain(EmulatorControl control) {
            assertThat(control.info().get("seed").asLong()).isEqualTo(20240101L);
            assertThat(control.now()).isEqualTo(Instant.parse("2026-11-20T12:00:00Z"));
        }
    }
}
