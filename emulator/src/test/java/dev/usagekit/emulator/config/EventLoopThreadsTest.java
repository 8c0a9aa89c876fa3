package dev.usagekit.emulator.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.EmulatorApplication;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;

/** emulator.event-loop-threads: how many event loops serve the ports. */
class EventLoopThreadsTest {

    @ParameterizedTest(name = "setting {0} on {1} processors: {2} threads")
    @CsvSource(textBlock = """
            0,  1,  8
            0,  2,  8
            0,  8,  8
            0, 12, 12
            3,  2,  3
            1, 64,  1
            1024, 2, 1024
            """)
    void zeroPicksAtLeastEightAndOtherwiseTheSettingHolds(int setting, int processors, int threads) {
        assertThat(ApiPortConfiguration.eventLoopThreads(setting, processors)).isEqualTo(threads);
    }

    @Test
    void theServerRunsOnAsManyLoopsAsSet() {
        try (ConfigurableApplicationContext context = EmulatorApplication.standalone()
                .run("--server.port=0", "--emulator.event-loop-threads=3")) {
            var loops = context.getBean(ReactorResourceFactory.class).getLoopResources().onServer(true);
            assertThat(StreamSupport.stream(loops.spliterator(), false).count()).isEqualTo(3);
        }
    }
}
