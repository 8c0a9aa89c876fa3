package dev.usagekit.emulator.it;

import static dev.usagekit.emulator.it.ErrorEnvelopes.assertAliyunError;
import static dev.usagekit.emulator.it.ErrorEnvelopes.assertGatewayError;
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
        assertGatewayError(third, 429, "FlowLimitExceeded", 100018);
        assertThat(rtc().status()).isEqualTo(429); // the frozen clock never refills on its own

        emulator.post("/_emulator/clock", "{\"advance\":\"PT1S\"}");
        assertThat(rtc().status()).isNotEqualTo(429);
        JsonNodeAssert.entries(emulator, "?action=ListOperationDistribution&outcome=throttled", 2);
    }

    @Test
    void bucketsStillRefillOnceTheClockPassesTheYear2262() {
        // nanoseconds since 1970 overflow a long at 2262-04-11: the buckets used to stay empty from there on
        rtc();
        rtc();
        assertThat(rtc().status()).isEqualTo(429);
        assertTwoPerSecondFrom("2300-01-01T00:00:00Z");
        // and nearly 8,000 years on, past what nanoseconds from the first setting could count
        assertTwoPerSecondFrom("9999-12-20T12:00:00Z");
    }

    /** RTC's 2/s from a clock set at {@code at}: two calls admitted, the third refused, one more a second later. */
    private void assertTwoPerSecondFrom(String at) {
        assertThat(emulator.post("/_emulator/clock", "{\"set\":\"" + at + "\"}").status()).isEqualTo(200);
        assertThat(rtc().status()).isNotEqualTo(429);
        assertThat(rtc().status()).isNotEqualTo(429);
        assertThat(rtc().status()).isEqualTo(429);
        emulator.post("/_emulator/clock", "{\"advance\":\"PT1S\"}");
        assertThat(rtc().status()).isNotEqualTo(429);
    }

    /** Frozen at {@code at}, so the first call of a test opens its bucket's window a fraction of a millisecond in. */
    private void freezeAt(String at) {
        assertThat(emulator.post("/_emulator/clock", "{\"set\":\"" + at + "\",\"freeze\":true}").status())
                .isEqualTo(200);
    }

    private void advance(String duration) {
        assertThat(emulator.post("/_emulator/clock", "{\"advance\":\"" + duration + "\"}").status()).isEqualTo(200);
    }

    @Test
    void aVolcengineRetryAfterExactlyRetryAfterSecondsIsAdmitted() {
        throttles("{\"action\":\"ListOperationDistribution\",\"limit\":\"1/min\"}");
        freezeAt("2026-11-20T12:00:00.000500Z");
        assertThat(rtc().status()).isNotEqualTo(429);
        advance("PT29.9999S"); // the window turns 30.0006 s later: 31 s, rounded up
        TestEmulator.Reply refused = rtc();
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("31");
        advance("PT" + refused.header("Retry-After") + "S");
        assertThat(rtc().status()).isNotEqualTo(429);
    }

    @Test
    void anAliyunRetryAfterExactlyXAcsRetryAfterMillisecondsIsAdmitted() {
        String call = "/?Action=DescribeLiveProducerUsageData&Version=2016-11-01&AccessKeyId=LTAIsecondtenant"
                + "&Format=JSON&StartTime=2026-11-19T00:00:00Z&EndTime=2026-11-19T02:00:00Z";
        freezeAt("2026-11-20T12:00:00.000500Z");
        for (int i = 0; i < 5; i++) {
            assertThat(emulator.get(call).status()).isEqualTo(200);
        }
        advance("PT0.2002S"); // the window turns 0.7998 s later: 800 ms, rounded up
        TestEmulator.Reply refused = emulator.get(call);
        assertAliyunError(refused, 400, "Throttling.User", null);
        assertThat(refused.header("x-acs-retry-after")).isEqualTo("800");
        advance("PT0." + refused.header("x-acs-retry-after") + "S");
        assertThat(emulator.get(call).status()).isEqualTo(200);
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

    /** "A changed limit starts with its whole quota": also one switched off and set back to what it was. */
    @Test
    void aLimitSetBackAfterOffStartsWithItsWholeQuota() {
        rtc();
        rtc();
        assertThat(rtc().status()).isEqualTo(429);
        assertThat(throttles("{\"action\":\"ListOperationDistribution\",\"limit\":\"off\"}").status()).isEqualTo(200);
        assertThat(rtc().status()).isNotEqualTo(429);
        assertThat(throttles("{\"action\":\"ListOperationDistribution\",\"limit\":\"2/s\"}").status()).isEqualTo(200);
        assertThat(rtc().status()).isNotEqualTo(429);
        assertThat(rtc().status()).isNotEqualTo(429);
        assertThat(rtc().status()).isEqualTo(429);
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
