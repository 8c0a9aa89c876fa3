package dev.usagekit.kit;

import java.io.File;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The emulator on the test class path: the Spring Boot, Spring Framework and Netty its jar was built on (all null
 * from a classes folder) and where it lies, which is where its executable jar is found. Read without loading any of
 * its classes, since on another Spring Boot they may not load.
 *
 * @param builtOnNetty null also for a jar built before its manifest named Netty
 * @param location the jar or classes folder holding the emulator's classes; null when they are not on the class path
 * @param stamp the version and build time of its jar, which the executable jar must carry too; null when unknown
 */
record EmulatorBuild(String builtOnBoot, String builtOnSpring, String builtOnNetty, Path location, Stamp stamp) {

    /** Names the executable jar when it is not beside the emulator's plain jar. */
    static final String JAR_PROPERTY = "usagekit.emulator.jar";
    private static final String CLASS_FILE = "dev/usagekit/emulator/EmulatorApplication.class";
    private static final Pattern EXECUTABLE_JAR = Pattern.compile("usagekit-emulator.*-exec\\.jar");
    /** Each Netty jar's own versions file; netty-transport's names the version of Reactor Netty's event loops. */
    private static final String NETTY_VERSIONS = "META-INF/io.netty.versions.properties";
    private static final String COORDINATES = "dev.usagekit:usagekit-emulator";

    private static final class OnClassPath {
        static final EmulatorBuild BUILD = read();
    }

    static EmulatorBuild onClassPath() {
        return OnClassPath.BUILD;
    }

    private static EmulatorBuild read() {
        URL classFile = EmulatorBuild.class.getClassLoader().getResource(CLASS_FILE);
        if (classFile == null) {
            return new EmulatorBuild(null, null, null, null, null);
        }
        if (!"jar".equals(classFile.getProtocol())) {
            return new EmulatorBuild(null, null, null, classesFolder(classFile), null);
        }
        try {
            JarURLConnection connection = (JarURLConnection) classFile.openConnection();
            connection.setUseCaches(false);
            Path jar = Path.of(connection.getJarFileURL().toURI());
            Manifest manifest = connection.getManifest();
            Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
            return new EmulatorBuild(main.getValue("Spring-Boot-Version"), main.getValue("Spring-Framework-Version"),
                    main.getValue("Netty-Version"), jar, Stamp.of(main));
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return new EmulatorBuild(null, null, null, null, null);
        }
    }

