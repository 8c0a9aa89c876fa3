package dev.usagekit.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;

/**
 * The scenario catalogues shipped in usagekit-fixtures, loaded through the control plane as a user would: each loads,
 * and each anomaly of {@code outage-and-spike} changes exactly the data it names, against the default catalogue.
 */
class ScenarioFixturesTest {

    private static final String SCENARIOS = "usagekit/fixtures/scenarios/";

    private final TestEmulator emulator = TestEmulator.named("scenarios", "emulator.limits.enabled=false");

    @AfterEach
    void backToTheDefaultCatalogue() {
        emulator.post("/_emulator/reset", "");
    }

    private int load(String yaml) {
        return emulator.loadFixtures(yaml);
    }

    private void loadScenario(String name) {
        load(TestEmulator.scenario(name));
    }

    @Test
    void everyShippedScenarioLoads() throws IOException {
        Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:" + SCENARIOS + "*.yaml");
        assertThat(Arrays.stream(found).map(Resource::getFilename))
                .containsExactlyInAnyOrder("outage-and-spike.yaml", "large-customer.yaml", "time-zones.yaml",
                        "late-data.yaml");
        for (Resource scenario : found) {
            try (InputStream in = scenario.getInputStream()) {
                assertThat(load(new String(in.readAllBytes(), StandardCharsets.UTF_8)))
                        .as(scenario.getFilename()).isPositive();
            }
        }
    }

    private List<Double> bandwidth(String group, String start, String end, int aggregation) {
        return emulator.upBandwidth(group, start, end, aggregation);
    }

    @Test
    void anOutageZeroesExactlyTheSlotsItCovers() {
        String start = "2026-11-19T00:00:00+00:00";
        String end = "2026-11-19T06:00:00+00:00";
        List<Double> before = bandwidth("group001", start, end, 300);
        List<Double> otherBefore = bandwidth("group002", start, end, 300);
        loadScenario("outage-and-spike");
        List<Double> after = bandwidth("group001", start, end, 300);

        assertThat(after).hasSize(72);
        for (int i = 0; i < 72; i++) {
            boolean out = i >= 24 && i < 48; // 02:00 up to 04:00
            assertThat(after.get(i)).as("slot %d", i).isEqualTo(out ? 0.0 : before.get(i));
        }
        assertThat(before.subList(24, 48)).anySatisfy(v -> assertThat(v).isPositive());
        assertThat(bandwidth("group002", start, end, 300)).isEqualTo(otherBefore);
    }

    private static double transcodeTotal(JsonNode result) {
        return result.at("/Result/Duration").asDouble();
    }

