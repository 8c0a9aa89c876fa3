package dev.usagekit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * A user's suite run with JUnit's parallel execution on: test classes that share an emulator must not reset or move
 * it under each other. The classes below run through JUnit's launcher inside this test (Surefire skips nested
 * classes whose names do not end in Test).
 */
class ParallelExecutionTest {

    /** Tests inside the shared emulator at this moment, and the most there ever were. */
    static final AtomicInteger INSIDE = new AtomicInteger();
    static final AtomicInteger MOST_INSIDE = new AtomicInteger();
    /** The threads the tests ran on: JUnit's parallel workers, or this one if parallel execution were off. */
    static final Set<String> THREADS = ConcurrentHashMap.newKeySet();
    /** A test on an emulator of another configuration is running now: it may, alongside the shared one's. */
    static volatile boolean elsewhereInside;
    /** A shared-emulator test saw that one running at the same time as itself. */
    static final CountDownLatch SEEN_ALONGSIDE = new CountDownLatch(1);
    static final AtomicBoolean ELSEWHERE_SAW_COMPANY = new AtomicBoolean();

    /** Sets the seed, gives other tests time to run, and expects the seed it set: a reset or seed of theirs fails it. */
    static void ownTheEmulatorFor(EmulatorControl control, long seed) throws InterruptedException {
        THREADS.add(Thread.currentThread().getName());
        MOST_INSIDE.accumulateAndGet(INSIDE.incrementAndGet(), Math::max);
        try {
            assertEquals(1_000_001, control.info().get("seed").asLong(), "reset before the test");
            control.seed(seed);
            Thread.sleep(150);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!elsewhereInside && System.nanoTime() < deadline && SEEN_ALONGSIDE.getCount() > 0) {
                Thread.sleep(10);
            }
            if (elsewhereInside) {
                SEEN_ALONGSIDE.countDown();
            }
            assertEquals(seed, control.info().get("seed").asLong(), "another test moved the shared emulator");
        } finally {
            INSIDE.decrementAndGet();
        }
    }

    @UsageEmulatorTest(signatureMode = "off", seed = 1_000_001)
    static class SharingOne {
        @Test
        void first(EmulatorControl control) throws InterruptedException {
            ownTheEmulatorFor(control, seedOfThisClass(1));
        }

        @Test
        void second(EmulatorControl control) throws InterruptedException {
            ownTheEmulatorFor(control, seedOfThisClass(2));
        }

        long seedOfThisClass(int test) {
            return (this instanceof SharingTwo ? 10 : 0) + test;
        }
    }

    /** The same configuration (the annotation is inherited) and the same two tests, with seeds of its own. */
    static class SharingTwo extends SharingOne {
    }

    /** Another configuration, so another emulator: nothing keeps it from running alongside the two classes above. */
    @UsageEmulatorTest(signatureMode = "off", seed = 2)
    static class Elsewhere {
        @Test
        void runsAlongside() throws InterruptedException {
            elsewhereInside = true;
            try {
                ELSEWHERE_SAW_COMPANY.set(SEEN_ALONGSIDE.await(20, TimeUnit.SECONDS));
            } finally {
                elsewhereInside = false;
            }
        }
    }

    @Test
    void classesSharingAnEmulatorRunOneTestAtATime() {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(SharingOne.class), selectClass(SharingTwo.class), selectClass(Elsewhere.class))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, listener);

        TestExecutionSummary summary = listener.getSummary();
        summary.getFailures().forEach(f -> f.getException().printStackTrace());
        assertEquals(5, summary.getTestsSucceededCount(), "tests passed");
        assertEquals(1, MOST_INSIDE.get(), "tests inside the shared emulator at once");
        // the one-at-a-time above means something only if classes did run alongside each other meanwhile
        assertTrue(ELSEWHERE_SAW_COMPANY.get(), "a class on another emulator ran alongside the shared one's");
        assertFalse(THREADS.contains(Thread.currentThread().getName()), "ran on the launching thread: " + THREADS);
    }
}
