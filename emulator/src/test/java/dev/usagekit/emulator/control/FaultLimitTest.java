package dev.usagekit.emulator.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.usagekit.emulator.core.CallTrace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The faults in force at once are bounded (every call checks them all under one lock), and numbered as added. */
class FaultLimitTest {

    private static final String TRANSCODE = "DescribeLiveTranscodeData";
    private static final String RTC = "ListOperationDistribution";

    private final FaultInjector faults = new FaultInjector(new ControlProperties().getFaults().getMax());

    private boolean addFault(String action, int times) {
        return add(faults, action, times).isPresent();
    }

    /** The id the fault got, empty when refused. */
    private static Optional<Long> add(FaultInjector faults, String action, int times) {
        return adding(faults, action, times).map(FaultInjector.Added::id);
    }

    private static Optional<FaultInjector.Added> adding(FaultInjector faults, String action, int times) {
        return faults.add(id -> new FaultInjector.Fault(id, action, null, "InternalError", 500, null, "down", times,
                1.0, FaultInjector.Latency.NONE));
    }

    private static List<Long> idsInForce(FaultInjector faults) {
        return ids(faults.list());
    }

    private static List<Long> ids(List<Map<String, Object>> described) {
        return described.stream().map(f -> (Long) f.get("id")).toList();
    }

    @Test
    void aThousandFaultsAreTakenByDefaultAndTheOneAfterIsRefused() {
        for (int i = 0; i < 999; i++) {
            assertThat(addFault(RTC, -1)).as("fault %d", i + 1).isTrue();
        }
        assertThat(addFault(TRANSCODE, 1)).as("the thousandth").isTrue();

        assertThat(addFault(RTC, -1)).as("one past the limit").isFalse();
        assertThat(faults.list()).hasSize(1000);
    }

    @Test
    void aFaultWhoseTimesAreUsedUpNoLongerCounts() {
        for (int i = 0; i < 999; i++) {
            addFault(RTC, -1);
        }
        addFault(TRANSCODE, 1);
        assertThat(faults.apply(TRANSCODE, "2100000001", new CallTrace())).isNotNull();

        assertThat(addFault(RTC, -1)).isTrue();
        assertThat(addFault(RTC, -1)).isFalse();
    }

    @Test
    void clearingMakesRoomForAsManyAgain() {
        for (int i = 0; i < 1000; i++) {
            addFault(RTC, -1);
        }
        faults.clear();

        for (int i = 0; i < 1000; i++) {
            assertThat(addFault(RTC, -1)).as("fault %d after the clear", i + 1).isTrue();
        }
        assertThat(addFault(RTC, -1)).isFalse();
    }

    /** A script reads the ids back (the answer's added, the journal's fault ids): a refusal must not skip one. */
    @Test
    void aRefusedFaultTakesNoIdSoTheNextAddedFollowsOn() {
        FaultInjector two = new FaultInjector(2);
        assertThat(add(two, RTC, -1)).contains(1L);
        assertThat(add(two, TRANSCODE, 1)).contains(2L);
        assertThat(add(two, RTC, -1)).as("past the limit").isEmpty();
        two.apply(TRANSCODE, "2100000001", new CallTrace()); // uses up fault 2

        assertThat(add(two, RTC, -1)).contains(3L);
        assertThat(idsInForce(two)).containsExactly(1L, 3L);
        two.clear();
        assertThat(add(two, RTC, -1)).as("a clear does not start the ids over").contains(4L);
    }

    /**
     * POST /faults answers with the faults in force as it added its own: a later call using up a {@code times:1}
     * fault, or another caller's add, is not in that list, while GET /faults shows both.
     */
    @Test
    void anAddListsTheFaultsInForceRightAfterIt() {
        add(faults, TRANSCODE, 1);
        FaultInjector.Added second = adding(faults, RTC, -1).orElseThrow();
        faults.apply(TRANSCODE, "2100000001", new CallTrace()); // uses up fault 1
        add(faults, RTC, -1);

        assertThat(second.id()).isEqualTo(2);
        assertThat(ids(second.inForce())).containsExactly(1L, 2L);
        assertThat(second.inForce().get(0)).containsEntry("timesLeft", 1);
        assertThat(idsInForce(faults)).containsExactly(2L, 3L);
    }

    /**
     * The limit check, the id and the list answered are taken together: racing adds stop at the limit and number 1 to
     * it, in order, and each lists the faults up to its own, none added after it.
     */
    @Test
    void concurrentAddsAroundTheLimitNeverPassItNorSkipAnId() throws Exception {
        int max = 5;
        FaultInjector limited = new FaultInjector(max);
        int threads = 4;
        int addsEach = 3;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<List<Optional<FaultInjector.Added>>>> adders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            adders.add(() -> {
                start.await();
                List<Optional<FaultInjector.Added>> answers = new ArrayList<>();
                for (int i = 0; i < addsEach; i++) {
                    answers.add(adding(limited, RTC, -1));
                }
                return answers;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Optional<FaultInjector.Added>> answers = new ArrayList<>();
        try {
            List<Future<List<Optional<FaultInjector.Added>>>> running = adders.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<List<Optional<FaultInjector.Added>>> adder : running) {
                answers.addAll(adder.get());
            }
        } finally {
            pool.shutdownNow();
        }

        List<FaultInjector.Added> added = answers.stream().flatMap(Optional::stream).toList();
        assertThat(added.stream().map(FaultInjector.Added::id).sorted())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, max).boxed().toList());
        assertThat(answers).hasSize(threads * addsEach);
        assertThat(idsInForce(limited)).as("in the order they apply").containsExactly(1L, 2L, 3L, 4L, 5L);
        for (FaultInjector.Added a : added) {
            assertThat(ids(a.inForce())).as("the list answered with fault %d", a.id())
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, a.id()).boxed().toList());
        }
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> new FaultInjector(0)).hasMessage("must be at least 1: 0");
    }
}
