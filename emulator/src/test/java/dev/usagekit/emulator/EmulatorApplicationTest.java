package dev.usagekit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class EmulatorApplicationTest {

    @Test
    void nettysAllocatorEventsAreOffUnlessAskedFor() {
        Properties unset = new Properties();
        EmulatorApplication.applyProcessDefaults(unset);
        assertThat(unset.getProperty(EmulatorApplication.NETTY_JFR_EVENTS)).isEqualTo("false");

        Properties asked = new Properties();
        asked.setProperty(EmulatorApplication.NETTY_JFR_EVENTS, "true");
        EmulatorApplication.applyProcessDefaults(asked);
        assertThat(asked.getProperty(EmulatorApplication.NETTY_JFR_EVENTS)).isEqualTo("true");
    }
}
