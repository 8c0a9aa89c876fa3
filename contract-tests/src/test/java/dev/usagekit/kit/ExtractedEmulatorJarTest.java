package dev.usagekit.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
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

    /** A rebuild's copy replaces the copies of the same jar path at once; others go when untouched for a day. */
    @Test
    void aNewCopyReplacesThoseOfTheSameJarAndCopiesUntouchedForADay() throws IOException {
        Path kept = copy("emulator-00000000000000aa", "/repo/usagekit-emulator-exec.jar");
        Path sameJar = copy("emulator-00000000000000bb", "/repo/usagekit-emulator-exec.jar");
        Path otherJarRecent = copy("emulator-00000000000000cc", "/elsewhere/usagekit-emulator-exec.jar");
        Path otherJarOld = copy("emulator-00000000000000dd", "/elsewhere/usagekit-emulator-exec.jar");
        Path halfExtracted = Files.createDirectories(run.resolve("emulator-00000000000000ee.123"));
        Path someoneElses = Files.createDirectories(run.resolve("emulator-logs"));
        Instant now = Instant.parse("2026-12-02T12:00:00Z");
        for (Path recent : List.of(kept, sameJar, otherJarRecent)) {
            Files.setLastModifiedTime(recent, FileTime.from(now.minus(Duration.ofHours(1))));
        }
        for (Path old : List.of(otherJarOld, halfExtracted, someoneElses)) {
            Files.setLastModifiedTime(old, FileTime.from(now.minus(Duration.ofDays(2))));
        }
        ExtractedEmulatorJar.removeReplacedCopies(kept, "/repo/usagekit-emulator-exec.jar", now);
        assertThat(kept).exists();
        assertThat(sameJar).doesNotExist();
        assertThat(otherJarRecent).exists();
        assertThat(otherJarOld).doesNotExist();
        assertThat(halfExtracted).doesNotExist();
        assertThat(someoneElses).exists();
    }

    private Path copy(String name, String source) throws IOException {
        Path copy = Files.createDirectories(run.resolve(name));
        Files.writeString(copy.resolve("source"), source);
        Files.writeString(copy.resolve("classes.jsa"), "x");
        return copy;
    }

    /** What the folder holds is run: the user's own cache, not the temporary directory other users share. */
    @Test
    void theCopiesLiveInTheUsersCacheFolder() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) { // the user's choice, wherever it is
            assertThat(ExtractedEmulatorJar.cacheFolder()).isEqualTo(Path.of(xdg, "usagekit"));
            return;
        }
        assertThat(ExtractedEmulatorJar.cacheFolder())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "usagekit"));
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
        assertThat(ExtractedEmulatorJar.cacheFolder().startsWith(temporary)).isFalse();
    }

    @Test
    void aDiscardedArchiveIsWrittenAgainByTheNextRun() throws IOException {
        ExtractedEmulatorJar extracted = new ExtractedEmulatorJar(folder);
        Files.write(folder.resolve("classes.jsa"), new byte[] {1});
        assertThat(extracted.hasArchive()).isTrue();
        extracted.discardArchive();
        assertThat(extracted.hasArchive()).isFalse();
        assertThat(extracted.jvmOptions(run.resolve("new.jsa"))).contains("-XX:ArchiveClassesAtExit=" + run.resolve("new.jsa"));
    }

    @Test
    void aJarThatCannotBeExtractedRunsAsItIs() throws IOException {
        Path notAJar = Files.writeString(run.resolve("usagekit-emulator-broken-exec.jar"), "not a jar");
        assertThat(ExtractedEmulatorJar.of(notAJar, Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), Clock.systemUTC())).isNull();
    }
}
