package dev.usagekit.emulator.it;

import static dev.usagekit.emulator.it.ErrorEnvelopes.assertGatewayError;
import static dev.usagekit.emulator.it.ErrorEnvelopes.assertServiceError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /_emulator/provider-states}, a Pact verifier's state-change URL: each form of state sets up what it
 * says, the states of one interaction add up, and the next interaction (or a teardown) starts from the emulator as
 * it started. The emulator runs with the documented limits on, as a provider under verification does.
 */
class ProviderStatesTest {

    private static final String DAY = "\"StartTime\":\"2026-11-18T00:00:00+08:00\",\"EndTime\":\"2026-11-19T00:00:00+08:00\"";
    private static final String SECOND_TENANT = "AKLTsecondtenant";

    private final TestEmulator emulator = TestEmulator.named("provider-states");

    @AfterEach
    void backToStart() {
        emulator.post("/_emulator/reset", "");
    }

    private JsonNode state(String state) {
        return stateChange("{\"state\":\"" + state + "\",\"params\":{},\"action\":\"setup\"}");
    }

    private JsonNode stateChange(String body) {
        TestEmulator.Reply r = emulator.post("/_emulator/provider-states", body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private TestEmulator.Reply refused(String body) {
        TestEmulator.Reply r = emulator.post("/_emulator/provider-states", body);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        return r;
    }

    private TestEmulator.Reply transcode(String accessKey) {
        return emulator.volcengine("DescribeLiveTranscodeData", "2023-01-01", "live", accessKey, "{" + DAY + "}");
    }

    private List<Double> bandwidth(String group, String start, String end) {
        return emulator.upBandwidth(group, start, end, 300);
    }

    @Test
    void clockIsSetsAndFreezesTheClock() {
        state("clock is 2026-11-21T08:30:00+08:00");
        JsonNode clock = emulator.get("/_emulator/clock").json();
        assertThat(clock.get("now").asString()).isEqualTo("2026-11-21T00:30:00Z");
        assertThat(clock.get("frozen").asBoolean()).isTrue();
    }

    @Test
    void throttledForAnAccountThrottlesItsNextCallOnly() {
        state("DescribeLiveTranscodeData is throttled for account demo");

        TestEmulator.Reply throttled = transcode(TestEmulator.VOLC_AK);
        assertGatewayError(throttled, 429, "FlowLimitExceeded", 100018);
        // the action's own QPS window: clients that honour Retry-After (Pact JVM's does) wait a second, not longer
        assertThat(throttled.header("Retry-After")).isEqualTo("1");
        // the other account keeps the documented 100/min: the 1/s is demo's alone
        assertThat(transcode(SECOND_TENANT).status()).isEqualTo(200);
        assertThat(transcode(SECOND_TENANT).status()).isEqualTo(200);
        assertThat(emulator.get("/_emulator/throttles").json().at("/accounts/2100000001/DescribeLiveTranscodeData")
                .asString()).isEqualTo("1/s");
    }

    /** A state names its action in any case, as throttles and faults take it. */
    @Test
    void aThrottledStateNamesItsActionInAnyCase() {
        state("describelivetranscodedata is throttled for account demo");
        assertThat(transcode(TestEmulator.VOLC_AK).status()).isEqualTo(429);
        assertThat(emulator.get("/_emulator/throttles").json().at("/accounts/2100000001/DescribeLiveTranscodeData")
                .asString()).isEqualTo("1/s");
    }

    @Test
    void anOutageZeroesItsResourceInTheRangeAndATimeOfDayEndsOnTheStartsDate() {
        String start = "2026-11-19T00:00:00+00:00";
        String end = "2026-11-19T06:00:00+00:00";
        List<Double> before = bandwidth("group001", start, end);

        state("group001 is out from 2026-11-19T02:00:00Z to 04:00:00Z");

        List<Double> after = bandwidth("group001", start, end);
        assertThat(after).hasSize(72);
        for (int i = 0; i < 72; i++) {
            boolean out = i >= 24 && i < 48;
            assertThat(after.get(i)).as("slot %d", i).isEqualTo(out ? 0.0 : before.get(i));
        }
        assertThat(before.subList(24, 48)).anySatisfy(v -> assertThat(v).isPositive());
    }

    @Test
    void aFactorMultipliesItsRange() {
        String start = "2026-11-19T00:00:00+00:00";
        String end = "2026-11-19T02:00:00+00:00";
        List<Double> before = bandwidth("group002", start, end);

        state("group002 is at 2.5x from 2026-11-19T01:00:00Z to 2026-11-19T01:30:00Z");

        List<Double> after = bandwidth("group002", start, end);
        for (int i = 0; i < 24; i++) {
            boolean spiked = i >= 12 && i < 18;
            assertThat(after.get(i)).as("slot %d", i).isCloseTo(spiked ? before.get(i) * 2.5 : before.get(i),
                    org.assertj.core.data.Offset.offset(0.002));
        }
        assertThat(bandwidth("group001", start, end)).isNotEqualTo(after);
    }

    @Test
    void aScenarioLoadsItsCatalogue() {
        state("scenario large-customer");
        assertThat(emulator.get("/_emulator/fixtures").json().findValues("name").stream().map(JsonNode::asString))
                .contains("big-customer").doesNotContain("demo");
    }

    @Test
    void theStatesOfOneInteractionAddUpAndTheNextInteractionStartsClean() {
        JsonNode first = state("clock is 2026-11-20T12:00:00Z");
        JsonNode second = state("DescribeLiveTranscodeData is throttled for account demo");
        assertThat(first.get("reset").asBoolean()).isTrue(); // the first since the last test's reset
        assertThat(second.get("reset").asBoolean()).as("same interaction: no call since").isFalse();
        assertThat(transcode(TestEmulator.VOLC_AK).status()).isEqualTo(429);

        JsonNode next = state("clock is 2026-11-20T12:00:00Z");
        assertThat(next.get("reset").asBoolean()).as("a call was served: a new interaction").isTrue();
        assertThat(transcode(TestEmulator.VOLC_AK).status()).isEqualTo(200);
    }

    @Test
    void aTeardownResetsAndAStatelessSetupOnlyStartsClean() {
        state("DescribeLiveTranscodeData is throttled for account demo");
        assertThat(transcode(TestEmulator.VOLC_AK).status()).isEqualTo(429);
        assertThat(stateChange("{\"state\":\"DescribeLiveTranscodeData is throttled for account demo\","
                + "\"action\":\"teardown\"}").get("reset").asBoolean()).isTrue();
        assertThat(transcode(TestEmulator.VOLC_AK).status()).isEqualTo(200);

        state("DescribeLiveTranscodeData is throttled for account demo");
        assertThat(transcode(TestEmulator.VOLC_AK).status()).isEqualTo(429);
        assertThat(stateChange("{\"action\":\"setup\"}").get("reset").asBoolean()).isTrue();
        assertThat(transcode(TestEmulator.VOLC_AK).status()).isEqualTo(200);

        // the Rust verifier's call for an interaction without states: an empty state
        state("DescribeLiveTranscodeData is throttled for account demo");
        assertThat(transcode(TestEmulator.VOLC_AK).status()).isEqualTo(429);
        assertThat(stateChange("{\"state\":\"\",\"params\":{},\"action\":\"setup\"}").get("reset").asBoolean())
                .isTrue();
        assertThat(transcode(TestEmulator.VOLC_AK).status()).isEqualTo(200);
    }

    @Test
    void thirtyDaysAgoIsInLiveAndAliyunHistoryButAlwaysBeforeRtcs() {
        JsonNode times = state("clock is 2026-11-20T12:00:00Z");
        assertThat(times.get("thirtyDaysAgo").asString()).isEqualTo("2026-10-21T00:00:00+08:00");
        TestEmulator.Reply live = emulator.volcengine("DescribeLiveTranscodeData", "2023-01-01", "live",
                TestEmulator.VOLC_AK, "{\"StartTime\":\"" + times.get("thirtyDaysAgo").asString() + "\",\"EndTime\":\""
                        + times.get("today").asString() + "\"}");
        assertThat(live.status()).as(live.body()).isEqualTo(200);
        TestEmulator.Reply aliyun = emulator.get("/?Action=DescribeLiveProducerUsageData&Version=2016-11-01"
                + "&Format=JSON&AccessKeyId=" + TestEmulator.ALIYUN_AK + "&StartTime="
                + times.get("thirtyDaysAgoUtc").asString() + "&EndTime=" + times.get("todayUtc").asString());
        assertThat(aliyun.status()).as(aliyun.body()).isEqualTo(200);

        // its midnight is 30 days and 20 hours back, RTC's history 30 days to the second
        TestEmulator.Reply rtc = emulator.volcengine("ListOperationDistribution", "2020-12-01", "rtc",
                TestEmulator.VOLC_AK, "{\"AppId\":\"Your_AppId\",\"StartTime\":\""
                        + times.get("thirtyDaysAgo").asString() + "\",\"EndTime\":\"2026-10-22T00:00:00+08:00\","
                        + "\"Indicator\":\"user_count\",\"Dimension\":\"province\"}");
        assertServiceError(rtc, 400, "InvalidParameter.OutofTimeRange");
        assertThat(rtc.json().at("/ResponseMetadata/Error/Message").asString())
                .isEqualTo("Only data of the last 30 days can be queried.");
    }

    @Test
    void aSetupAnswersTheTimesAroundTheClockForAPactsProviderStateGenerators() {
        // 04:30 on the 20th in +08:00; less RTC's 8-hour data delay, 20:30 on the 19th: the 19th is not served yet
        JsonNode answer = state("clock is 2026-11-19T20:30:00Z");
        assertThat(answer.toString()).isEqualTo("{\"state\":\"clock is 2026-11-19T20:30:00Z\",\"action\":\"setup\","
                + "\"reset\":true,\"now\":\"2026-11-19T20:30:00Z\",\"nowLocal\":\"2026-11-20T04:30:00+08:00\","
                + "\"today\":\"2026-11-19T00:00:00+08:00\",\"yesterday\":\"2026-11-18T00:00:00+08:00\","
                + "\"twoDaysAgo\":\"2026-11-17T00:00:00+08:00\",\"sevenDaysAgo\":\"2026-11-12T00:00:00+08:00\","
                + "\"thirtyDaysAgo\":\"2026-10-20T00:00:00+08:00\",\"todayUtc\":\"2026-11-19T00:00:00Z\","
                + "\"yesterdayUtc\":\"2026-11-18T00:00:00Z\",\"twoDaysAgoUtc\":\"2026-11-17T00:00:00Z\","
                + "\"sevenDaysAgoUtc\":\"2026-11-12T00:00:00Z\",\"thirtyDaysAgoUtc\":\"2026-10-20T00:00:00Z\"}");

        // any state answers them, at the clock as it stands; a state's offset parameter sets the local ones
        JsonNode elsewhere = stateChange("{\"state\":\"account demo has group001\",\"params\":{\"offset\":\"-05:00\"}}");
        assertThat(elsewhere.get("nowLocal").asString()).isEqualTo("2026-11-19T15:30:00-05:00");
        assertThat(elsewhere.get("today").asString()).isEqualTo("2026-11-19T00:00:00-05:00");
        assertThat(elsewhere.get("todayUtc").asString()).isEqualTo("2026-11-19T00:00:00Z");
        TestEmulator.Reply byQuery = emulator.post("/_emulator/provider-states?state=account%20demo%20has%20x"
                + "&action=setup&offset=%2B05:45", "");
        assertThat(byQuery.json().get("today").asString()).isEqualTo("2026-11-19T00:00:00+05:45");

        assertThat(refused("{\"state\":\"account demo has x\",\"params\":{\"offset\":\"Mars\"}}").body())
                .contains("offset parameter must be an offset such as +08:00");
        assertThat(stateChange("{\"state\":\"\",\"action\":\"teardown\"}").has("today")).isFalse();
    }

    @Test
    void aLaterStateOfTheInteractionAnswersInTheOffsetAnEarlierOneGave() {
        // verifiers merge an interaction's answers, the last one winning: it must not fall back to +08:00
        stateChange("{\"state\":\"clock is 2026-11-20T12:00:00Z\",\"params\":{\"offset\":\"+05:45\"}}");
        JsonNode later = state("account demo has example.com");
        assertThat(later.get("today").asString()).endsWith("+05:45");
        assertThat(stateChange("{\"state\":\"\",\"action\":\"teardown\"}").get("reset").asBoolean()).isTrue();
        assertThat(state("account demo has example.com").get("today").asString()).endsWith("+08:00");
    }

    @Test
    void aResetThroughTheControlPlaneEndsTheInteraction() {
        stateChange("{\"state\":\"clock is 2026-11-20T12:00:00Z\",\"params\":{\"offset\":\"+05:45\"}}");
        emulator.post("/_emulator/reset", "");
        // no API call since the last state, yet a new interaction: it resets and answers in the default offset
        JsonNode next = state("account demo has example.com");
        assertThat(next.get("reset").asBoolean()).isTrue();
        assertThat(next.get("today").asString()).endsWith("+08:00");
        assertThat(state("account demo has example.com").get("reset").asBoolean()).isFalse();

        // a teardown ends it the same way
        assertThat(stateChange("{\"state\":\"\",\"action\":\"teardown\"}").get("reset").asBoolean()).isTrue();
        assertThat(state("account demo has example.com").get("reset").asBoolean()).isTrue();
    }

    @Test
    void fromYesterdayToTodayIsAWholeDayServedJustAfterMidnight() {
        // 00:10 in +08:00: the day that just ended is held back 15 minutes for bandwidth, 8 hours for RTC
        JsonNode times = state("clock is 2026-11-19T16:10:00Z");
        String body = "{\"GroupList\":[\"group001\"],\"Aggregation\":3600,\"StartTime\":\""
                + times.get("yesterday").asString() + "\",\"EndTime\":\"" + times.get("today").asString() + "\"}";
        TestEmulator.Reply day = emulator.volcengine("DescribeLivePullToPushBandwidthData", "2023-01-01", "live",
                TestEmulator.VOLC_AK, body);
        assertThat(day.json().at("/Result/BandwidthDataList").size()).as(day.body()).isEqualTo(24);
    }

    @Test
    void lateDataMakesTheAccountsRecentSlotsShortUntilThePeriodHasPassed() {
        String today = "2026-11-20T00:00:00+00:00";
        String noon = "2026-11-20T12:00:00+00:00";
        List<Double> whole = bandwidth("group001", today, noon);
        state("data of account demo arrives late over PT6H from 40%");
        List<Double> late = bandwidth("group001", today, noon);

        assertThat(late).hasSize(141); // served up to 11:45
        assertThat(late.subList(0, 69)).isEqualTo(whole.subList(0, 69)); // ended six hours before 11:45 or earlier
        assertThat(late.get(140)).isCloseTo(whole.get(140) * 0.4, org.assertj.core.data.Offset.offset(0.0015));
        JsonNode demo = emulator.get("/_emulator/fixtures").json().at("/accounts/0");
        assertThat(demo.get("settling").toString()).isEqualTo("{\"period\":\"PT6H\",\"firstShare\":0.4}");

        assertThat(refused("{\"state\":\"data of account demo arrives late over 6h\"}").body())
                .contains("not an ISO-8601 duration");
        assertThat(refused("{\"state\":\"data of account demo arrives late over PT6H from 140%\"}").body())
                .contains("firstShare must be between 0 and 1");
        assertThat(refused("{\"state\":\"data of account nobody arrives late over PT6H\"}").body())
                .contains("no account nobody");

        state("data of account 2100000001 arrives late over PT1H"); // by id; half at first when no share is given
        List<Double> hourLate = bandwidth("group001", today, noon);
        assertThat(hourLate.subList(0, 129)).isEqualTo(whole.subList(0, 129));
        assertThat(hourLate.get(140)).isCloseTo(whole.get(140) * 0.5, org.assertj.core.data.Offset.offset(0.0015));
    }

    @Test
    void stateAndActionMayComeAsQueryParameters() {
        TestEmulator.Reply r = emulator.post(
                "/_emulator/provider-states?state=clock%20is%202026-11-22T00:00:00Z&action=setup", "");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(emulator.get("/_emulator/clock").json().get("now").asString()).isEqualTo("2026-11-22T00:00:00Z");
    }

    @Test
    void aStateThatCannotHoldIsRefusedWithTheReason() {
        assertThat(refused("{\"state\":\"the moon is full\"}").json().get("message").asString())
                .contains("unknown provider state \"the moon is full\"", "clock is 2026-11-20T12:00:00Z",
                        "is throttled for account");
        assertThat(refused("{\"state\":\"account nobody has group001\"}").body()).contains("no account nobody",
                "demo", "second-tenant");
        assertThat(refused("{\"state\":\"group999 is out from 2026-11-19T02:00:00Z to 04:00:00Z\"}").body())
                .contains("group999");
        assertThat(refused("{\"state\":\"group001 is out from 2026-11-19T02:00:00Z to 01:00:00Z\"}").body())
                .contains("before its to");
        assertThat(refused("{\"state\":\"NoSuchAction is throttled for account demo\"}").body())
                .contains("unknown action: NoSuchAction");
        assertThat(refused("{\"state\":\"scenario nothing-like-it\"}").body()).contains("nothing-like-it");
        assertThat(refused("{\"state\":\"clock is yesterday\"}").body())
                .contains("\\\"yesterday\\\" must be an ISO-8601 instant");
        assertThat(refused("{\"state\":\"clock is 2026-11-20T12:00:00Z\",\"action\":\"verify\"}").body())
                .contains("setup or teardown");
        state("account demo has group001");
        state("account 2100000001 has producer instances");
    }

    @Test
    void theFormsAreListed() {
        TestEmulator.Reply r = emulator.get("/_emulator/provider-states");
        assertThat(r.status()).isEqualTo(200);
        List<String> forms = new ArrayList<>();
        r.json().get("forms").forEach(f -> forms.add(f.asString()));
        assertThat(forms).hasSize(7).contains("clock is 2026-11-20T12:00:00Z");
        forms.forEach(f -> state(f)); // every example is a state that holds on the default catalogue
    }
}
