package dev.usagekit.contract.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.volcengine.model.live.v20230101.DescribeLiveTranscodeDataRes;
import dev.usagekit.kit.EmulatorControl;
import dev.usagekit.kit.UsageEmulator;
import dev.usagekit.kit.UsageEmulatorTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The README's kit setup for a pinned clock with strict signatures: the emulator's clock frozen at a fixed date, the
 * SDK signing with the machine's time, every call passing through the wide window and still verified.
 */
@Tag("signature")
@UsageEmulatorTest(clock = "2026-11-20T12:00:00Z", frozen = true, properties = "emulator.signature-time-window=3650d")
class MovedClockKitTest {

    @Test
    void anSdkSigningWithTheMachinesTimeGetsDataOfThePinnedDates(UsageEmulator emulator, EmulatorControl control)
            throws Exception {
        DescribeLiveTranscodeDataRes res = VolcengineSdkTest.live(emulator.port(), emulator.volcSecretKey())
                .describeLiveTranscodeData(VolcengineSdkTest.transcodeBody(LocalDate.parse("2026-11-17"),
                        LocalDate.parse("2026-11-19")));

        assertThat(res.getResponseMetadata().getError()).isNull();
        assertThat(res.getResult().getTranscodeDataList()).isNotEmpty();
        assertThat(control.lastCall("DescribeLiveTranscodeData").at("/details/signature").asString())
                .isEqualTo("verified");
    }

    @Test
    void aWrongSecretIsStillRefused(UsageEmulator emulator) {
        var live = VolcengineSdkTest.live(emulator.port(), "not-the-secret");

        assertThatThrownBy(() -> live.describeLiveTranscodeData(
                VolcengineSdkTest.transcodeBody(LocalDate.parse("2026-11-17"), LocalDate.parse("2026-11-19"))))
                .hasMessageContaining("SignatureDoesNotMatch");
    }
}