    private JsonNode transcodeDay(String domain) {
        TestEmulator.Reply r = emulator.volcengine("DescribeLiveTranscodeData", "2023-01-01", "live",
                TestEmulator.VOLC_AK, "{\"DomainList\":[\"" + domain + "\"],\"StartTime\":\"2026-11-18T00:00:00+08:00\","
                        + "\"EndTime\":\"2026-11-19T00:00:00+08:00\",\"Aggregation\":86400}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void aSpikeRaisesTheDayOfItsDomainOnly() {
        JsonNode before = transcodeDay("example.com");
        JsonNode otherBefore = transcodeDay("example2.com");
        loadScenario("outage-and-spike");

        // the hour from 20:00 local is five times as busy: the day gains four of those hours
        assertThat(transcodeTotal(transcodeDay("example.com"))).isGreaterThan(transcodeTotal(before) * 1.1);
        assertThat(transcodeDay("example2.com").at("/Result")).isEqualTo(otherBefore.at("/Result"));
    }

    private JsonNode rtcUsers(String appId) {
        TestEmulator.Reply r = emulator.volcengine("ListOperationDistribution", "2020-12-01", "rtc", TestEmulator.VOLC_AK,
                "{\"AppId\":\"" + appId + "\",\"StartTime\":\"2026-11-18T00:00:00+08:00\","
                        + "\"EndTime\":\"2026-11-19T00:00:00+08:00\",\"Indicator\":\"user_count\",\"Dimension\":\"province\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().at("/Result/Data");
    }

    @Test
    void aDayLongOutageLeavesAnAppWithoutUsersThatDay() {
        assertThat(rtcUsers("Your_AppId")).isNotEmpty();
        JsonNode otherBefore = rtcUsers("63a1f0c2b7d94e5f8a0b1c2d");
        loadScenario("outage-and-spike");

        assertThat(rtcUsers("Your_AppId")).isEmpty();
        assertThat(rtcUsers("63a1f0c2b7d94e5f8a0b1c2d")).isEqualTo(otherBefore);
    }

    private long producerMinutes(String instance) {
        TestEmulator.Reply r = emulator.get("/?Action=DescribeLiveProducerUsageData&Version=2016-11-01&AccessKeyId="
                + TestEmulator.ALIYUN_AK + "&Format=JSON&StartTime=2026-11-19T00:00:00Z&EndTime=2026-11-20T00:00:00Z"
                + "&Interval=3600&Instance=" + instance);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        long minutes = 0;
        for (JsonNode hour : r.json().at("/BillProducerData/BillProducerDataItem")) {
            minutes += hour.get("OutputHdDuration").asLong() + hour.get("OutputSdDuration").asLong()
                    + hour.get("OutputLdDuration").asLong();
        }
        return minutes;
    }

    @Test
    void aDegradedInstanceProducesLessThatDay() {
        String degraded = "a17d0184-462d-4630-b2a6-8c26dde2****";
        String untouched = "5b2e9c41-7d3a-4f6e-9b1c-0a8d2e4f6c13";
        long before = producerMinutes(degraded);
        long otherBefore = producerMinutes(untouched);
        loadScenario("outage-and-spike");

        assertThat(producerMinutes(degraded)).isLessThan(before / 2);
        assertThat(producerMinutes(untouched)).isEqualTo(otherBefore);
    }

    /** The most a catalogue allows (scale 1000, a spike of 1000 on top) still answers every action within its schema. */
    @Test
    void theLargestScaleAndFactorStillGiveFiniteSchemaConformingAnswers() {
        String all = "anomalies: [{from: \"2026-10-01T00:00:00Z\", to: \"2026-11-21T00:00:00Z\", factor: 1000}]";
        load("accounts:\n  - {accountId: \"2100000001\", name: demo, utcOffset: \"+08:00\", accessKeys: [{accessKeyId: "
                + TestEmulator.VOLC_AK + ", secret: s}, {accessKeyId: " + TestEmulator.ALIYUN_AK + ", secret: t}],\n"
                + "     rtcApps: [{appId: Your_AppId, scale: 1000, " + all + "}],\n"
                + "     liveDomains: [{name: example.com, scale: 1000, " + all + "}],\n"
                + "     pullToPushGroups: [{name: group001, scale: 1000, " + all + "}],\n"
                + "     producerInstances: [{instanceId: i1, domain: example.com, region: cn-shanghai, type: universal, "
                + "scale: 1000, " + all + "}]}\n");

        // the test emulator checks every answer against its response schema: NaN or an overflow would be a 500
        assertThat(bandwidth("group001", "2026-10-20T00:00:00+08:00", "2026-11-20T00:00:00+08:00", 300))
                .hasSize(31 * 288).allSatisfy(v -> assertThat(v).isFinite().isLessThan(1e12));
        assertThat(transcodeTotal(transcodeDay("example.com"))).isFinite().isPositive();
        assertThat(rtcUsers("Your_AppId")).isNotEmpty();
        assertThat(producerMinutes("i1")).isPositive();
    }

    @Test
    void theJournalNamesTheAnomaliesBehindAnAnswerAndOnlyThose() {
        loadScenario("outage-and-spike");
        bandwidth("group001", "2026-11-19T00:00:00+00:00", "2026-11-19T06:00:00+00:00", 300);
        JsonNode noted = lastCall("DescribeLivePullToPushBandwidthData").at("/details/anomalies");
        assertThat(noted).hasSize(1);
        assertThat(noted.get(0).toString()).isEqualTo("{\"resource\":\"pull-to-push group group001\","
                + "\"from\":\"2026-11-19T02:00:00Z\",\"to\":\"2026-11-19T04:00:00Z\",\"factor\":0.0}");

        bandwidth("group001", "2026-11-19T04:00:00+00:00", "2026-11-19T06:00:00+00:00", 300); // after the outage
        assertThat(lastCall("DescribeLivePullToPushBandwidthData").at("/details/anomalies").isMissingNode()).isTrue();

        rtcUsers("Your_AppId");
        assertThat(lastCall("ListOperationDistribution").at("/details/anomalies/0/resource").asString())
                .isEqualTo("RTC app Your_AppId");
        producerMinutes("a17d0184-462d-4630-b2a6-8c26dde2****");
        assertThat(lastCall("DescribeLiveProducerUsageData").at("/details/anomalies/0/factor").asDouble()).isEqualTo(0.3);
        transcodeDay("example.com");
        assertThat(lastCall("DescribeLiveTranscodeData").at("/details/anomalies/0/factor").asDouble()).isEqualTo(5.0);
    }

    private JsonNode lastCall(String action) {
        JsonNode entries = emulator.get("/_emulator/journal?action=" + action).json().get("entries");
        return entries.get(entries.size() - 1);
    }

    @Test
    void theControlPlaneShowsTheCatalogueAsReadWithoutSecrets() {
        loadScenario("outage-and-spike");
        TestEmulator.Reply shown = emulator.get("/_emulator/fixtures");
        assertThat(shown.status()).isEqualTo(200);
        JsonNode demo = shown.json().at("/accounts/0");
        assertThat(demo.get("accessKeyIds").toString()).isEqualTo("[\"AKLTtestaccesskey\",\"testid\"]");
        assertThat(demo.at("/pullToPushGroups/0/anomalies/0").toString()).isEqualTo(
                "{\"from\":\"2026-11-19T02:00:00Z\",\"to\":\"2026-11-19T04:00:00Z\",\"factor\":0.0}");
        assertThat(demo.at("/liveDomains/2/deletedAt").asString()).isEqualTo("2026-10-01T00:00:00Z");
        assertThat(shown.body()).doesNotContain("testsecretkey").doesNotContain("\"secret\"");
    }

    @Test
    void anAnomalyThatMakesNoSenseIsRefusedAndNothingChanges() {
        JsonNode transcodeBefore = transcodeDay("example.com").get("Result");
        List<Double> bandwidthBefore = bandwidth("group001", "2026-11-19T02:00:00+00:00", "2026-11-19T04:00:00+00:00",
                300);
        TestEmulator.Reply r = emulator.post("/_emulator/fixtures", TestEmulator.scenario("outage-and-spike")
                .replace("factor: 5}", "factor: -5}"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("message").asString()).contains("factor must be between 0 and 1000");
        // the scenario's outage of group001 and spike of example.com did not come in with it
        assertThat(transcodeDay("example.com").get("Result")).isEqualTo(transcodeBefore);
        assertThat(bandwidth("group001", "2026-11-19T02:00:00+00:00", "2026-11-19T04:00:00+00:00", 300))
                .isEqualTo(bandwidthBefore).hasSize(24).anySatisfy(v -> assertThat(v).isPositive());
    }
}