    private static Path classesFolder(URL classFile) {
        try {
            Path file = Path.of(classFile.toURI());
            return file.getRoot().resolve(file.subpath(0, file.getNameCount() - 4)); // dev/usagekit/emulator/X.class
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /**
     * True when the emulator can run in this JVM: it comes from a classes folder (its own build's class path), or the
     * class path's Spring Boot, Spring Framework and Netty have the major and minor version it was built on. Netty is
     * checked apart from Spring because a library without Spring (Pact JVM's gRPC, say) brings an older one nearer.
     */
    boolean runsOnClassPath() {
        if (location == null) {
            return false;
        }
        return builtOnBoot == null && builtOnSpring == null
                || runsOn(builtOnBoot, runningVersion("org.springframework.boot.SpringBootVersion"))
                        && runsOn(builtOnSpring, runningVersion("org.springframework.core.SpringVersion"))
                        && (builtOnNetty == null || runsOn(builtOnNetty, runningNetty()));
    }

    /** Same major and minor version; false when either is unknown. */
    static boolean runsOn(String builtOn, String running) {
        return builtOn != null && running != null && majorMinor(builtOn).equals(majorMinor(running));
    }

    private static String majorMinor(String version) {
        int first = version.indexOf('.');
        int second = first < 0 ? -1 : version.indexOf('.', first + 1);
        return second < 0 ? version : version.substring(0, second);
    }

    /** The {@code getVersion()} of Spring's version class, by reflection: null when it is absent or knows none. */
    private static String runningVersion(String versionClass) {
        try {
            return (String) Class.forName(versionClass, false, EmulatorBuild.class.getClassLoader())
                    .getMethod("getVersion").invoke(null);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }

    /** The class path's netty-transport version, from its versions file, without loading a class; null if none. */
    static String runningNetty() {
        try {
            var files = EmulatorBuild.class.getClassLoader().getResources(NETTY_VERSIONS);
            while (files.hasMoreElements()) {
                Properties versions = new Properties();
                try (var in = files.nextElement().openStream()) {
                    versions.load(in);
                }
                String version = versions.getProperty("netty-transport.version");
                if (version != null) {
                    return version;
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /**
     * The emulator's executable jar: the one {@value #JAR_PROPERTY} names, else one on the class path, else the one
     * beside the emulator's plain jar ({@code X.jar} and {@code X-exec.jar}, as {@code mvn install} puts them in the
     * local repository) or in the folder above its classes folder (a build's {@code target}).
     *
     * @throws IllegalStateException when there is none, saying where it looked, or when it is of another build than
     *     the emulator's jar on the class path, naming both and what to change
     */
    Path executableJar() {
        String named = System.getProperty(JAR_PROPERTY);
        if (named != null && !named.isBlank()) {
            Path jar = Path.of(named.trim());
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(JAR_PROPERTY + " names " + jar.toAbsolutePath() + ", which is no file");
            }
            return ofThisBuild(jar, Found.NAMED);
        }
        Optional<Path> onClassPath = onClassPath(System.getProperty("java.class.path", ""));
        if (onClassPath.isPresent()) {
            return ofThisBuild(onClassPath.get(), Found.ON_CLASS_PATH);
        }
        Path beside = besideLocation().orElseThrow(() -> new IllegalStateException(
                "the emulator's executable jar (usagekit-emulator-<version>-exec.jar) is not on the class path nor "
                        + (location == null ? "anywhere the kit knows" : "beside " + location)
                        + "; `mvn install` of usagekit puts it beside the plain jar, or name it with -D" + JAR_PROPERTY
                        + "=<path>"));
        return ofThisBuild(beside, Found.BESIDE);
    }

    /** Where the executable jar was found, which says what brings the one of the class path's build instead. */
    private enum Found {
        NAMED, ON_CLASS_PATH, BESIDE;

        String howToFix(String version) {
            String dependency = COORDINATES + ":" + version + ":exec";
            return switch (this) {
                case NAMED -> "name the executable jar of that build with -D" + JAR_PROPERTY
                        + "=<path>, or leave it unset to take the one beside the plain jar";
                case ON_CLASS_PATH -> "make the exec dependency " + dependency
                        + ", and for a SNAPSHOT fetch both anew (Maven's -U, Gradle's --refresh-dependencies)";
                case BESIDE -> "`mvn install` usagekit again, which puts the two jars of one build side by side,"
                        + " or add " + dependency + " to your test dependencies, or name the right jar with -D"
                        + JAR_PROPERTY + "=<path>";
            };
        }
    }

    /**
     * The executable jar, when its manifest stamp is that of the emulator's jar on the class path: another build would
     * answer otherwise than the kit's assertions and schemas expect. Not checked from a classes folder, which has no
     * manifest.
     */
    private Path ofThisBuild(Path executableJar, Found found) {
        if (stamp == null || stamp.version() == null) {
            return executableJar;
        }
        Stamp executable = Stamp.ofJar(executableJar);
        if (!executable.sameBuildAs(stamp)) {
            throw new IllegalStateException("the emulator's executable jar " + executableJar.toAbsolutePath()
                    + " is " + executable + ", not the build of the emulator on the class path, " + location + ", "
                    + stamp + ", whose answers the kit's assertions and schemas expect: "
                    + found.howToFix(stamp.version()));
        }
        return executableJar;
    }

    /**
     * What a jar's manifest says of the build that made it. The executable jar is repackaged from the plain jar, so
     * the two of one build carry the same version and time; the time tells two builds of one SNAPSHOT apart.
     *
     * @param version null when the manifest has none (not the emulator's jar)
     * @param builtAt null for a jar built before its manifest had the time
     */
    record Stamp(String version, String builtAt) {

        static final String BUILT_AT = "Build-Time";

        static Stamp of(Attributes main) {
            return new Stamp(main.getValue(Attributes.Name.IMPLEMENTATION_VERSION), main.getValue(BUILT_AT));
        }

        /** The stamp of a jar's manifest; all null when it cannot be read. */
        static Stamp ofJar(Path jar) {
            try (JarFile file = new JarFile(jar.toFile(), false)) {
                Manifest manifest = file.getManifest();
                return of(manifest == null ? new Attributes() : manifest.getMainAttributes());
            } catch (IOException | RuntimeException e) {
                return new Stamp(null, null);
            }
        }

        /** The same version and build time; two jars built before the time was written, by their version alone. */
        boolean sameBuildAs(Stamp other) {
            return version != null && version.equals(other.version) && Objects.equals(builtAt, other.builtAt);
        }

        /** As the refusal names it: {@code 0.1.0-SNAPSHOT built 2026-12-03T09:30:12Z}. */
        @Override
        public String toString() {
            if (version == null) {
                return "a file with no Implementation-Version in a manifest";
            }
            return version + (builtAt == null ? " (no build time)" : " built " + builtAt);
        }
    }

    /** An executable jar among the entries of a class path (as Gradle users add it: the {@code exec} classifier). */
    static Optional<Path> onClassPath(String classPath) {
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry);
            if (path.getFileName() != null && EXECUTABLE_JAR.matcher(path.getFileName().toString()).matches()
                    && Files.isRegularFile(path)) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }

    private Optional<Path> besideLocation() {
        if (location == null || location.getParent() == null) {
            return Optional.empty();
        }
        String name = location.getFileName().toString();
        if (name.endsWith(".jar")) {
            Path sibling = location.resolveSibling(name.substring(0, name.length() - ".jar".length()) + "-exec.jar");
            return Files.isRegularFile(sibling) ? Optional.of(sibling) : Optional.empty();
        }
        try (Stream<Path> files = Files.list(location.getParent())) {
            return files.filter(f -> EXECUTABLE_JAR.matcher(f.getFileName().toString()).matches())
                    .filter(Files::isRegularFile)
                    .max(Comparator.comparing(EmulatorBuild::modified));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
