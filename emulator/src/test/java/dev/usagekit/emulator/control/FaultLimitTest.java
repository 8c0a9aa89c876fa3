package dev.usagekit.emulator.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.usagekit.emulator.core.CallTrace;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
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

    private static OptionalLong add(FaultInjector faults, String action, int times) {
        return faults.add(id -> new FaultInjector.Fault(id, action, null, "InternalError", 500, null, "down", times,
                1.0, FaultInjector.Latency.NONE));
    }

    private static List<Long> idsInForce(FaultInjector faults) {
        return faults.list().stream().map(f -> (Long) f.get("id")).toList();
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
        assertThat(add(two, RTC, -1)).hasValue(1);
        assertThat(add(two, TRANSCODE, 1)).hasValue(2);
        assertThat(add(two, RTC, -1)).as("past the limit").isEmpty();
        two.apply(TRANSCODE, "2100000001", new CallTrace()); // uses up fault 2

        assertThat(add(two, RTC, -1)).hasValue(3);
        assertThat(idsInForce(two)).containsExactly(1L, 3L);
        two.clear();
        assertThat(add(two, RTC, -1)).as("a clear does not start the ids over").hasValue(4);
    }

    /** The limit check and the id are taken together: racing adds stop at the limit and number 1 to it, in order. */
    @Test
    void concurrentAddsAroundTheLimitNeverPassItNorSkipAnId() throws Exception {
        int max = 5;
        FaultInjector limited = new FaultInjector(max);
        int threads = 4;
        int addsEach = 3;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<List<OptionalLong>>> adders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            adders.add(() -> {
                start.await();
                List<OptionalLong> answers = new ArrayList<>();
                for (int i = 0; i < addsEach; i++) {
                    answers.add(add(limited, RTC, -1));
                }
                return answers;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<OptionalLong> answers = new ArrayList<>();
        try {
            List<Future<List<OptionalLong>>> running = adders.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<List<OptionalLong>> adder : running) {
                answers.addAll(adder.get());
            }
        } finally {
            pool.shutdownNow();
        }

        List<Long> given = answers.stream().filter(OptionalLong::isPresent).map(OptionalLong::getAsLong).sorted()
                .toList();
        assertThat(given).containsExactlyElementsOf(LongStream.rangeClosed(1, max).boxed().toList());
        assertThat(answers).hasSize(threads * addsEach);
        assertThat(idsInForce(limited)).as("in the order they apply").containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> new FaultInjector(0)).hasMessage("must be at least 1: 0");
    }
}
