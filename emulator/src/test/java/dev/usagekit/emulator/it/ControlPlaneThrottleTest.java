package dev.usagekit.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Moving the emulator clock moves the throttle's refills too. */
class ControlPlaneThrottleTest {

    private static final String RTC_BODY = "{\"AppId\":\"Your_AppId\",\"StartTime\":\"2026-11-17T00:00:00+08:00\","
            + "\"EndTime\":\"2026-11-19T00:00:00+08:00\",\"Indicator\":\"user_num\",\"Dimension\":\"province\"}";

    private final TestEmulator emulator = TestEmulator.throttled();

    @BeforeEach
    @AfterEach
    void reset() {
        assertThat(emulator.post("/_emulator/reset", "").status()).isEqualTo(200);
    }

    private TestEmulator.Reply rtc() {
        return emulator.volcengine("ListOperationDistribution", "2020-12-01", "rtc", "AKLTsecondtenant", RTC_BODY);
    }

    @Test
    void advancingTheClockRefillsTheBucket() {
        assertThat(rtc().status()).isNotEqualTo(429);
        assertThat(rtc().status()).isNotEqualTo(429);
        TestEmulator.Reply third = rtc();
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.json().at("/ResponseMetadata/Error/Code").asString()).isEqualTo("FlowLimitExceeded");
        assertThat(rtc().status()).isEqualTo(429); // the frozen clock never refills on its own

        emulator.post("/_emulator/clock", "{\"advance\":\"PT1S\"}");
        assertThat(rtc().status()).isNotEqualTo(429);
        JsonNodeAssert.entries(emulator, "?action=ListOperationDistribution&outcome=throttled", 2);
    }

    @Test
    void resetEmptiesTheBuckets() {
        rtc();
        rtc();
        assertThat(rtc().status()).isEqualTo(429);
        emulator.post("/_emulator/reset", "");
        assertThat(rtc().status()).isNotEqualTo(429);
    }

    /** Small journal check shared by the throttle tests. */
    static final class JsonNodeAssert {
        static void entries(TestEmulator e, String query, long expected) {
            assertThat(e.get("/_emulator/journal/count" + query).json().get("count").asLong()).isEqualTo(expected);
        }
    }
}
