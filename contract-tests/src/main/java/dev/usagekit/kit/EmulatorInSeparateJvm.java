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
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The emulator's executable jar in a JVM of its own, for test class paths whose Spring Boot is not the emulator's
 * (a Spring Boot 3 application's tests). It writes its port to a file once ready ({@code emulator.port-file}), or why
 * it did not start ({@link FailedStartFile}); its log goes to this JVM's standard output. It stops when its standard
 * input closes ({@code emulator.stop-on-stdin-close}): on {@link #close()}, when this JVM exits, and when this JVM is
 * killed or halted (as Surefire halts a fork whose Maven died), so it never outlives its tests.
 */
final class EmulatorInSeparateJvm implements RunningEmulator {

    /** Extra options for the emulator's JVM, separated by white space (e.g. {@code -Xmx512m}); they come last. */
    static final String JVM_OPTIONS_PROPERTY = "usagekit.emulator.jvm-options";
    /** A quick start over peak speed: C1 only, a small heap, the serial collector (unless extra options pick one). */
    private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-Xmx256m", "-Xss512k");
    private static final String COLLECTOR = "-XX:+UseSerialGC";
    private static final Pattern CHOOSES_COLLECTOR = Pattern.compile("-XX:\\+Use\\w*GC");
    /** Long enough for a starved CI machine; a failed start is seen at once. */
    static final Duration START_WAIT = Duration.ofSeconds(300);
    /** For a graceful stop, which includes writing the class data sharing archive on a first run. */
    static final Duration STOP_WAIT = Duration.ofSeconds(30);
    /** A JVM's exit code when it crashed or was killed by a signal: 128 and up. */
    private static final int SIGNALLED = 128;
    private static final int OUTPUT_LINES_KEPT = 30;

    private final Path folder;
    private final ExtractedEmulatorJar extracted;
    private final Process process;
    private final Thread stopOnExit;
    private final int port;
    private final int controlPort;
    private boolean closed;

    /** @param files the clock the extracted copies' ages go by ({@link ExtractedEmulatorJar#of}) */
    EmulatorInSeparateJvm(Path executableJar, List<String> arguments, Clock files) {
        try {
            this.folder = Files.createTempDirectory("usagekit-emulator-run-");
        } catch (IOException e) {
            throw new UncheckedIOException("no folder for the emulator's port file", e);
        }
        this.extracted = ExtractedEmulatorJar.of(executableJar, javaExecutable(), files);
        Path portFile = portFile(arguments, folder.resolve("port"));
        Started started = start(executableJar, arguments, portFile);
        if (started.crashedOnArchive) { // an archive it could not use: once more without, writing a new one
            extracted.discardArchive();
            started = start(executableJar, arguments, portFile);
        }
        this.process = started.process;
        this.stopOnExit = started.stopOnExit;
        if (started.failure != null) {
            close();
            throw started.failure;
        }
        this.port = started.ports[0];
        this.controlPort = started.ports.length > 1 ? started.ports[1] : port;
    }

    /** @param ports the port file's lines: the API port, and the control plane's when it has its own */
    private record Started(Process process, Thread stopOnExit, int[] ports, RuntimeException failure,
            boolean crashedOnArchive) {
    }

    private Started start(Path executableJar, List<String> arguments, Path portFile) {
        Path jar = extracted == null ? executableJar : extracted.application(executableJar);
        boolean onArchive = extracted != null && extracted.hasArchive();
        List<String> sharing = extracted == null ? List.of() : extracted.jvmOptions(archiveBeingWritten());
        Process started;
        try {
            started = new ProcessBuilder(command(jar, sharing, arguments, portFile)).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("the emulator did not start: cannot run " + javaExecutable() + ": " + e, e);
        }
        // at exit without close(): the same graceful stop, with less wait, and the same tidying up
        Thread hook = new Thread(() -> tidyUp(stop(started, Duration.ofSeconds(10))), "usagekit emulator stop");
        Runtime.getRuntime().addShutdownHook(hook);
        Output output = new Output(started.getInputStream());
        try {
            return new Started(started, hook, awaitPort(started, portFile, output), null, false);
        } catch (RuntimeException e) {
            boolean crashed = onArchive && !started.isAlive() && started.exitValue() >= SIGNALLED;
            if (crashed) {
                stop(started, Duration.ZERO);
                removeHook(hook);
            }
            return new Started(started, hook, new int[0], e, crashed);
        }
    }

    /** The user's {@code emulator.port-file} when given (it is written as in this JVM), else the kit's own. */
    static Path portFile(List<String> arguments, Path own) {
        String given = EmbeddedEmulator.valueOf(arguments, "emulator.port-file");
        return given == null || given.isEmpty() ? own : Path.of(given).toAbsolutePath();
    }

    /**
     * {@code java <options> -jar <jar> <settings> --emulator.port-file=<file> --emulator.stop-on-stdin-close=true}, on
     * the emulator's own configuration.
     *
     * @param sharing the class data sharing options of the extracted jar, or none
     */
    static List<String> command(Path executableJar, List<String> sharing, List<String> arguments, Path portFile) {
        List<String> extra = extraJvmOptions();
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(JVM_OPTIONS);
        // a crash report goes to the temporary directory, not into the project the tests run in
        command.add("-XX:ErrorFile="
                + Path.of(System.getProperty("java.io.tmpdir"), "usagekit-emulator-hs_err_%p.log"));
        if (extra.stream().noneMatch(option -> CHOOSES_COLLECTOR.matcher(option).matches())) {
            command.add(COLLECTOR); // two collectors stop the JVM at once
        }
        command.addAll(sharing);
        command.addAll(extra);
        command.add("-jar");
        command.add(executableJar.toAbsolutePath().toString());
        // as in this JVM: the emulator's configuration only, not an application.yaml of the working directory
        command.add("--spring.config.location=classpath:/usagekit/emulator/");
        arguments.stream().filter(argument -> !EmbeddedEmulator.sameSetting(argument, "emulator.port-file"))
                .filter(argument -> !EmbeddedEmulator.sameSetting(argument, "emulator.stop-on-stdin-close"))
                .forEach(command::add);
        command.add("--emulator.port-file=" + portFile.toAbsolutePath());
        command.add("--emulator.stop-on-stdin-close=true");
        return command;
    }

    private static List<String> extraJvmOptions() {
        String extra = System.getProperty(JVM_OPTIONS_PROPERTY, "").trim();
        return extra.isEmpty() ? List.of() : Arrays.asList(extra.split("\\s+"));
    }

    /** Where a first run writes its class data sharing archive, moved into the extracted folder once it stopped. */
    private Path archiveBeingWritten() {
        return folder.resolve("classes.jsa");
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int[] awaitPort(Process process, Path portFile, Output output) {
        Path failedFile = FailedStartFile.of(portFile);
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        while (true) {
            boolean ended = !process.isAlive(); // before the files: they are written before the JVM ends
            if (Files.exists(portFile)) {
                return read(portFile).lines().map(String::trim).filter(line -> !line.isEmpty())
                        .mapToInt(Integer::parseInt).toArray();
            }
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
    public int controlPort() {
        return controlPort;
    }

    /**
     * Closes its standard input and waits for the graceful stop, then kills it. Only a process that stopped by itself
     * leaves a whole archive to keep.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        boolean clean = stop(process, STOP_WAIT);
        removeHook(stopOnExit);
        tidyUp(clean);
    }

    /** The archive a first run wrote into place when it stopped cleanly, and the run's folder gone. */
    private void tidyUp(boolean stoppedCleanly) {
        if (extracted != null && stoppedCleanly && Files.exists(archiveBeingWritten())) {
            extracted.keepArchive(archiveBeingWritten());
        }
        ExtractedEmulatorJar.deleteTree(folder);
    }

    /** True when it ended by itself, with exit code 0, within the wait after its input closed. */
    private static boolean stop(Process process, Duration wait) {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // already closed
        }
        try {
            if (process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return process.exitValue() == 0;
            }
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // this JVM is exiting: the hook is running
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
