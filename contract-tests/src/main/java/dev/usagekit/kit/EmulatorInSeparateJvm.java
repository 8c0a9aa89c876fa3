package dev.usagekit.kit;

import dev.usagekit.emulator.config.FailedStartFile;
import dev.usagekit.emulator.config.InvalidSettingException;
import dev.usagekit.emulator.config.StartFailure;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The emulator's executable jar in a JVM of its own, for test class paths whose Spring Boot is not the emulator's
 * (a Spring Boot 3 application's tests). It writes its port to a file once ready ({@code emulator.port-file}), or why
 * it did not start ({@link FailedStartFile}); its log goes to this JVM's standard output. Stopped on {@link #close()}
 * (Spring's graceful shutdown, then killed after {@link #STOP_WAIT}) or, failing that, when this JVM exits.
 */
final class EmulatorInSeparateJvm implements RunningEmulator {

    /** Extra options for the emulator's JVM, separated by white space (e.g. {@code -Xmx256m}). */
    static final String JVM_OPTIONS_PROPERTY = "usagekit.emulator.jvm-options";
    /** A quick start over peak speed: C1 only, a small heap, the serial collector. */
    private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xmx256m", "-Xss512k");
    /** Long enough for a starved CI machine; a failed start is seen at once. */
    static final Duration START_WAIT = Duration.ofSeconds(300);
    static final Duration STOP_WAIT = Duration.ofSeconds(20);
    private static final int OUTPUT_LINES_KEPT = 30;

    private final Process process;
    private final Thread killOnExit;
    private final Path folder;
    private final ExtractedEmulatorJar extracted;
    private final int port;

    EmulatorInSeparateJvm(Path executableJar, List<String> arguments) {
        try {
            this.folder = Files.createTempDirectory("usagekit-emulator-");
        } catch (IOException e) {
            throw new UncheckedIOException("no folder for the emulator's port file", e);
        }
        Path portFile = folder.resolve("port");
        this.extracted = ExtractedEmulatorJar.of(executableJar, javaExecutable());
        Path jar = extracted == null ? executableJar : extracted.application(executableJar);
        List<String> sharing = extracted == null ? List.of() : extracted.jvmOptions(archiveBeingWritten());
        try {
            this.process = new ProcessBuilder(command(jar, sharing, arguments, portFile)).redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("the emulator did not start: cannot run " + javaExecutable() + ": " + e, e);
        }
        this.killOnExit = new Thread(process::destroy, "usagekit emulator stop");
        Runtime.getRuntime().addShutdownHook(killOnExit);
        Output output = new Output(process.getInputStream());
        try {
            this.port = awaitPort(portFile, output);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * {@code java <options> -jar <jar> <settings> --emulator.port-file=<file>}, on the emulator's own configuration.
     *
     * @param sharing the class data sharing options of the extracted jar, or none
     */
    static List<String> command(Path executableJar, List<String> sharing, List<String> arguments, Path portFile) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(JVM_OPTIONS);
        command.addAll(sharing);
        String extra = System.getProperty(JVM_OPTIONS_PROPERTY, "").trim();
        if (!extra.isEmpty()) {
            command.addAll(Arrays.asList(extra.split("\\s+")));
        }
        command.add("-jar");
        command.add(executableJar.toAbsolutePath().toString());
        // as in this JVM: the emulator's configuration only, not an application.yaml of the working directory
        command.add("--spring.config.location=classpath:/usagekit/emulator/");
        arguments.stream().filter(argument -> !EmbeddedEmulator.sameSetting(argument, "emulator.port-file"))
                .forEach(command::add);
        command.add("--emulator.port-file=" + portFile.toAbsolutePath());
        return command;
    }

    /** Where a first run writes its class data sharing archive, moved into the extracted folder once it ended. */
    private Path archiveBeingWritten() {
        return folder.resolve("classes.jsa");
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private int awaitPort(Path portFile, Output output) {
        Path failedFile = FailedStartFile.of(portFile);
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        while (true) {
            if (Files.exists(portFile)) {
                return Integer.parseInt(firstLine(portFile));
            }
            boolean ended = !process.isAlive(); // before the failure file: it is written before the JVM ends
            if (Files.exists(failedFile)) {
                StartFailure failure = StartFailure.ofFileText(read(failedFile));
                throw new IllegalStateException("the emulator did not start: " + failure.message(),
                        failure.setting() == null ? new IllegalStateException(failure.problem())
                                : new InvalidSettingException(failure.setting(), failure.problem()));
            }
            if (ended) {
                throw new IllegalStateException("the emulator did not start: its JVM ended with exit code "
                        + process.exitValue() + "; its last lines:\n" + output.lastLines());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the emulator did not start within " + START_WAIT.toSeconds()
                        + " s; its last lines:\n" + output.lastLines());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the emulator started", e);
            }
        }
    }

    private static String firstLine(Path file) {
        String text = read(file);
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).trim();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (extracted != null && !process.isAlive() && Files.exists(archiveBeingWritten())) {
            extracted.keepArchive(archiveBeingWritten());
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // this JVM is exiting (the hook is running), or a second close
        }
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }

    /** Copies the emulator's log to this JVM's standard output and keeps its last lines for a failed start. */
    private static final class Output {

        private final Deque<String> last = new ArrayDeque<>();
        private final Thread copier;

        Output(InputStream stream) {
            copier = new Thread(() -> copy(stream), "usagekit emulator output");
            copier.setDaemon(true);
            copier.start();
        }

        private void copy(InputStream stream) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    System.out.println(line);
                    synchronized (last) {
                        if (last.size() == OUTPUT_LINES_KEPT) {
                            last.removeFirst();
                        }
                        last.addLast(line);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }

        /** Once the process ended, after its last line is in. */
        String lastLines() {
            try {
                copier.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (last) {
                return String.join("\n", last);
            }
        }
    }
}
