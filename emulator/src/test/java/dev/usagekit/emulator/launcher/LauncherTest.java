package dev.usagekit.emulator.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/usagekit-emulator with fake JDKs (a release file and a shell script as bin/java): which java it picks, which
 * cache it trains, and that a new jar or another JDK prepares again while an unchanged setup reuses the cache.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherTest {

    private static final Path LAUNCHER = Path.of("..", "bin", "usagekit-emulator").toAbsolutePath().normalize();

    /** Logs each call; makes the cache file a training run is asked for and the directory extraction writes. */
    private static final String FAKE_JAVA = """
            #!/bin/sh
            echo "$0 $* (in $PWD)" >>"$FAKE_JAVA_LOG"
            previous=""
            for arg in "$@"; do
              case "$arg" in
                -XX:AOTCacheOutput=*|-XX:ArchiveClassesAtExit=*) echo cache >"${arg#*=}" ;;
              esac
              [ "$previous" = "--destination" ] && mkdir -p "$arg"
              previous="$arg"
            done
            """;

    @TempDir
    Path dir;
    private Path jvms;
    private Path log;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void fakeJdks() throws IOException {
        jvms = Files.createDirectories(dir.resolve("jvm"));
        log = dir.resolve("java.log");
        jdk(jvms.resolve("jdk-17"), "17.0.9", "17.0.9+9");
        jdk(jvms.resolve("jdk-25.0.9"), "25.0.9", "25.0.9+1-LTS");
        jdk(jvms.resolve("jdk-25.0.10"), "25.0.10", "25.0.10+7-LTS");
        // java on PATH: a JDK 21 outside the searched directory
        Path pathJdk = jdk(dir.resolve("path-jdk"), "21.0.2", "21.0.2+13");
        Path pathBin = Files.createDirectories(dir.resolve("path-bin"));
        Files.createSymbolicLink(pathBin.resolve("java"), pathJdk.resolve("bin/java"));
        // sha1sum on PATH logs each call, so a test sees when the launcher hashes the jar
        Path sha1sum = Files.writeString(pathBin.resolve("sha1sum"),
                "#!/bin/sh\necho \"$*\" >>\"$HASH_LOG\"\nexec " + onPath("sha1sum") + " \"$@\"\n");
        Files.setPosixFilePermissions(sha1sum, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path jar = Files.writeString(dir.resolve("emulator.jar"), "version 1");
        env.put("PATH", pathBin + ":/usr/local/bin:/usr/bin:/bin");
        env.put("USAGEKIT_JVM_DIRS", jvms.toString());
        env.put("USAGEKIT_JAR", jar.toString());
        env.put("USAGEKIT_CACHE", dir.resolve("cache").toString());
        env.put("FAKE_JAVA_LOG", log.toString());
        env.put("HASH_LOG", dir.resolve("hash.log").toString());
    }

    /** A tool of the machine's own, for the fakes to call and the restricted PATHs to hold. */
    private static String onPath(String tool) {
        return Stream.of("/usr/bin/", "/bin/").map(d -> d + tool).filter(p -> Files.isExecutable(Path.of(p)))
                .findFirst().orElseThrow(() -> new IllegalStateException("no " + tool));
    }

    private static Path jdk(Path home, String version, String runtimeVersion) throws IOException {
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_RUNTIME_VERSION=\"" + runtimeVersion
                + "\"\nJAVA_VERSION=\"" + version + "\"\n");
        Path java = Files.writeString(home.resolve("bin/java"), FAKE_JAVA);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    private record Run(int exit, String out, String err) {
    }

    private Run launcher(String... args) throws IOException, InterruptedException {
        return launcherAs(LAUNCHER.toString(), Path.of("."), args);
    }

    /** Runs the launcher by the given name (a path, or a link to it) from the given working directory. */
    private Run launcherAs(String launcher, Path workingDirectory, String... args)
            throws IOException, InterruptedException {
        var command = new java.util.ArrayList<>(List.of("bash", launcher));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(false);
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out, err);
    }

    private List<String> javaCalls() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    private long jarHashings() throws IOException {
        Path hashLog = Path.of(env.get("HASH_LOG"));
        return Files.exists(hashLog) ? Files.readAllLines(hashLog).size() : 0;
    }

    @Test
    void picksTheNewestJdk25OrLaterUnderTheJvmDirectory() throws Exception {
        assertThat(launcher("--print-java").out()).isEqualTo("java=" + jvms.resolve("jdk-25.0.10/bin/java")
                + "\nversion=25.0.10+7-LTS\nsource=newest JDK >= 25 in " + jvms + "\nmode=aot\ncache="
                + dir.resolve("cache/app.aot") + "\n");
    }

    /** The launcher's own words are read wherever they stand: a script that appends them to its settings still works. */
    @Test
    void itsOwnWordsCountAfterTheEmulatorsSettings() throws Exception {
        assertThat(launcher("--server.port=18099", "--print-java").out())
                .isEqualTo(launcher("--print-java").out());
        launcher("--server.port=18099", "--prepare");
        assertThat(javaCalls()).as("the preparation's two runs, no start").hasSize(2);
    }

    @Test
    void findsJdksInMacOsLayoutToo() throws Exception {
        Path home = jdk(jvms.resolve("temurin-26.jdk/Contents/Home"), "26.0.1", "26.0.1+8");
        assertThat(launcher("--print-java").out()).isEqualTo("java=" + home.resolve("bin/java")
                + "\nversion=26.0.1+8\nsource=newest JDK >= 25 in " + jvms + "\nmode=aot\ncache="
                + dir.resolve("cache/app.aot") + "\n");
    }

    @Test
    void javaHomeWinsOverTheSearchAndAnOldJdkGetsTheCdsArchive() throws Exception {
        env.put("JAVA_HOME", jvms.resolve("jdk-17").toString());
        assertThat(launcher("--print-java").out()).contains("version=17.0.9+9", "source=JAVA_HOME", "mode=cds",
                "cache=" + dir.resolve("cache/app.jsa") + "\n");
    }

    /** Flags that some JDK 17 updates refuse (native access, native heap trim) are given only to newer JDKs. */
    @Test
    void aJdk17StartsWithoutTheFlagsOfNewerJdks() throws Exception {
        env.put("JAVA_HOME", jvms.resolve("jdk-17").toString());
        assertThat(launcher("--server.port=18099").exit()).isZero();
        List<String> calls = javaCalls();
        assertThat(calls).hasSize(3);
        assertThat(calls.get(1)).contains("-XX:ArchiveClassesAtExit=");
        assertThat(calls.get(2)).contains("-XX:SharedArchiveFile=", "-Xmx", "--server.port=18099")
                .doesNotContain("TrimNativeHeapInterval", "enable-native-access", "AOT");
    }

    @Test
    void usagekitJavaWinsOverJavaHome() throws Exception {
        env.put("JAVA_HOME", jvms.resolve("jdk-17").toString());
        env.put("USAGEKIT_JAVA", jvms.resolve("jdk-25.0.9/bin/java").toString());
        assertThat(launcher("--print-java").out()).contains("version=25.0.9+1-LTS", "source=USAGEKIT_JAVA",
                "mode=aot");
    }

    @Test
    void withoutAJdk25ItTakesJavaOnPath() throws Exception {
        env.put("USAGEKIT_JVM_DIRS", dir.resolve("none").toString());
        assertThat(launcher("--print-java").out()).contains("version=21.0.2+13", "source=PATH", "mode=cds");
    }

    @Test
    void trainsAnAotCacheOnceAndStartsWithIt() throws Exception {
        Run first = launcher("--server.port=18099");
        assertThat(first.exit()).isZero();
        // the cache's path, for whoever wants to inspect or delete it, on the line of every start
        assertThat(first.err()).contains("usagekit: java 25.0.10+7-LTS (",
                "), AOT cache " + dir.resolve("cache/app.aot") + "\n");
        List<String> calls = javaCalls();
        assertThat(calls).hasSize(3);
        assertThat(calls.get(0)).contains("-Djarmode=tools", "extract");
        assertThat(calls.get(1)).contains("-XX:AOTCacheOutput=", "--server.port=0", "--emulator.training-run=true");
        assertThat(calls.get(2)).contains("-XX:AOTCache=", "-XX:-AOTReplayTraining", "-Dspring.aot.enabled=true",
                "-Xmx", "-XX:TrimNativeHeapInterval=5000", "--enable-native-access=ALL-UNNAMED",
                "--server.port=18099").doesNotContain("training-run");

        Run second = launcher("--server.port=18099");
        assertThat(javaCalls()).hasSize(4); // no second training run
        assertThat(second.err()).isEqualTo("usagekit: java 25.0.10+7-LTS (" + jvms.resolve("jdk-25.0.10/bin/java")
                + ", from newest JDK >= 25 in " + jvms + "), AOT cache " + dir.resolve("cache/app.aot") + "\n");
    }

    @Test
    void helpAndVersionRunTheJarWithoutPreparingAnything() throws Exception {
        assertThat(launcher("--help").exit()).isZero();
        assertThat(launcher("--server.port=1", "--version").exit()).isZero();
        List<String> calls = javaCalls();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0)).contains("-jar", "--help").doesNotContain("extract", "AOTCache", "-Xmx");
        assertThat(calls.get(1)).contains("--server.port=1 --version").doesNotContain("extract", "AOTCache");
    }

    @Test
    void anotherJdkOrANewJarPreparesAgain() throws Exception {
        launcher("--prepare");
        assertThat(javaCalls()).hasSize(2);

        env.put("JAVA_HOME", jvms.resolve("jdk-17").toString());
        launcher("--prepare");
        assertThat(javaCalls()).hasSize(4);
        assertThat(javaCalls().get(3)).startsWith(jvms.resolve("jdk-17/bin/java").toString())
                .contains("-XX:ArchiveClassesAtExit=");

        Files.writeString(Path.of(env.get("USAGEKIT_JAR")), "version 2");
        launcher("--prepare");
        assertThat(javaCalls()).hasSize(6);
        launcher("--prepare");
        assertThat(javaCalls()).hasSize(6);
    }

    @Test
    void javaOptsJoinTheStartOnlyWhileJavaToolOptionsTrainAgain() throws Exception {
        launcher("--prepare");
        assertThat(javaCalls()).hasSize(2);
        env.put("JAVA_OPTS", "-Xlog:gc");
        launcher("--server.port=18099");
        assertThat(javaCalls()).as("an ad hoc flag: no training run").hasSize(3);
        assertThat(javaCalls().get(2)).contains("-Xlog:gc", "-XX:AOTCache=");
        env.put("JAVA_TOOL_OPTIONS", "-Dfile.encoding=UTF-8");
        launcher("--prepare");
        assertThat(javaCalls()).as("the training run takes them from the environment").hasSize(5);
    }

    @Test
    void aCacheDirectoryHoldingOtherFilesIsRefusedNotEmptied() throws Exception {
        Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(mine.resolve("notes.txt"), "keep");
        env.put("USAGEKIT_CACHE", mine.toString());
        Run refused = launcher("--prepare");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("holds files of something else");
        assertThat(Files.readString(mine.resolve("notes.txt"))).isEqualTo("keep");
        assertThat(javaCalls()).isEmpty();
    }

    @Test
    void aRelativeCacheDirectoryIsTheWorkingDirectorysAndStaysReady() throws Exception {
        env.put("USAGEKIT_CACHE", "relative/cache");
        assertThat(launcherAs(LAUNCHER.toString(), dir, "--prepare").exit()).isZero();
        assertThat(javaCalls()).hasSize(2);
        assertThat(javaCalls().get(1)).contains("-jar " + dir.resolve("relative/cache/app"));
        assertThat(launcherAs(LAUNCHER.toString(), dir, "--prepare").exit()).isZero();
        assertThat(javaCalls()).hasSize(2);
    }

    @Test
    void changedJvmFlagsPrepareAgain() throws Exception {
        Path options = Files.writeString(dir.resolve("jvm.options"), "# flags\n-Xmx192m\n-XX:+UseSerialGC\n");
        env.put("USAGEKIT_JVM_OPTIONS", options.toString());
        launcher("--prepare");
        assertThat(javaCalls()).hasSize(2);
        assertThat(javaCalls().get(1)).contains("-Xmx192m -XX:+UseSerialGC");

        Files.writeString(options, "# the comment changed, not a flag\n-Xmx192m\n-XX:+UseSerialGC\n");
        launcher("--prepare");
        assertThat(javaCalls()).hasSize(2);

        Files.writeString(options, "-Xmx192m\n-XX:+UseParallelGC\n");
        launcher("--prepare");
        assertThat(javaCalls()).hasSize(4);
        assertThat(javaCalls().get(3)).contains("-XX:+UseParallelGC", "-XX:AOTCacheOutput=");

        Run started = launcher("--server.port=18099");
        assertThat(javaCalls()).hasSize(5);
        assertThat(javaCalls().get(4)).contains("-XX:+UseParallelGC", "-XX:AOTCache=");
        assertThat(started.exit()).isZero();
    }

    @Test
    void aMissingJvmFlagsFileStopsTheLaunch() throws Exception {
        env.put("USAGEKIT_JVM_OPTIONS", dir.resolve("nowhere.options").toString());
        Run run = launcher();
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("no JVM flags file");
        assertThat(javaCalls()).isEmpty();
    }

    @Test
    void aFailedTrainingRunStopsTheLaunch() throws Exception {
        // a java that writes no cache: the launcher says so and does not start
        Files.writeString(jvms.resolve("jdk-25.0.10/bin/java"), "#!/bin/sh\necho \"$0 $*\" >>\"$FAKE_JAVA_LOG\"\n");
        Run run = launcher();
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("training run failed");
        assertThat(javaCalls()).hasSize(2);
    }

    @Test
    void anUnchangedJarIsHashedOnlyWhenItsTimeChanges() throws Exception {
        launcher("--prepare");
        assertThat(jarHashings()).isOne();
        launcher("--server.port=18099");
        assertThat(jarHashings()).isOne();

        // the same bytes with a new time (a copy, a touch): hashed once more, not trained again, then remembered
        Path jar = Path.of(env.get("USAGEKIT_JAR"));
        Files.setLastModifiedTime(jar, FileTime.from(Files.getLastModifiedTime(jar).toInstant().plusSeconds(60)));
        launcher("--server.port=18099");
        assertThat(jarHashings()).isEqualTo(2);
        launcher("--server.port=18099");
        assertThat(jarHashings()).isEqualTo(2);
        assertThat(javaCalls()).hasSize(5).filteredOn(call -> call.contains("training-run")).hasSize(1);
    }

    @Test
    void withoutSha1sumItHashesWithShasumAsOnMacOs() throws Exception {
        // a PATH of only what the launcher runs, with shasum in the place of sha1sum
        Path bin = Files.createDirectories(dir.resolve("mac-bin"));
        for (String tool : List.of("mkdir", "rm", "env", "touch", "sort", "tail")) {
            Files.createSymbolicLink(bin.resolve(tool), Path.of(onPath(tool)));
        }
        Path shasum = Files.writeString(bin.resolve("shasum"), "#!/bin/sh\necho \"shasum $*\" >>\"$HASH_LOG\"\n"
                + "[ \"$1\" = -a ] && [ \"$2\" = 1 ] && shift 2 && exec " + onPath("sha1sum") + " \"$@\"\nexit 2\n");
        Files.setPosixFilePermissions(shasum, PosixFilePermissions.fromString("rwxr-xr-x"));
        env.put("PATH", bin.toString());

        assertThat(launcher("--prepare").exit()).isZero();
        assertThat(launcher("--prepare").exit()).isZero();
        assertThat(javaCalls()).hasSize(2);
        assertThat(Files.readAllLines(Path.of(env.get("HASH_LOG")))).containsExactly(
                "shasum -a 1 " + env.get("USAGEKIT_JAR"));
    }

    @Test
    void findsItsCheckoutThroughASymlinkAndKeepsTheCallersDirectory() throws Exception {
        env.remove("USAGEKIT_JVM_OPTIONS");
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(elsewhere.resolve("emulator"), LAUNCHER);
        Run run = launcherAs("emulator", elsewhere, "--server.port=18099");
        assertThat(run.exit()).isZero();
        // bin/emulator-jvm.options of the checkout, found from the link; the emulator starts where it was asked to
        assertThat(javaCalls().get(2)).contains("-Xmx192m", "-XX:AOTCache=", "(in " + elsewhere.toRealPath() + ")");
    }

    @Test
    void theFlagsFileTakesCommentsBlankLinesAndSeveralFlagsToALine() throws Exception {
        Path options = Files.writeString(dir.resolve("jvm.options"),
                "# heap\n\n  -Xmx100m -Xss1m\n   # an indented comment\n\t-XX:+UseSerialGC"); // no final newline
        env.put("USAGEKIT_JVM_OPTIONS", options.toString());
        launcher("--prepare");
        assertThat(javaCalls().get(1)).contains(
                "-Xmx100m -Xss1m -XX:+UseSerialGC -Dspring.aot.enabled=true").doesNotContain("#", "comment");
    }
}
