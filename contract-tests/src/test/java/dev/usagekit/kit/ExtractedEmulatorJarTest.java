package dev.usagekit.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class data sharing archive: written by a first run, used by the next, and only ever whole. */
class ExtractedEmulatorJarTest {

    @TempDir
    Path folder;
    @TempDir
    Path run;

    @Test
    void aFirstRunWritesTheArchiveAndTheNextRunsShareIt() throws IOException {
        ExtractedEmulatorJar extracted = new ExtractedEmulatorJar(folder);
        Path written = run.resolve("classes.jsa");
        assertThat(extracted.jvmOptions(written)).contains("-XX:ArchiveClassesAtExit=" + written);

        Files.write(written, new byte[] {1, 2, 3});
        extracted.keepArchive(written);
        assertThat(written).doesNotExist();
        assertThat(extracted.jvmOptions(run.resolve("other.jsa")))
                .contains("-XX:SharedArchiveFile=" + folder.resolve("classes.jsa"))
                .noneMatch(option -> option.contains("ArchiveClassesAtExit"));
    }

    @Test
    void anEmptyArchiveIsNotKept() throws IOException {
        ExtractedEmulatorJar extracted = new ExtractedEmulatorJar(folder);
        Path written = Files.createFile(run.resolve("classes.jsa"));
        extracted.keepArchive(written);
        assertThat(folder.resolve("classes.jsa")).doesNotExist();
        assertThat(written).doesNotExist();
    }

    @Test
    void theArchiveInPlaceIsNotReplacedByALaterOne() throws IOException {
        ExtractedEmulatorJar extracted = new ExtractedEmulatorJar(folder);
        Files.write(folder.resolve("classes.jsa"), new byte[] {1});
        Path written = Files.write(run.resolve("classes.jsa"), new byte[] {2, 2});
        extracted.keepArchive(written);
        assertThat(Files.readAllBytes(folder.resolve("classes.jsa"))).containsExactly(1);
    }

    @Test
    void theApplicationJarIsTheExtractedOneOfTheSameName() {
        assertThat(new ExtractedEmulatorJar(folder).application(Path.of("/repo/usagekit-emulator-1-exec.jar")))
                .isEqualTo(folder.resolve("usagekit-emulator-1-exec.jar"));
    }

    @Test
    void copiesOfOtherBuildsUntouchedForADayAreRemoved() throws IOException {
        Path kept = Files.createDirectories(run.resolve("usagekit-emulator-00000000000000aa"));
        Path stale = Files.createDirectories(run.resolve("usagekit-emulator-00000000000000bb"));
        Files.writeString(stale.resolve("classes.jsa"), "x");
        Path recent = Files.createDirectories(run.resolve("usagekit-emulator-00000000000000cc"));
        Path halfExtracted = Files.createDirectories(run.resolve("usagekit-emulator-00000000000000dd.123"));
        Path someoneElses = Files.createDirectories(run.resolve("usagekit-emulator-logs"));
        FileTime twoDaysAgo = FileTime.from(Instant.now().minus(Duration.ofDays(2)));
        for (Path old : List.of(kept, stale, halfExtracted, someoneElses)) {
            Files.setLastModifiedTime(old, twoDaysAgo);
        }
        ExtractedEmulatorJar.removeStaleCopies(kept);
        assertThat(kept).exists();
        assertThat(stale).doesNotExist();
        assertThat(halfExtracted).doesNotExist();
        assertThat(recent).exists();
        assertThat(someoneElses).exists();
    }

    @Test
    void aJarThatCannotBeExtractedRunsAsItIs() throws IOException {
        Path notAJar = Files.writeString(run.resolve("usagekit-emulator-broken-exec.jar"), "not a jar");
        assertThat(ExtractedEmulatorJar.of(notAJar, Path.of(System.getProperty("java.home"), "bin", "java")
                .toString())).isNull();
    }
}
