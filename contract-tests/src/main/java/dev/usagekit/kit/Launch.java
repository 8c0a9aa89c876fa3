package dev.usagekit.kit;

import java.util.Locale;

/** Where the kit runs the emulator: in the test JVM, or in a JVM of its own. */
public enum Launch {

    /**
     * In this JVM when its Spring Boot, Spring Framework and Netty have the major and minor version the emulator was
     * built on (or the emulator comes from a classes folder, as in its own build); else in a JVM of its own. The system
     * property {@value #PROPERTY} ({@code this-jvm}, {@code separate-jvm}) decides instead when set.
     */
    AUTO,
    /** In the test JVM: the quickest start. Needs the emulator's Spring Boot on the class path. */
    THIS_JVM,
    /**
     * In a JVM of its own, started from the emulator's executable jar ({@code usagekit-emulator-<version>-exec.jar}):
     * whatever Spring Boot the test class path has, or none.
     */
    SEPARATE_JVM;

    /** The system property that decides for {@link #AUTO}. */
    public static final String PROPERTY = "usagekit.launch";

    /** This launch; for {@link #AUTO}, the system property's or else what the class path allows. */
    Launch resolved() {
        if (this != AUTO) {
            return this;
        }
        Launch asked = parse(System.getProperty(PROPERTY));
        if (asked != AUTO) {
            return asked;
        }
        return EmulatorBuild.onClassPath().runsOnClassPath() ? THIS_JVM : SEPARATE_JVM;
    }

    /** {@code this-jvm}, {@code THIS_JVM}, {@code separate-jvm}, ...; blank or absent is {@link #AUTO}. */
    static Launch parse(String text) {
        if (text == null || text.isBlank()) {
            return AUTO;
        }
        String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Launch launch : values()) {
            if (launch.name().equals(name)) {
                return launch;
            }
        }
        throw new IllegalArgumentException(PROPERTY + ": \"" + text + "\" is not one of auto, this-jvm, separate-jvm");
    }
}
