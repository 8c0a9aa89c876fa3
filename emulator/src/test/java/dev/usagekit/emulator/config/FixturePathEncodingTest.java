package dev.usagekit.emulator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.usagekit.emulator.EmulatorApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A fixture path the JVM cannot turn into a file name (a non-ASCII name under LANG=C on JDK 17 fails the same way as
 * this NUL) gets the short report naming emulator.fixtures, not a page of bean-creation failures.
 */
@ExtendWith(OutputCaptureExtension.class)
class FixturePathEncodingTest {

    @Test
    void anUnrepresentablePathIsReportedAsTheSetting(CapturedOutput output) {
        assertThatThrownBy(() -> EmulatorApplication.standalone()
                .run("--server.port=0", "--emulator.fixtures=/tmp/\u0000catalogue.yaml").close())
                .hasStackTraceContaining(InvalidSettingException.class.getName());
        assertThat(output).contains("APPLICATION FAILED TO START").contains("Correct or remove emulator.fixtures");
    }
}
