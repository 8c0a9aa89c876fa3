package dev.usagekit.kit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The emulator's executable jar extracted once per jar and JDK into the user's cache folder, with a class data sharing
 * archive its first run writes at exit: a JVM of its own then starts in about half the time of {@code java -jar} on
 * the nested jar (Spring Boot's extracted layout is what CDS can archive). The folder is the user's own (what it holds
 * is run), not the shared temporary directory. A new build's copy replaces the copies of the same jar path; copies
 * untouched for a day go too. Another test JVM extracting at the same time loses nothing (both move their copy into
 * place, one wins).
 */
final class ExtractedEmulatorJar {

    private static final String ARCHIVE = "classes.jsa";
    /** The jar a copy was extracted from, so the next build's copy of it can replace it. */
    private static final String SOURCE = "source";
    private static final String PREFIX = "emulator-";
    /** This kit's copies (and their halves being extracted): emulator-, then 16 hex digits. */
    private static final Pattern COPY_NAME = Pattern.compile(PREFIX + "[0-9a-f]{16}(\\..*)?");
    private static final Duration EXTRACT_WAIT = Duration.ofSeconds(120);

    private final Path folder;

    ExtractedEmulatorJar(Path folder) {
        this.folder = folder;
    }

    /**
     * The extracted copy of this jar for the running JDK, made now if missing; null when it cannot be made.
     *
     * @param files the clock file ages are measured by: the system's, since files age in real time whatever the
     *     emulator's virtual clock says
     */
    static ExtractedEmulatorJar of(Path executableJar, String java, Clock files) {
        try {
            Path folder = cacheFolder().resolve(PREFIX + key(executableJar));
            Path application = folder.resolve(executableJar.getFileName());
            if (!Files.isRegularFile(application)) {
                Files.createDirectories(folder.getParent());
                extract(executableJar, java, folder, files.instant());
            }
            if (!Files.isRegularFile(application)) {
                return null;
            }
            Files.setLastModifiedTime(folder, FileTime.from(files.instant())); // in use
            return new ExtractedEmulatorJar(folder);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** {@code $XDG_CACHE_HOME/usagekit}, else {@code ~/.cache/usagekit}. */
    static Path cacheFolder() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("usagekit");
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

    private static void extract(Path executableJar, String java, Path folder, Instant now) throws IOException {
        Path aside = Files.createTempDirectory(folder.getParent(), folder.getFileName() + ".");
        Process extraction = null;
        try {
            extraction = new ProcessBuilder(java, "-Djarmode=tools", "-jar",
                    executableJar.toAbsolutePath().toString(), "extract", "--force", "--destination", aside.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!extraction.waitFor(EXTRACT_WAIT.toSeconds(), TimeUnit.SECONDS) || extraction.exitValue() != 0) {
                return;
            }
            Files.writeString(aside.resolve(SOURCE), executableJar.toAbsolutePath().toString());
            try {
                Files.move(aside, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(aside, folder);
            }
            removeReplacedCopies(folder, executableJar.toAbsolutePath().toString(), now);
        } catch (IOException e) {
            // another JVM moved its copy into place first, or the folder cannot be written: plain java -jar then
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (extraction != null && extraction.isAlive()) {
                extraction.destroyForcibly();
                try {
                    extraction.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            deleteTree(aside);
        }
    }

    /**
     * Other copies of the same jar path (each rebuild would leave about 80 MB behind), and copies of anything untouched
     * for a day.
     */
    static void removeReplacedCopies(Path kept, String source, Instant now) {
        long dayAgo = now.minus(Duration.ofDays(1)).toEpochMilli();
        try (var siblings = Files.list(kept.getParent())) {
            siblings.filter(sibling -> COPY_NAME.matcher(sibling.getFileName().toString()).matches())
                    .filter(sibling -> !sibling.equals(kept))
                    .filter(sibling -> source.equals(sourceOf(sibling)) || modified(sibling) < dayAgo)
                    .forEach(ExtractedEmulatorJar::deleteTree);
        } catch (IOException e) {
            // left for the next extraction to try
        }
    }

    private static String sourceOf(Path copy) {
        try {
            return Files.readString(copy.resolve(SOURCE));
        } catch (IOException e) {
            return null;
        }
    }

    private static long modified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Where the archive is kept. */
    Path archive() {
        return folder.resolve(ARCHIVE);
    }

    /** True once an earlier run's archive is in place. */
    boolean hasArchive() {
        return Files.isRegularFile(archive());
    }

    /** {@code -XX:SharedArchiveFile} once an earlier run wrote the archive, else the options that write it at exit. */
    List<String> jvmOptions(Path archiveBeingWritten) {
        return hasArchive()
                ? List.of("-XX:SharedArchiveFile=" + folder.resolve(ARCHIVE), "-Xlog:cds=off", "-Xlog:cds+dynamic=off")
                : List.of("-XX:ArchiveClassesAtExit=" + archiveBeingWritten, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /** The application jar inside the folder, for {@code -jar}. */
    Path application(Path executableJar) {
        return folder.resolve(executableJar.getFileName());
    }

    /**
     * After the run that wrote an archive stopped cleanly (a JVM stopped in the middle of writing leaves part of one,
     * which the next JVM would refuse or, cut short, crash on): the archive into place for the next runs.
     */
    void keepArchive(Path written) {
        try {
            if (Files.size(written) > 0 && !hasArchive()) {
                Files.move(written, folder.resolve(ARCHIVE), StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            // another run's archive is in place, or none was written
        } finally {
            try {
                Files.deleteIfExists(written);
            } catch (IOException e) {
                // left in the run's temporary folder
            }
        }
    }

    /** After a JVM on the archive crashed: the next start writes a new one. */
    void discardArchive() {
        try {
            Files.deleteIfExists(folder.resolve(ARCHIVE));
        } catch (IOException e) {
            // the next start tries again
        }
    }

    /** The folder and everything in it, as far as it goes. */
    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // left behind
        }
    }
}
