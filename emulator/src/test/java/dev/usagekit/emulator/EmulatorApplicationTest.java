package dev.usagekit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.context.aot.AotApplicationContextInitializer;

class EmulatorApplicationTest {

    /**
     * Netty's allocator JFR events, its leak sampling and its low-memory mode (no pool for the answers' buffers), off
     * in the emulator's process, from classes or a jar.
     */
    @ParameterizedTest
    @CsvSource({"io.netty.jfr.enabled, false, true, false", "io.netty.jfr.enabled, false, true, true",
            "io.netty.leakDetection.level, disabled, paranoid, false",
            "io.netty.leakDetection.level, disabled, simple, true",
            "io.netty.allocator.lowMemory, false, true, false", "io.netty.allocator.lowMemory, false, true, true"})
    void nettysCostlyExtrasAreOffUnlessAskedFor(String property, String byDefault, String asked, boolean builtJar) {
        Properties unset = new Properties();
        EmulatorApplication.applyProcessDefaults(unset, builtJar);
        assertThat(unset.getProperty(property)).isEqualTo(byDefault);

        Properties given = new Properties();
        given.setProperty(property, asked);
        EmulatorApplication.applyProcessDefaults(given, builtJar);
        assertThat(given.getProperty(property)).isEqualTo(asked);
    }

    @Test
    void theBuiltJarStartsWithItsAheadOfTimeDefinitionsAndLazyBeans() {
        Properties fromJar = new Properties();
        EmulatorApplication.applyProcessDefaults(fromJar, true);
        assertThat(fromJar.getProperty(EmulatorApplication.SPRING_AOT)).isEqualTo("true");
        assertThat(fromJar.getProperty(EmulatorApplication.LAZY_BEANS)).isEqualTo("true");

        Properties overridden = new Properties();
        overridden.setProperty(EmulatorApplication.SPRING_AOT, "false");
        overridden.setProperty(EmulatorApplication.LAZY_BEANS, "false");
        EmulatorApplication.applyProcessDefaults(overridden, true);
        assertThat(overridden.getProperty(EmulatorApplication.SPRING_AOT)).isEqualTo("false");
        assertThat(overridden.getProperty(EmulatorApplication.LAZY_BEANS)).isEqualTo("false");
    }

    @Test
    void aClassesFolderKeepsSpringsDefaults() {
        Properties fromClasses = new Properties();
        EmulatorApplication.applyProcessDefaults(fromClasses, false);
        assertThat(fromClasses.getProperty(EmulatorApplication.SPRING_AOT)).isNull();
        assertThat(fromClasses.getProperty(EmulatorApplication.LAZY_BEANS)).isNull();
        // tests run from target/classes, where the written definitions can be older than the code
        assertThat(EmulatorApplication.runsFromBuiltJar()).isFalse();
    }

    @Test
    void inASharedJvmTheBuiltJarStartsOnItsWrittenDefinitionsSetOnThisApplicationAlone() {
        SpringApplication aheadOfTime = EmulatorApplication.inSharedJvm(true);

        assertThat(aheadOfTime.getInitializers()).anyMatch(AotApplicationContextInitializer.class::isInstance);
        assertThat(aheadOfTime.getMainApplicationClass()).isEqualTo(EmulatorApplication.class);
        assertThat(System.getProperty(EmulatorApplication.SPRING_AOT)).isNull();
        assertThat(System.getProperty(EmulatorApplication.LAZY_BEANS)).isNull();
    }

    @Test
    void inASharedJvmAClassesFolderStartsAsSpringDecides() {
        SpringApplication plain = EmulatorApplication.inSharedJvm(false);

        assertThat(plain.getInitializers()).noneMatch(AotApplicationContextInitializer.class::isInstance);
        // with -Dspring.aot.enabled=true Spring looks for the written definitions next to the main class: ours, not
        // the test runner's
        assertThat(plain.getMainApplicationClass()).isEqualTo(EmulatorApplication.class);
        assertThat(EmulatorApplication.inSharedJvm().getInitializers())
                .noneMatch(AotApplicationContextInitializer.class::isInstance);
    }

    @Test
    void theWrittenDefinitionsAreOnlyUsedOnTheSpringTheyWereWrittenFor() {
        assertThat(EmulatorApplication.sameSpring("7.0.9", "7.0.9")).isTrue();
        assertThat(EmulatorApplication.sameSpring("7.0.9", "7.0.6")).isFalse();
        // a repackaged Spring without its version, or a jar without the entry: cannot tell, so not used
        assertThat(EmulatorApplication.sameSpring("7.0.9", null)).isFalse();
        assertThat(EmulatorApplication.sameSpring(null, "7.0.9")).isFalse();
        assertThat(EmulatorApplication.sameSpring(null, null)).isFalse();
        // from target/classes there is no jar manifest to read
        assertThat(EmulatorApplication.builtOnSpring()).isNull();
    }
}
