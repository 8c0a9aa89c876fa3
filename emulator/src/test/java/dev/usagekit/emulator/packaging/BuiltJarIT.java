package dev.usagekit.emulator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.fuzz.RawHttp;
import dev.usagekit.emulator.signing.ClientSigning;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's commands, run after the build packaged the jar: {@code bin/usagekit-emulator} prepares its fast start
 * once and then starts from its cache; {@code java -jar emulator/target/usagekit-emulator-exec.jar} starts on the bean
 * definitions written at build time, with beans made when first needed. Both answer a signed call, and on JDK 22+
 * start without the JVM's native-access warning.
 */
class BuiltJarIT {

    private static final Path JAR = Path.of("target", "usagekit-emulator-exec.jar");
    private static final Path LAUNCHER = Path.of("..", "bin", "usagekit-emulator").toAbsolutePath().normalize();
    private static final Pattern LISTENING = Pattern.compile("Netty started on port (\\d+)");
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    /** Generous: it costs time only when the jar does not start, and a starved CI runner took 30 s for a 1.5 s start. */
    private static final long START_WAIT_SECONDS = 300;

    private final List<String> log = new CopyOnWriteArrayList<>();
    private Process emulator;

    @AfterEach
    void stop() throws InterruptedException {
        if (emulator != null) {
            emulator.destroy();
            if (!emulator.waitFor(20, TimeUnit.SECONDS)) {
                emulator.destroyForcibly();
            }
        }
    }

