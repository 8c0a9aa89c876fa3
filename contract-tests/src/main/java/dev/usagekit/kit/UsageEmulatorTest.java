package dev.usagekit.kit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Runs the test class against a usagekit emulator on a random port, in the test JVM or, where its Spring Boot is not
 * the emulator's, in a JVM of its own ({@link #launch()}). One emulator is started per
 * distinct configuration and shared by every test class of the run; it is reset before each test. Test methods,
 * constructors and lifecycle methods can take {@link UsageEmulator} and {@link EmulatorControl} parameters.
 * <p>
 * Safe under JUnit's parallel execution: the classes that share an emulator run one at a time
 * ({@link UsageEmulatorExtension.OneTestPerEmulator}).
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(UsageEmulatorExtension.class)
@ResourceLock(providers = UsageEmulatorExtension.OneTestPerEmulator.class)
public @interface UsageEmulatorTest {

    /** Seed of all synthetic data ({@code emulator.seed}). */
    long seed() default 20240101L;

    /** Start instant of the virtual clock, e.g. {@code 2026-11-20T12:00:00Z}; empty for the system time. */
    String clock() default "";

    /** Keep the virtual clock still ({@code emulator.clock.frozen}). */
    boolean frozen() default false;

    /** {@code strict} verifies signatures; {@code off} accepts any signature (the access key still selects the account). */
    String signatureMode() default "strict";

    /** Enforce the documented QPS limits ({@code emulator.limits.enabled}). */
    boolean limits() default true;

    /**
     * The catalogue to start with and to restore on every reset ({@code emulator.fixtures}), as a Spring resource
     * location, e.g. {@code classpath:usagekit/fixtures/scenarios/outage-and-spike.yaml} or {@code file:my.yaml};
     * empty for the default catalogue.
     */
    String fixtures() default "";

    /** Any other settings, each {@code name=value} (e.g. {@code emulator.journal.size=50}). */
    String[] properties() default {};

    /**
     * Where the emulator runs: {@link Launch#AUTO} in this JVM when its Spring Boot is the emulator's, else in a JVM
     * of its own; the system property {@code usagekit.launch} decides for {@code AUTO}.
     */
    Launch launch() default Launch.AUTO;
}
