package dev.usagekit.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the kit runs the emulator, where it finds the executable jar for a JVM of its own, and that the jar is of the
 * build the class path's emulator is of.
 */
class EmulatorBuildTest {

    @TempDir
    Path dir;

    @Test
    void theEmulatorRunsInThisJvmOnlyOnTheSpringBootAndFrameworkMinorItWasBuiltOn() {
        assertThat(EmulatorBuild.runsOn("4.1.1", "4.1.3")).isTrue();
        assertThat(EmulatorBuild.runsOn("4.1.1", "4.0.7")).isFalse();
        assertThat(EmulatorBuild.runsOn("4.1.1", "3.5.7")).isFalse();
        assertThat(EmulatorBuild.runsOn("7.0.9", "6.2.12")).isFalse();
        assertThat(EmulatorBuild.runsOn("4.1.1", null)).isFalse();
        assertThat(EmulatorBuild.runsOn(null, "4.1.1")).isFalse();
    }

    @Test
    void thisBuildsClassPathRunsItInThisJvm() {
        EmulatorBuild build = EmulatorBuild.onClassPath();
        assertThat(build.location()).isNotNull();
        assertThat(build.runsOnClassPath()).isTrue();
        assertThat(Launch.AUTO.resolved()).isEqualTo(Launch.THIS_JVM);
        assertThat(Launch.SEPARATE_JVM.resolved()).isEqualTo(Launch.SEPARATE_JVM);
    }

    @Test
    void aJarFromAnotherSpringBootRunsInAJvmOfItsOwn() throws IOException {
        Path jar = Files.createFile(dir.resolve("usagekit-emulator-1.0.jar"));
        assertThat(new EmulatorBuild("3.0.0", "6.0.0", null, jar, null).runsOnClassPath()).isFalse();
        assertThat(new EmulatorBuild("4.1.1", "7.0.9", null, null, null).runsOnClassPath()).isFalse();
    }

    /** Pact JVM's gRPC brings Netty 4.1 nearer than Spring Boot 4's 4.2 in a build without Spring Boot's BOM. */
    @Test
    void aClassPathWithAnotherNettyRunsItInAJvmOfItsOwn() throws IOException {
        Path jar = Files.createFile(dir.resolve("usagekit-emulator-1.0.jar"));
        String boot = org.springframework.boot.SpringBootVersion.getVersion();
        String spring = org.springframework.core.SpringVersion.getVersion();
        String netty = EmulatorBuild.runningNetty();
        assertThat(netty).startsWith("4.");

        assertThat(new EmulatorBuild(boot, spring, netty, jar, null).runsOnClassPath()).isTrue();
        assertThat(new EmulatorBuild(boot, spring, "3.10.6.Final", jar, null).runsOnClassPath()).isFalse();
        // a jar older than the check
        assertThat(new EmulatorBuild(boot, spring, null, jar, null).runsOnClassPath()).isTrue();
    }

    @Test
    void theSystemPropertyDecidesForAuto() {
        assertThat(Launch.parse("separate-jvm")).isEqualTo(Launch.SEPARATE_JVM);
        assertThat(Launch.parse(" This_JVM ")).isEqualTo(Launch.THIS_JVM);
        assertThat(Launch.parse("")).isEqualTo(Launch.AUTO);
        assertThat(Launch.parse(null)).isEqualTo(Launch.AUTO);
        assertThatThrownBy(() -> Launch.parse("forked")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("usagekit.launch: \"forked\" is not one of auto, this-jvm, separate-jvm");
    }

    /** As {@code mvn install} puts them in the local repository: X.jar and X-exec.jar side by side. */
    @Test
    void theExecutableJarIsFoundBesideThePlainJar() throws IOException {
        Path plain = Files.createFile(dir.resolve("usagekit-emulator-0.1.0.jar"));
        Path executable = Files.createFile(dir.resolve("usagekit-emulator-0.1.0-exec.jar"));
        assertThat(new EmulatorBuild(null, null, null, plain, null).executableJar()).isEqualTo(executable);
    }

    @Test
    void anExecutableJarOnTheClassPathIsTaken() throws IOException {
        Path executable = Files.createFile(dir.resolve("usagekit-emulator-0.1.0-exec.jar"));
        Path plain = Files.createFile(dir.resolve("usagekit-emulator-0.1.0.jar"));
        String classPath = String.join(java.io.File.pathSeparator, plain.toString(), "",
                dir.resolve("classes").toString(), executable.toString());
        assertThat(EmulatorBuild.onClassPath(classPath)).contains(executable);
        assertThat(EmulatorBuild.onClassPath(plain.toString())).isEmpty();
        assertThat(EmulatorBuild.onClassPath(dir.resolve("usagekit-emulator-9-exec.jar").toString())).isEmpty();
    }

    /** As a build's own tests see it: classes in target/classes, the jar in target; the newest of several. */
    @Test
    void fromAClassesFolderTheNewestExecutableJarAboveItIsTaken() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("target/classes"));
        Path older = Files.createFile(dir.resolve("target/usagekit-emulator-0.0.9-exec.jar"));
        Path newer = Files.createFile(dir.resolve("target/usagekit-emulator-exec.jar"));
        Files.setLastModifiedTime(older, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        Files.setLastModifiedTime(newer, FileTime.from(Instant.parse("2026-06-01T00:00:00Z")));
        Files.createFile(dir.resolve("target/other-exec.jar"));
        assertThat(new EmulatorBuild(null, null, null, classes, null).executableJar()).isEqualTo(newer);
    }

    @Test
    void noExecutableJarSaysWhereItLookedAndWhatToDo() throws IOException {
        Path plain = Files.createFile(dir.resolve("usagekit-emulator-0.1.0.jar"));
        assertThatThrownBy(() -> new EmulatorBuild(null, null, null, plain, null).executableJar())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("beside " + plain).hasMessageContaining("mvn install")
                .hasMessageContaining("-Dusagekit.emulator.jar=<path>");
    }

