package dev.usagekit.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the kit runs the emulator, and where it finds the executable jar for a JVM of its own. */
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
        assertThat(new EmulatorBuild("3.0.0", "6.0.0", null, jar).runsOnClassPath()).isFalse();
        assertThat(new EmulatorBuild("4.1.1", "7.0.9", null, null).runsOnClassPath()).isFalse();
    }

    /** Pact JVM's gRPC brings Netty 4.1 nearer than Spring Boot 4's 4.2 in a build without Spring Boot's BOM. */
    @Test
    void aClassPathWithAnotherNettyRunsItInAJvmOfItsOwn() throws IOException {
        Path jar = Files.createFile(dir.resolve("usagekit-emulator-1.0.jar"));
        String boot = org.springframework.boot.SpringBootVersion.getVersion();
        String spring = org.springframework.core.SpringVersion.getVersion();
        String netty = EmulatorBuild.runningNetty();
        assertThat(netty).startsWith("4.");

        assertThat(new EmulatorBuild(boot, spring, netty, jar).runsOnClassPath()).isTrue();
        assertThat(new EmulatorBuild(boot, spring, "3.10.6.Final", jar).runsOnClassPath()).isFalse();
        assertThat(new EmulatorBuild(boot, spring, null, jar).runsOnClassPath()).isTrue(); // a jar older than the check
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
        assertThat(new EmulatorBuild(null, null, null, plain).executableJar()).isEqualTo(executable);
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
        assertThat(new EmulatorBuild(null, null, null, classes).executableJar()).isEqualTo(newer);
    }

    @Test
    void noExecutableJarSaysWhereItLookedAndWhatToDo() throws IOException {
        Path plain = Files.createFile(dir.resolve("usagekit-emulator-0.1.0.jar"));
        assertThatThrownBy(() -> new EmulatorBuild(null, null, null, plain).executableJar())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("beside " + plain).hasMessageContaining("mvn install")
                .hasMessageContaining("-Dusagekit.emulator.jar=<path>");
    }

    @Test
    void theSystemPropertyNamesTheJar() throws IOException {
        Path named = Files.createFile(dir.resolve("elsewhere.jar"));
        WithSystemProperty.run(EmulatorBuild.JAR_PROPERTY, named.toString(),
                () -> assertThat(new EmulatorBuild(null, null, null, null).executableJar()).isEqualTo(named));
        WithSystemProperty.run(EmulatorBuild.JAR_PROPERTY, dir.resolve("missing.jar").toString(),
                () -> assertThatThrownBy(() -> new EmulatorBuild(null, null, null, null).executableJar())
                        .hasMessageContaining("missing.jar, which is no file"));
    }
}
