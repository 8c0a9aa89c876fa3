package dev.usagekit.emulator.it;

import static dev.usagekit.emulator.it.ErrorEnvelopes.assertAliyunError;
import static dev.usagekit.emulator.it.ErrorEnvelopes.assertGatewayError;
import static dev.usagekit.emulator.it.ErrorEnvelopes.assertServiceError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThrottlingTest {

    private final TestEmulator emulator = TestEmulator.throttled();

    /** The throttled emulator's clock is frozen: a drained bucket would stay drained for the next test. */
    @BeforeEach
    void reset() {
        assertThat(emulator.post("/_emulator/reset", "").status()).isEqualTo(200);
    }

    @Test
    void rtcAdmitsTwoPerSecondThenFlowLimitExceeded() {
        String body = "{\"AppId\":\"Your_AppId\",\"StartTime\":\"2026-11-17T00:00:00+08:00\",\"EndTime\":"
                + "\"2026-11-19T00:00:00+08:00\",\"Indicator\":\"user_num\",\"Dimension\":\"province\"}";
        int ok = 0;
        TestEmulator.Reply last = null;
        for (int i = 0; i < 5; i++) {
            last = emulator.volcengine("ListOperationDistribution", "2020-12-01", "rtc", "AKLTsecondtenant", body);
            ok += last.status() == 200 || last.status() == 403 ? 1 : 0;
        }
        assertThat(ok).isEqualTo(2);
        assertGatewayError(last, 429, "FlowLimitExceeded", 100018);
        assertThat(last.header("Retry-After")).isEqualTo("1");
    }

    /** With emulator.rtc.qps-over-limit-code, RTC throttles with its own service code, which has no CodeN. */
    @Test
    void rtcCanThrottleWithItsOwnQpsOverLimitCode() {
        TestEmulator own = TestEmulator.named("rtc-qps-over-limit-code", "emulator.rtc.qps-over-limit-code=true");
        String body = "{\"AppId\":\"Your_AppId\",\"StartTime\":\"2026-11-19T00:00:00+08:00\",\"EndTime\":"
                + "\"2026-11-18T00:00:00+08:00\",\"Indicator\":\"user_num\",\"Dimension\":\"province\"}";
        for (int i = 0; i < 2; i++) {
            assertThat(own.volcengine("ListOperationDistribution", "2020-12-01", "rtc", TestEmulator.VOLC_AK, body)
                    .status()).isEqualTo(400);
        }
        TestEmulator.Reply throttled = own.volcengine("ListOperationDistribution", "2020-12-01", "rtc",
                TestEmulator.VOLC_AK, body);
        assertServiceError(throttled, 429, "FlowLimitExceeded.QPSOverLimit");
        assertThat(throttled.header("Retry-After")).isEqualTo("1");
    }

    /**
     * The quota of each Live action, exactly: the call after the last admitted one is throttled. The calls carry an end
     * before their start: the gateway throttles before the service reads the body, so a throttled call with a bad
     * parameter gets 429, not 400.
     */
    @ParameterizedTest
    @CsvSource({"DescribeLivePullToPushBandwidthData, 30, 1", "DescribeLiveTranscodeData, 100, 60"})
    void liveAdmitsItsDocumentedQuotaThenFlowLimitExceeded(String action, int quota, String retryAfter) {
        String body = "{\"StartTime\":\"2026-11-19T00:00:00+08:00\",\"EndTime\":\"2026-11-18T00:00:00+08:00\"}";
        for (int i = 0; i < quota; i++) {
            TestEmulator.Reply admitted = emulator.volcengine(action, "2023-01-01", "live", "AKLTsecondtenant", body);
            assertServiceError(admitted, 400, "InvalidParam");
        }
        TestEmulator.Reply throttled = emulator.volcengine(action, "2023-01-01", "live", "AKLTsecondtenant", body);
        assertGatewayError(throttled, 429, "FlowLimitExceeded", 100018);
        assertThat(throttled.header("Retry-After")).isEqualTo(retryAfter);
    }

    @Test
    void aliyunAdmitsFivePerSecondThenThrottlingUser() {
        String q = "/?Action=DescribeLiveProducerUsageData&Version=2016-11-01&AccessKeyId=LTAIsecondtenant&Format=JSON"
                + "&StartTime=2026-11-19T00:00:00Z&EndTime=2026-11-19T02:00:00Z";
        TestEmulator.Reply last = null;
        int ok = 0;
        for (int i = 0; i < 7; i++) {
            last = emulator.get(q);
            ok += last.status() == 200 ? 1 : 0;
        }
        assertThat(ok).isEqualTo(5);
        assertAliyunError(last, 400, "Throttling.User", "Request was denied due to user flow control.");
        assertThat(last.header("x-acs-retry-after")).as("milliseconds until the window turns").isEqualTo("1000");
    }
}