    /** Also the port file a script in another language waits for: the picked port, deleted when the jar stops. */
    @Test
    void theReadmeCommandStartsAheadOfTimeAndAnswers(@TempDir Path dir) throws Exception {
        assertThat(JAR).as("packaged by this build").exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path portFile = dir.resolve("usagekit.port");
        emulator = new ProcessBuilder(java, "-Xmx192m", "-jar", JAR.toString(), "--server.port=0",
                "--server.address=127.0.0.1", "--emulator.clock.fixed=" + NOW, "--emulator.clock.frozen=true",
                "--emulator.port-file=" + portFile)
                .redirectErrorStream(true).start();
        int port = portFromLog(emulator.getInputStream()).get(START_WAIT_SECONDS, TimeUnit.SECONDS);
        for (int wait = 0; wait < 300 && !Files.exists(portFile); wait++) {
            Thread.sleep(100);
        }
        assertThat(Files.readString(portFile)).isEqualTo(port + "\n");

        assertThat(log).anyMatch(line -> line.contains("Starting AOT-processed EmulatorApplication"));
        answersASignedCallAndItsHealth(port);
        if (Runtime.version().feature() >= 22) { // older JDKs neither warn nor read the manifest entry
            assertThat(log).noneMatch(line -> line.contains("A restricted method"));
        }
        emulator.destroy();
        assertThat(emulator.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(portFile).doesNotExist();
    }

    /**
     * The README's run command, {@code bin/usagekit-emulator}, on whichever JDK it picks on this machine (an AOT cache
     * on JDK 25+, a CDS archive before): the first start after a build extracts the jar and trains the cache, then
     * serves; the next one starts from the cache without preparing. Its own cache directory, so the developer's stays.
     */
    @Test
    void theReadmeLauncherPreparesOnceThenStartsFromItsCache(@TempDir Path dir) throws Exception {
        preparesOnceThenStartsFromItsCache(dir, Map.of(), "(AOT cache|CDS archive)");
    }

    /** The same on the JDK this build runs on (17 on a fresh machine): a CDS archive before JDK 25. */
    @Test
    void theLauncherOnTheBuildsJdk(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        preparesOnceThenStartsFromItsCache(dir, Map.of("USAGEKIT_JAVA", java),
                Runtime.version().feature() >= 25 ? "AOT cache" : "CDS archive");
    }

    private void preparesOnceThenStartsFromItsCache(Path dir, Map<String, String> environment, String cacheKind)
            throws Exception {
        assertThat(JAR).as("packaged by this build").exists();
        Path cache = dir.resolve("fast-start");
        Path portFile = dir.resolve("usagekit.port");
        for (boolean first : new boolean[] {true, false}) {
            log.clear();
            ProcessBuilder launch = new ProcessBuilder("bash", LAUNCHER.toString(), "--server.port=0",
                    "--server.address=127.0.0.1", "--emulator.clock.fixed=" + NOW, "--emulator.clock.frozen=true",
                    "--emulator.port-file=" + portFile).redirectErrorStream(true);
            launch.environment().put("USAGEKIT_CACHE", cache.toString());
            launch.environment().putAll(environment);
            emulator = launch.start();
            int port = portFromLog(emulator.getInputStream()).get(START_WAIT_SECONDS, TimeUnit.SECONDS);

            if (first) {
                assertThat(log).anyMatch(line -> line.startsWith("usagekit: preparing a fast start for java "));
            } else {
                assertThat(log).noneMatch(line -> line.startsWith("usagekit: preparing"));
            }
            assertThat(log).anyMatch(line -> line.matches("usagekit: java .*, " + cacheKind + " "
                    + Pattern.quote(cache.toString()) + "/app\\.(aot|jsa)"));
            assertThat(log).anyMatch(line -> line.contains("Starting AOT-processed EmulatorApplication"));
            assertThat(log).noneMatch(line -> line.contains("A restricted method"));
            answersASignedCallAndItsHealth(port);
            emulator.destroy();
            assertThat(emulator.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(portFile).doesNotExist();
        }
    }

    /** The headline RTC call signed with the demo keys, answered with data, and the control plane's health. */
    private static void answersASignedCallAndItsHealth(int port) throws IOException {
        String body = "{\"AppId\":\"Your_AppId\",\"StartTime\":\"2026-11-17T00:00:00+08:00\","
                + "\"EndTime\":\"2026-11-19T00:00:00+08:00\",\"Indicator\":\"user_count\",\"Dimension\":\"province\"}";
        var signed = ClientSigning.volcenginePost("127.0.0.1:" + port, NOW, "rtc", "ListOperationDistribution",
                "2020-12-01", body, "AKLTtestaccesskey", "testsecretkey");
        List<Map.Entry<String, String>> headers = signed.headers().entrySet().stream()
                .filter(h -> !h.getKey().equals("Host")).toList(); // RawHttp sends the same Host itself
        try (RawHttp http = new RawHttp("127.0.0.1", port, 30_000)) {
            assertThat(http.hostHeader()).isEqualTo(signed.headers().get("Host"));
            RawHttp.Response answer = http.send(new RawHttp.Request("POST", signed.pathAndQuery(), headers,
                    body.getBytes(StandardCharsets.UTF_8)));
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.text()).contains("\"Dimension\":\"province\"");

            RawHttp.Response health = http.send(new RawHttp.Request("GET", "/_emulator/health", List.of(),
                    new byte[0]));
            assertThat(health.status()).isEqualTo(200);
        }
    }

    /**
     * A full journal of large calls (1,000 entries of about 16 KB, the most an entry keeps) read by eight clients at
     * once, in a heap of 128 MB: each read is written a batch of entries at a time, where writing it whole took
     * several times its 16 MB and ran out of memory.
     */
    @Test
    void aFullJournalOfLargeCallsIsReadByManyClientsAtOnceInASmallHeap() throws Exception {
        assertThat(JAR).as("packaged by this build").exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        emulator = new ProcessBuilder(java, "-Xmx128m", "-XX:+UseSerialGC", "-jar", JAR.toString(), "--server.port=0",
                "--server.address=127.0.0.1", "--emulator.clock.fixed=" + NOW, "--emulator.clock.frozen=true")
                .redirectErrorStream(true).start();
        int port = portFromLog(emulator.getInputStream()).get(START_WAIT_SECONDS, TimeUnit.SECONDS);
        String body = "{\"StartTime\":\"2026-11-17T00:00:00+08:00\",\"EndTime\":\"2026-11-19T00:00:00+08:00\"}";
        String padding = "&Padding=" + "p".repeat(15_000);
        try (RawHttp http = new RawHttp("127.0.0.1", port, 30_000)) {
            for (int i = 0; i < 1000; i++) {
                var signed = ClientSigning.volcenginePost("127.0.0.1:" + port, NOW, "live", "DescribeLiveTranscodeData",
                        "2023-01-01", body, "AKLTtestaccesskey", "not-the-secret");
                List<Map.Entry<String, String>> headers = signed.headers().entrySet().stream()
                        .filter(h -> !h.getKey().equals("Host")).toList();
                RawHttp.Response refused = http.send(new RawHttp.Request("POST", signed.pathAndQuery() + padding,
                        headers, body.getBytes(StandardCharsets.UTF_8)));
                assertThat(refused.status()).isEqualTo(401);
            }
        }

        ExecutorService readers = Executors.newFixedThreadPool(8);
        try {
            List<Future<RawHttp.Response>> reads = IntStream.range(0, 8).mapToObj(i -> readers.submit(() -> {
                try (RawHttp http = new RawHttp("127.0.0.1", port, 60_000)) {
                    return http.send(new RawHttp.Request("GET", "/_emulator/journal", List.of(), new byte[0]));
                }
            })).toList();
            for (Future<RawHttp.Response> read : reads) {
                RawHttp.Response journal = read.get(120, TimeUnit.SECONDS);
                assertThat(journal.status()).isEqualTo(200);
                assertThat(journal.body().length).isGreaterThan(15_000_000);
                String text = journal.text();
                assertThat(text).startsWith("{\"entries\":[{\"id\":1,").endsWith("],\"evicted\":0}")
                        .contains("{\"id\":1000,");
            }
        } finally {
            readers.shutdownNow();
        }
        assertThat(log).noneMatch(line -> line.contains("OutOfMemoryError"));

        // an HTTP/1.0 client cannot read chunks (RFC 9112, 6.1): it gets the page whole, with its length
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write("GET /_emulator/journal HTTP/1.0\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            RawHttp.Response whole = RawHttp.read(new BufferedInputStream(socket.getInputStream()));
            assertThat(whole.status()).isEqualTo(200);
            assertThat(whole.header("transfer-encoding")).isNull();
            assertThat(whole.body()).hasSize(Integer.parseInt(whole.header("content-length")));
            assertThat(whole.text()).endsWith("],\"evicted\":0}");
        }
    }

    /** {@code --help} prints the settings the jar's metadata lists and exits at once, without starting a server. */
    @Test
    void helpListsTheSettingsAndExits() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process help = new ProcessBuilder(java, "-jar", JAR.toString(), "--help").redirectErrorStream(true).start();
        String text = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(help.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(help.exitValue()).isZero();
        assertThat(text).contains("--emulator.seed=20240101", "--emulator.journal.size=1000",
                "--emulator.admin.port=<Integer>").doesNotContain("Netty started", "Spring");

        Process version = new ProcessBuilder(java, "-jar", JAR.toString(), "--version").redirectErrorStream(true)
                .start();
        String printed = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(version.waitFor(60, TimeUnit.SECONDS)).isTrue();
        try (var jar = new JarFile(JAR.toFile())) {
            assertThat(printed.strip()).isEqualTo("usagekit emulator "
                    + jar.getManifest().getMainAttributes().getValue("Implementation-Version"));
        }
    }

    /** Netty loads its native transport; JDK 22+ lets the jar's manifest allow that instead of warning at each start. */
    @Test
    void theJarAllowsNativeAccessItself() throws IOException {
        try (var jar = new JarFile(JAR.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Enable-Native-Access")).isEqualTo("ALL-UNNAMED");
        }
    }

    /** The kit refuses an executable jar of another build than the plain jar by these: one build writes both alike. */
    @Test
    void bothJarsCarryTheVersionAndTimeOfTheirBuild() throws IOException {
        try (var executable = new JarFile(JAR.toFile());
                var plain = new JarFile(Path.of("target", "usagekit-emulator.jar").toFile())) {
            Attributes ofExecutable = executable.getManifest().getMainAttributes();
            Attributes ofPlain = plain.getManifest().getMainAttributes();
            assertThat(ofExecutable.getValue("Build-Time")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ")
                    .isEqualTo(ofPlain.getValue("Build-Time"));
            assertThat(ofExecutable.getValue("Implementation-Version")).isNotBlank()
                    .isEqualTo(ofPlain.getValue("Implementation-Version"));
        }
    }

    /** Reads the emulator's output into {@link #log} for as long as it runs; completes with the port it listens on. */
    private CompletableFuture<Integer> portFromLog(InputStream output) {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    log.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    }
                }
                port.completeExceptionally(new IllegalStateException("the emulator exited:\n" + String.join("\n", log)));
            } catch (IOException e) {
                port.completeExceptionally(e);
            }
        }, "emulator-output");
        reader.setDaemon(true);
        reader.start();
        return port;
    }
}
