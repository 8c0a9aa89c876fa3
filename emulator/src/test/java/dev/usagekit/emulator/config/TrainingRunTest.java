package dev.usagekit.emulator.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.core.ActionRegistry;
import dev.usagekit.emulator.it.TestEmulator;
import dev.usagekit.emulator.time.EmulatorClock;
import org.junit.jupiter.api.Test;

/** The launcher's training run against a strict emulator: if an action breaks, so does the training run. */
class TrainingRunTest {

    private final TestEmulator emulator = TestEmulator.strictNow();

    private TrainingRun trainingRun() {
        return new TrainingRun(emulator.context().getEnvironment(), emulator.context().getBean(EmulatorClock.class));
    }

    @Test
    void everyCallIsAnsweredAsExpected() {
        assertThat(trainingRun().exercise(emulator.port())).isEmpty();
    }

    @Test
    void everyActionIsTrained() {
        var trained = trainingRun().calls(emulator.port()).stream().map(TrainingRun.Call::name).toList();
        var actions = emulator.context().getBean(ActionRegistry.class).all().stream().map(h -> h.spec().action())
                .toList();
        assertThat(trained).containsAll(actions).contains("bad signature", "health");
    }

    @Test
    void anActionAnsweringAnErrorFailsTheTrainingRun() {
        var fault = emulator.post("/_emulator/faults", "{\"action\":\"DescribeLiveTranscodeData\",\"code\":"
                + "\"InternalError\",\"status\":500,\"times\":1}");
        assertThat(fault.status()).isEqualTo(200);
        try {
            assertThat(trainingRun().exercise(emulator.port())).singleElement().asString()
                    .startsWith("DescribeLiveTranscodeData: expected HTTP 200, got 500");
        } finally {
            emulator.delete("/_emulator/faults");
        }
    }
}
