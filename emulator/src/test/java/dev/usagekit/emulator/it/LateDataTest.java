package dev.usagekit.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Late-arriving data ({@code settling} on an account, the {@code late-data} scenario): what a client that caches usage
 * sees, against the default catalogue's values, with the clock at {@link TestEmulator#NOW} and moved on.
 */
class LateDataTest {

    private static final String TODAY = "2026-11-20T00:00:00+00:00";

    private final TestEmulator emulator = TestEmulator.named("late-data", "emulator.limits.enabled=false");

    @AfterEach
    void backToTheDefaultCatalogueAndClock() {
        emulator.post("/_emulator/reset", "");
    }

    private static String scenario() {
        return TestEmulator.scenario("late-data");
    }

    /** The scenario with a period of two days, so that yesterday's buckets are short too. */
    private void loadSettlingOverTwoDays() {
        String scenario = scenario();
        assertThat(scenario).contains("settling: {period: PT6H, firstShare: 0.4}");
        emulator.loadFixtures(scenario.replace("period: PT6H", "period: P2D"));
    }

    private List<Double> todaysBandwidth() {
        return emulator.upBandwidth("group001", TODAY, "2026-11-20T12:00:00+00:00", 300);
    }

    @Test
    void recentSlotsAreShortByTheShareNotYetArrivedAndOlderOnesWhole() {
        List<Double> whole = todaysBandwidth();
        emulator.loadFixtures(scenario());
        List<Double> late = todaysBandwidth();

        // served up to 11:45 (15 min delay): 141 slots; those ending by 05:45 are six hours old and whole
        assertThat(late).hasSize(141).hasSameSizeAs(whole);
        assertThat(late.subList(0, 69)).isEqualTo(whole.subList(0, 69));
        for (int i = 69; i < 141; i++) {
            long age = (141 - (i + 1)) * 300L; // from the slot's end to 11:45
            double share = 0.4 + 0.6 * age / 21_600;
            assertThat(late.get(i)).as("slot %d", i).isCloseTo(whole.get(i) * share, within(0.0015));
        }
        assertThat(whole.subList(69, 141)).anySatisfy(v -> assertThat(v).isGreaterThan(1));
        assertThat(late.get(140)).isCloseTo(whole.get(140) * 0.4, within(0.0015));
    }

    @Test
    void movingTheClockOnByThePeriodRestatesTheSameBucketsToTheirWholeValues() {
        List<Double> whole = todaysBandwidth();
        emulator.loadFixtures(scenario());
        List<Double> first = todaysBandwidth();
        assertThat(emulator.post("/_emulator/clock", "{\"advance\":\"PT3H\"}").status()).isEqualTo(200);
        List<Double> later = todaysBandwidth();
        assertThat(emulator.post("/_emulator/clock", "{\"advance\":\"PT3H\"}").status()).isEqualTo(200);

        assertThat(later).hasSize(144); // up to 14:45 now, past the range's end
        for (int i = 0; i < 141; i++) {
            assertThat(later.get(i)).as("slot %d grows", i).isGreaterThanOrEqualTo(first.get(i));
        }
        assertThat(later.subList(0, 141)).isNotEqualTo(first);
        // six hours on, the 141 slots first seen have all arrived, and three more hours of the range are served
        List<Double> settled = todaysBandwidth();
        assertThat(settled).hasSize(144);
        assertThat(settled.subList(0, 141)).isEqualTo(whole);
    }

    @Test
    void theJournalSaysWhichStretchIsStillArrivingAndOnlyWhenAnAnswerReachesIt() {
        emulator.loadFixtures(scenario());
        todaysBandwidth();
        assertThat(lastCall("DescribeLivePullToPushBandwidthData").at("/details/settling").toString())
                .isEqualTo("{\"period\":\"PT6H\",\"firstShare\":0.4,\"partialFrom\":\"2026-11-20T05:45:00Z\","
                        + "\"servedUntil\":\"2026-11-20T11:45:00Z\"}");

        emulator.upBandwidth("group001", TODAY, "2026-11-20T05:00:00+00:00", 300); // all of it whole
        assertThat(lastCall("DescribeLivePullToPushBandwidthData").at("/details/settling").isMissingNode()).isTrue();
    }

    private JsonNode lastCall(String action) {
        JsonNode entries = emulator.get("/_emulator/journal?action=" + action).json().get("entries");
        return entries.get(entries.size() - 1);
    }

