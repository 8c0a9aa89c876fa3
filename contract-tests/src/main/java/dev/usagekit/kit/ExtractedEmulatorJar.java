package dev.usagekit.kit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The emulator's executable jar extracted once per jar and JDK into a folder of the temporary directory, with a class
 * data sharing archive its first run writes at exit: a JVM of its own then starts in about half the time of
 * {@code java -jar} on the nested jar (Spring Boot's extracted layout is what CDS can archive). Folders of other
 * builds untouched for a day are removed; another test JVM extracting at the same time loses nothing (both move their
 * copy into place, one wins).
 */
final class ExtractedEmulatorJar {

    private static final String ARCHIVE = "classes.jsa";
    /** This kit's folders (and their halves being extracted): usagekit-emulator-, then 16 hex digits. */
    private static final Pattern STALE_NAME = Pattern.compile("usagekit-emulator-[0-9a-f]{16}(\\..*)?");
    private static final Duration EXTRACT_WAIT = Duration.ofSeconds(120);

    private final Path folder;

    ExtractedEmulatorJar(Path folder) {
        this.folder = folder;
    }

    /** The extracted copy of this jar for the running JDK, made now if missing; null when it cannot be made. */
    static ExtractedEmulatorJar of(Path executableJar, String java) {
        try {
            Path folder = Path.of(System.getProperty("java.io.tmpdir"), "usagekit-emulator-" + key(executableJar));
            Path application = folder.resolve(executableJar.getFileName());
            if (!Files.isRegularFile(application)) {
                extract(executableJar, java, folder);
            }
            return Files.isRegularFile(application) ? new ExtractedEmulatorJar(folder) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Changes with the jar (path, size, time) and the JDK, whose archives fit only itself. */
    private static String key(Path jar) throws IOException {
        String identity = jar.toAbsolutePath() + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis()
                + "|" + System.getProperty("java.home") + "|" + System.getProperty("java.vm.version");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void extract(Path executableJar, String java, Path folder) throws IOException {
        Path aside = Files.createTempDirectory(folder.getParent(), folder.getFileName() + ".");
        try {
            Process extraction = new ProcessBuilder(java, "-Djarmode=tools", "-jar",
                    executableJar.toAbsolutePath().toString(), "extract", "--force", "--destination", aside.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!extraction.waitFor(EXTRACT_WAIT.toSeconds(), TimeUnit.SECONDS) || extraction.exitValue() != 0) {
                extraction.destroyForcibly();
                return;
            }
            try {
                Files.move(aside, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(aside, folder);
            }
            removeStaleCopies(folder);
        } catch (IOException e) {
            // another JVM moved its copy into place first, or the folder cannot be written: plain java -jar then
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            deleteTree(aside);
        }
    }

    /** Copies of other builds or JDKs untouched for a day: each rebuild of the jar would leave about 80 MB behind. */
    static void removeStaleCopies(Path kept) {
        long dayAgo = System.currentTimeMillis() - Duration.ofDays(1).toMillis();
        try (var siblings = Files.list(kept.getParent())) {
            siblings.filter(sibling -> STALE_NAME.matcher(sibling.getFileName().toString()).matches())
                    .filter(sibling -> !sibling.equals(kept))
                    .filter(sibling -> {
                        try {
                            return Files.getLastModifiedTime(sibling).toMillis() < dayAgo;
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .forEach(ExtractedEmulatorJar::deleteTree);
        } catch (IOException e) {
            // left for the next extraction to try
        }
    }

    /** {@code -XX:SharedArchiveFile} once an earlier run wrote the archive, else the options that write it at exit. */
    List<String> jvmOptions(Path archiveBeingWritten) {
        Path archive = folder.resolve(ARCHIVE);
        return Files.isRegularFile(archive)
                ? List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off")
                : List.of("-XX:ArchiveClassesAtExit=" + archiveBeingWritten, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /** The application jar inside the folder, for {@code -jar}. */
    Path application(Path executableJar) {
        return folder.resolve(executableJar.getFileName());
    }

    /** After the run that wrote an archive ended: the archive into place for the next runs, whole or not at all. */
    void keepArchive(Path written) {
        try {
            if (Files.size(written) > 0 && !Files.exists(folder.resolve(ARCHIVE))) {
                Files.move(written, folder.resolve(ARCHIVE), StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            // another run's archive is in place, or none was written
        } finally {
            try {
                Files.deleteIfExists(written);
            } catch (IOException e) {
                // left in the temporary directory
            }
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // left in the temporary directory
        }
    }
}
