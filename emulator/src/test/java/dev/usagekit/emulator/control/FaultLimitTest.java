package dev.usagekit.emulator.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.usagekit.emulator.core.CallTrace;
import org.junit.jupiter.api.Test;

/** The faults in force at once are bounded: every call checks them all under one lock. */
class FaultLimitTest {

    private static final String TRANSCODE = "DescribeLiveTranscodeData";
    private static final String RTC = "ListOperationDistribution";

    private final FaultInjector faults = new FaultInjector(new ControlProperties().getFaults().getMax());

    private boolean addFault(String action, int times) {
        return faults.add(new FaultInjector.Fault(faults.nextId(), action, null, "InternalError", 500, null, "down",
                times, 1.0, FaultInjector.Latency.NONE));
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

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> new FaultInjector(0)).hasMessage("must be at least 1: 0");
    }
}