    @Test
    void theSystemPropertyNamesTheJar() throws IOException {
        Path named = Files.createFile(dir.resolve("elsewhere.jar"));
        WithSystemProperty.run(EmulatorBuild.JAR_PROPERTY, named.toString(),
                () -> assertThat(new EmulatorBuild(null, null, null, null, null).executableJar()).isEqualTo(named));
        WithSystemProperty.run(EmulatorBuild.JAR_PROPERTY, dir.resolve("missing.jar").toString(),
                () -> assertThatThrownBy(() -> new EmulatorBuild(null, null, null, null, null).executableJar())
                        .hasMessageContaining("missing.jar, which is no file"));
    }

    /** A SNAPSHOT built again: the same version, but the executable jar beside is left from the build before. */
    @Test
    void anExecutableJarOfAnotherBuildIsRefusedNamingBothBuildsAndWhatToDo() throws IOException {
        Path plain = jar("usagekit-emulator-0.2.0-SNAPSHOT.jar", "0.2.0-SNAPSHOT", "2026-12-03T09:30:12Z");
        Path stale = jar("usagekit-emulator-0.2.0-SNAPSHOT-exec.jar", "0.2.0-SNAPSHOT", "2026-11-30T17:02:44Z");
        assertThatThrownBy(() -> fromJar(plain).executableJar()).isInstanceOf(IllegalStateException.class)
                .hasMessage("the emulator's executable jar " + stale + " is 0.2.0-SNAPSHOT built 2026-11-30T17:02:44Z,"
                        + " not the build of the emulator on the class path, " + plain + ", 0.2.0-SNAPSHOT built"
                        + " 2026-12-03T09:30:12Z, whose answers the kit's assertions and schemas expect: `mvn install`"
                        + " usagekit again, which puts the two jars of one build side by side, or add"
                        + " dev.usagekit:usagekit-emulator:0.2.0-SNAPSHOT:exec to your test dependencies, or name the"
                        + " right jar with -Dusagekit.emulator.jar=<path>");
    }

    @Test
    void anExecutableJarOfAnotherVersionNamedByThePropertyIsRefused() throws IOException {
        Path plain = jar("usagekit-emulator-0.2.0.jar", "0.2.0", "2026-12-03T09:30:12Z");
        Path older = jar("old/usagekit-emulator-0.1.0-exec.jar", "0.1.0", "2026-10-01T08:00:00Z");
        WithSystemProperty.run(EmulatorBuild.JAR_PROPERTY, older.toString(),
                () -> assertThatThrownBy(() -> fromJar(plain).executableJar())
                        .hasMessageStartingWith("the emulator's executable jar " + older + " is 0.1.0 built"
                                + " 2026-10-01T08:00:00Z, not the build of the emulator on the class path, " + plain
                                + ", 0.2.0 built 2026-12-03T09:30:12Z")
                        .hasMessageEndingWith(": name the executable jar of that build with"
                                + " -Dusagekit.emulator.jar=<path>, or leave it unset to take the one beside the plain"
                                + " jar"));
        Path notAJar = Files.writeString(dir.resolve("notes.txt"), "not a jar");
        WithSystemProperty.run(EmulatorBuild.JAR_PROPERTY, notAJar.toString(),
                () -> assertThatThrownBy(() -> fromJar(plain).executableJar())
                        .hasMessageContaining(notAJar + " is a file with no Implementation-Version in a manifest"));
    }

    @Test
    void theExecutableJarOfTheSameBuildIsTaken() throws IOException {
        Path plain = jar("usagekit-emulator-0.2.0-SNAPSHOT.jar", "0.2.0-SNAPSHOT", "2026-12-03T09:30:12Z");
        Path executable = jar("usagekit-emulator-0.2.0-SNAPSHOT-exec.jar", "0.2.0-SNAPSHOT", "2026-12-03T09:30:12Z");
        assertThat(fromJar(plain).executableJar()).isEqualTo(executable);
    }

    /** Jars built before their manifests had the time go by their version alone; one with it and one without differ. */
    @Test
    void withoutABuildTimeTheVersionDecides() throws IOException {
        Path plain = jar("usagekit-emulator-0.1.0.jar", "0.1.0", null);
        Path executable = jar("usagekit-emulator-0.1.0-exec.jar", "0.1.0", null);
        assertThat(fromJar(plain).executableJar()).isEqualTo(executable);

        Path rebuilt = jar("usagekit-emulator-0.1.0.jar", "0.1.0", "2026-12-03T09:30:12Z");
        assertThatThrownBy(() -> fromJar(rebuilt).executableJar())
                .hasMessageContaining(" is 0.1.0 (no build time), not the build of the emulator on the class path, "
                        + rebuilt + ", 0.1.0 built 2026-12-03T09:30:12Z");
    }

    /** The emulator's jar on the class path as {@link EmulatorBuild#onClassPath()} reads it. */
    private static EmulatorBuild fromJar(Path plain) {
        return new EmulatorBuild(null, null, null, plain, EmulatorBuild.Stamp.ofJar(plain));
    }

    /** A jar with only a manifest: the version and, unless null, the build time the emulator's build writes. */
    private Path jar(String name, String version, String builtAt) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.IMPLEMENTATION_VERSION, version);
        if (builtAt != null) {
            main.putValue(EmulatorBuild.Stamp.BUILT_AT, builtAt);
        }
        Path jar = dir.resolve(name);
        Files.createDirectories(jar.getParent());
        new JarOutputStream(Files.newOutputStream(jar), manifest).close();
        return jar;
    }
}