    private double transcodeMinutes(String day, String nextDay) {
        TestEmulator.Reply r = emulator.volcengine("DescribeLiveTranscodeData", "2023-01-01", "live",
                TestEmulator.VOLC_AK, "{\"DomainList\":[\"example.com\"],\"StartTime\":\"" + day + "\","
                        + "\"EndTime\":\"" + nextDay + "\",\"Aggregation\":86400}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().at("/Result/Duration").asDouble();
    }

    private long rtcUsersOfTheDay() {
        TestEmulator.Reply r = emulator.volcengine("ListOperationDistribution", "2020-12-01", "rtc",
                TestEmulator.VOLC_AK, "{\"AppId\":\"Your_AppId\",\"StartTime\":\"2026-11-19T00:00:00+08:00\","
                        + "\"EndTime\":\"2026-11-20T00:00:00+08:00\",\"Indicator\":\"user_count\","
                        + "\"Dimension\":\"province\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        long users = 0;
        for (JsonNode item : r.json().at("/Result/Data")) {
            users += item.get("Value").asLong();
        }
        return users;
    }

    private long[] producerMinutesPerHour() {
        TestEmulator.Reply r = emulator.get("/?Action=DescribeLiveProducerUsageData&Version=2016-11-01&AccessKeyId="
                + TestEmulator.ALIYUN_AK + "&Format=JSON&StartTime=2026-11-20T00:00:00Z&EndTime=2026-11-20T12:00:00Z"
                + "&Interval=3600&Instance=5b2e9c41-7d3a-4f6e-9b1c-0a8d2e4f6c13");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode hours = r.json().at("/BillProducerData/BillProducerDataItem");
        long[] minutes = new long[hours.size()];
        for (int h = 0; h < minutes.length; h++) {
            JsonNode hour = hours.get(h);
            minutes[h] = hour.get("OutputHdDuration").asLong() + hour.get("OutputSdDuration").asLong()
                    + hour.get("OutputLdDuration").asLong();
        }
        return minutes;
    }

    @Test
    void everyActionOfTheAccountFollowsIt() {
        String day = "2026-11-19T00:00:00+08:00";
        String nextDay = "2026-11-20T00:00:00+08:00";
        double wholeMinutes = transcodeMinutes(day, nextDay);
        double olderMinutes = transcodeMinutes("2026-11-15T00:00:00+08:00", "2026-11-16T00:00:00+08:00");
        long wholeUsers = rtcUsersOfTheDay();
        long[] wholeProducer = producerMinutesPerHour();
        loadSettlingOverTwoDays();

        // the local day 11-19 ended 19h40m before transcoding's served end (11:40Z): its slots show 65 % to 95 %
        assertThat(transcodeMinutes(day, nextDay)).isBetween(wholeMinutes * 0.64, wholeMinutes * 0.95);
        assertThat(transcodeMinutes("2026-11-15T00:00:00+08:00", "2026-11-16T00:00:00+08:00"))
                .isEqualTo(olderMinutes);
        // RTC is served up to 04:00Z (8 h delay): that day's slots are 12 to 36 hours old, 55 % to 85 % arrived
        assertThat(rtcUsersOfTheDay()).isBetween(Math.round(wholeUsers * 0.54), Math.round(wholeUsers * 0.86));
        // producer hours are served up to 11:00Z (1 h delay); each follows its middle slot, 35 min in
        long[] producer = producerMinutesPerHour();
        assertThat(producer).hasSameSizeAs(wholeProducer).hasSize(11);
        for (int h = 0; h < producer.length; h++) {
            double share = 0.4 + 0.6 * (11 * 3600 - (h * 3600 + 2100)) / (2 * 86400.0);
            assertThat((double) producer[h]).as("hour %d", h).isCloseTo(wholeProducer[h] * share, within(3.0));
        }
    }

    @Test
    void theControlPlaneShowsTheSettlingAndRefusesOneOutOfRange() {
        emulator.loadFixtures(scenario());
        JsonNode demo = emulator.get("/_emulator/fixtures").json().at("/accounts/0");
        assertThat(demo.get("settling").toString()).isEqualTo("{\"period\":\"PT6H\",\"firstShare\":0.4}");
        assertThat(emulator.get("/_emulator/fixtures").json().at("/accounts/1").has("settling")).isFalse();

        String twoSettled = "accounts:\n  - {accountId: \"2100000009\", name: late, settling: {period: PT1H}}\n";
        emulator.loadFixtures(twoSettled);
        assertThat(emulator.get("/_emulator/fixtures").json().at("/accounts/0/settling").toString())
                .isEqualTo("{\"period\":\"PT1H\",\"firstShare\":0.5}");

        for (String bad : List.of("{period: P32D}", "{period: PT0S}", "{firstShare: 0.5}",
                "{period: PT1H, firstShare: 1.5}", "{period: an hour}")) {
            TestEmulator.Reply refused = emulator.post("/_emulator/fixtures",
                    "accounts:\n  - {accountId: \"2100000009\", name: late, settling: " + bad + "}\n");
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.body()).as(bad).contains("settling");
        }
    }
}
