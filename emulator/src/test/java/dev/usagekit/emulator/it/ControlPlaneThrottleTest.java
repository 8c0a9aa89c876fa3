package dev.usagekit.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Moving the emulator clock moves the throttle's refills too; limits of one account leave the others theirs. */
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

    private TestEmulator.Reply rtcOfDemo() {
        return emulator.volcengine("ListOperationDistribution", "2020-12-01", "rtc", TestEmulator.VOLC_AK, RTC_BODY);
    }

    private TestEmulator.Reply throttles(String body) {
        return emulator.post("/_emulator/throttles", body);
    }

    @Test
    void anAccountsOwnLowerLimitLeavesTheOtherAccountsTheirs() {
        TestEmulator.Reply set = throttles("{\"account\":\"second-tenant\",\"action\":\"ListOperationDistribution\","
                + "\"limit\":\"1/s\"}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().at("/accounts/2100000002/ListOperationDistribution").asString()).isEqualTo("1/s");
        assertThat(set.json().at("/actions/ListOperationDistribution").asString()).isEqualTo("2/s");

        assertThat(rtc().status()).isNotEqualTo(429);
        TestEmulator.Reply second = rtc();
        assertThat(second.status()).isEqualTo(429);
        assertThat(second.header("Retry-After")).isEqualTo("1");
        // the demo account keeps RTC's documented 2/s
        assertThat(rtcOfDemo().status()).isNotEqualTo(429);
        assertThat(rtcOfDemo().status()).isNotEqualTo(429);
        assertThat(rtcOfDemo().status()).isEqualTo(429);
        assertThat(emulator.get("/_emulator/journal?outcome=throttled&account=2100000002").json()
                .at("/entries/0/details/throttle/limit").asString()).isEqualTo("1/s");
    }

    @Test
    void anAccountsOwnHigherLimitRaisesItsQuotaOnly() {
        assertThat(throttles("{\"account\":\"2100000002\",\"action\":\"ListOperationDistribution\","
                + "\"limit\":\"10/s\"}").status()).isEqualTo(200);
        for (int i = 0; i < 10; i++) {
            assertThat(rtc().status()).as("call %d of 10", i + 1).isNotEqualTo(429);
        }
        assertThat(rtc().status()).isEqualTo(429);
        rtcOfDemo();
        rtcOfDemo();
        assertThat(rtcOfDemo().status()).isEqualTo(429);
    }

    @Test
    void anAccountsOwnLimitWinsOverTheActionsAndResetClearsBoth() {
        throttles("{\"action\":\"ListOperationDistribution\",\"limit\":\"off\"}");
        throttles("{\"account\":\"second-tenant\",\"action\":\"ListOperationDistribution\",\"limit\":\"1/s\"}");
        rtc();
        assertThat(rtc().status()).isEqualTo(429);
        for (int i = 0; i < 5; i++) {
            assertThat(rtcOfDemo().status()).isNotEqualTo(429);
        }

        emulator.post("/_emulator/reset", "");
        TestEmulator.Reply listed = emulator.get("/_emulator/throttles");
        assertThat(listed.json().get("accounts").isEmpty()).as(listed.body()).isTrue();
        assertThat(listed.json().at("/actions/ListOperationDistribution").asString()).isEqualTo("2/s");
        assertThat(rtc().status()).isNotEqualTo(429);
        assertThat(rtc().status()).isNotEqualTo(429);
    }

    @Test
    void anUnknownAccountOrAnAccountWithoutAnActionIsRefusedAndChangesNothing() {
        TestEmulator.Reply unknown = throttles("{\"account\":\"nobody\",\"action\":\"ListOperationDistribution\","
                + "\"limit\":\"1/s\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("no account nobody").contains("second-tenant 2100000002");
        TestEmulator.Reply alone = throttles("{\"account\":\"demo\",\"enabled\":false}");
        assertThat(alone.status()).isEqualTo(400);
        assertThat(alone.body()).contains("account needs an action and a limit");
        TestEmulator.Reply listed = emulator.get("/_emulator/throttles");
        assertThat(listed.json().get("enabled").asBoolean()).isTrue();
        assertThat(listed.json().get("accounts").isEmpty()).isTrue();
    }

    /** Small journal check shared by the throttle tests. */
    static final class JsonNodeAssert {
        static void entries(TestEmulator e, String query, long expected) {
            assertThat(e.get("/_emulator/journal/count" + query).json().get("count").asLong()).isEqualTo(expected);
        }
    }
}
