package dev.usagekit.emulator.it;

import static dev.usagekit.emulator.it.ErrorEnvelopes.assertServiceError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class LiveActionsTest {

    private final TestEmulator emulator = TestEmulator.unthrottled();

    private static final List<String> LIVE_ACTIONS = List.of("DescribeLivePullToPushBandwidthData",
            "DescribeLiveTranscodeData");

    private TestEmulator.Reply live(String action, String body) {
        return emulator.volcengine(action, "2023-01-01", "live", TestEmulator.VOLC_AK, body);
    }

    private TestEmulator.Reply bandwidth(String body) {
        return live("DescribeLivePullToPushBandwidthData", body);
    }

    private TestEmulator.Reply transcode(String body) {
        return live("DescribeLiveTranscodeData", body);
    }

    // --- DescribeLivePullToPushBandwidthData

    @Test
    void bandwidthSeedExampleHasOnePointPerFiveMinutes() {
        var r = bandwidth("{\"GroupList\":[\"group001\"],\"StartTime\":\"2026-11-19T00:00:00+08:00\","
                + "\"EndTime\":\"2026-11-20T00:00:00+08:00\",\"Aggregation\":300,\"DetailField\":[\"Group\"]}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode result = r.json().get("Result");
        assertThat(result.get("Aggregation").asInt()).isEqualTo(300);
        assertThat(result.get("BandwidthDataList").size()).isEqualTo(288);
        assertThat(result.get("BandwidthDataList").get(0).get("TimeStamp").asString())
                .isEqualTo("2026-11-19T00:00:00+08:00");
        assertThat(result.get("BandwidthDataList").get(1).get("TimeStamp").asString())
                .isEqualTo("2026-11-19T00:05:00+08:00");
        // one group named: no split even though DetailField asks for it
        assertThat(result.has("BandwidthDetailDataList")).isFalse();
        double max = 0;
        for (JsonNode p : result.get("BandwidthDataList")) {
            max = Math.max(max, p.get("UpBandwidth").asDouble());
        }
        assertThat(result.get("PeakUpBandwidth").asDouble()).isEqualTo(max);
    }

    /**
     * The services are Go: a whole number of Mbps is written "12", not Java's "12.0" (seed-003's example has
     * "UpBandwidth": 12), which a client decoding into an integer or comparing text with a recorded answer sees.
     */
    @Test
    void wholeNumbersAreWrittenWithoutAPoint() {
        var r = bandwidth("{\"StartTime\":\"2026-10-21T00:00:00+08:00\",\"EndTime\":\"2026-11-19T00:00:00+08:00\","
                + "\"Aggregation\":300}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).doesNotContainPattern("[0-9]\\.0[,}]").doesNotContainPattern(":-?[0-9.]+[Ee][0-9+-]");
        assertThat(r.body()).containsPattern("\"UpBandwidth\":[0-9]+}");
    }

    @Test
    void bandwidthSplitByGroupAddsUpAtFiveMinutes() {
        var r = bandwidth("{\"GroupList\":[\"group001\",\"group002\",\"group003\"],"
                + "\"StartTime\":\"2026-11-19T00:00:00+08:00\",\"EndTime\":\"2026-11-19T06:00:00+08:00\","
                + "\"DetailField\":[\"Group\"]}");
        JsonNode result = r.json().get("Result");
        JsonNode details = result.get("BandwidthDetailDataList");
        assertThat(details.size()).isEqualTo(3);
        assertThat(details.get(0).get("Group").asString()).isEqualTo("group001");
        assertThat(details.get(1).get("DstAddrType").asString()).isEqualTo("Live");
        assertThat(result.get("BandwidthDataList").size()).as("six hours at 300 s").isEqualTo(72);
        for (int i = 0; i < result.get("BandwidthDataList").size(); i++) {
            double sum = 0;
            for (JsonNode d : details) {
                sum += d.get("BandwidthDataList").get(i).get("UpBandwidth").asDouble();
            }
            assertThat(result.get("BandwidthDataList").get(i).get("UpBandwidth").asDouble())
                    .isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void hourlyBucketIsThePeakOfItsFiveMinuteSlots() {
        String range = "\"StartTime\":\"2026-11-19T00:00:00+08:00\",\"EndTime\":\"2026-11-19T03:00:00+08:00\"";
        JsonNode fine = bandwidth("{" + range + ",\"Aggregation\":300}").json().at("/Result/BandwidthDataList");
        JsonNode hourly = bandwidth("{" + range + ",\"Aggregation\":3600}").json().at("/Result/BandwidthDataList");
        assertThat(hourly.size()).isEqualTo(3);
        for (int h = 0; h < 3; h++) {
            double max = 0;
            for (int s = 0; s < 12; s++) {
                max = Math.max(max, fine.get(h * 12 + s).get("UpBandwidth").asDouble());
            }
            assertThat(hourly.get(h).get("UpBandwidth").asDouble()).isEqualTo(max);
        }
    }

    @Test
    void bucketsInsideTheFifteenMinuteDelayAreWithheld() {
        // now = 2026-11-20T12:00Z: the last served 5-minute bucket ends at 11:45Z
        var r = bandwidth("{\"StartTime\":\"2026-11-20T11:00:00Z\",\"EndTime\":\"2026-11-20T13:00:00Z\"}");
        JsonNode points = r.json().at("/Result/BandwidthDataList");
        assertThat(points.size()).isEqualTo(9);
        assertThat(points.get(8).get("TimeStamp").asString()).isEqualTo("2026-11-20T11:40:00Z");
    }

    /** Half a second of the 00:00 bucket is in the range: it is served whole, like any bucket partly covered. */
    @Test
    void anEndHalfASecondIntoABucketStillGetsThatBucket() {
        var r = bandwidth("{\"StartTime\":\"2026-11-19T00:00:00+08:00\","
                + "\"EndTime\":\"2026-11-19T00:00:00.5+08:00\"}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode points = r.json().at("/Result/BandwidthDataList");
        assertThat(points.size()).isEqualTo(1);
        assertThat(points.get(0).get("TimeStamp").asString()).isEqualTo("2026-11-19T00:00:00+08:00");
        var hour = bandwidth("{\"StartTime\":\"2026-11-19T00:00:00+08:00\","
                + "\"EndTime\":\"2026-11-19T01:00:00.5+08:00\"}");
        assertThat(hour.json().at("/Result/BandwidthDataList").size()).as("twelve whole buckets and the 01:00 one")
                .isEqualTo(13);
    }

    @Test
    void rangeEntirelyInsideTheDelayGivesEmptyListsAndRequiredFields() {
        JsonNode result = bandwidth("{\"StartTime\":\"2026-11-20T11:50:00Z\",\"EndTime\":\"2026-11-20T12:00:00Z\"}")
                .json().get("Result");
        assertThat(result.get("BandwidthDataList").size()).isZero();
        assertThat(result.get("PeakUpBandwidth").asDouble()).isZero();
        assertThat(result.get("Aggregation").asInt()).isEqualTo(300);
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 600, 7200})
    void unsupportedAggregationIsInvalidParam(int aggregation) {
        assertServiceError(bandwidth("{\"StartTime\":\"2026-11-19T00:00:00+08:00\",\"EndTime\":"
                + "\"2026-11-20T00:00:00+08:00\",\"Aggregation\":" + aggregation + "}"), 400, "InvalidParam");
    }

    @Test
    void spanLimitDependsOnAggregation() {
        String range = "\"StartTime\":\"2026-09-01T00:00:00+08:00\",\"EndTime\":\"2026-10-15T00:00:00+08:00\"";
        assertServiceError(bandwidth("{" + range + ",\"Aggregation\":300}"), 400, "InvalidParam");
        assertThat(bandwidth("{" + range + ",\"Aggregation\":3600}").status()).isEqualTo(200);
        assertServiceError(bandwidth("{\"StartTime\":\"2026-08-01T00:00:00+08:00\",\"EndTime\":"
                + "\"2026-11-03T00:00:00+08:00\",\"Aggregation\":86400}"), 400, "InvalidParam");
    }

    @Test
    void historyIs366Days() {
        assertServiceError(bandwidth("{\"StartTime\":\"2025-11-01T00:00:00+08:00\",\"EndTime\":"
                + "\"2025-11-02T00:00:00+08:00\"}"), 400, "InvalidParam");
    }

    @Test
    void groupOfAnotherAccountIsForbidden() {
        assertServiceError(bandwidth("{\"GroupList\":[\"tenant2-relay\"],\"StartTime\":\"2026-11-19T00:00:00+08:00\","
                + "\"EndTime\":\"2026-11-20T00:00:00+08:00\"}"), 403, "RequestForbidden");
    }

    @Test
    void wrongTypeIsBindError() {
        var r = bandwidth("{\"StartTime\":\"2026-11-19T00:00:00+08:00\",\"EndTime\":\"2026-11-20T00:00:00+08:00\","
                + "\"Aggregation\":\"300\"}");
        assertServiceError(r, 400, "InvalidParam.BindError");
        assertThat(r.json().at("/ResponseMetadata/Error/Message").asString())
                .isEqualTo("Request parameter error, please check input data");
    }

    /** The other members of the body, by the mistake they add beside Aggregation. */
    static Stream<Arguments> aggregationsGoCannotBind() {
        Map<String, String> beside = new LinkedHashMap<>();
        beside.put("nothing else", "\"StartTime\":\"2026-11-18T00:00:00+08:00\",\"EndTime\":\"2026-11-19T00:00:00+08:00\"");
        beside.put("a malformed StartTime", "\"StartTime\":\"bad\"");
        beside.put("no EndTime", "\"StartTime\":\"2026-11-18T00:00:00+08:00\"");
        beside.put("a span over the maximum",
                "\"StartTime\":\"2026-07-01T00:00:00+08:00\",\"EndTime\":\"2026-11-19T00:00:00+08:00\"");
        beside.put("an end before the start",
                "\"StartTime\":\"2026-11-19T00:00:00+08:00\",\"EndTime\":\"2026-11-18T00:00:00+08:00\"");
        return Stream.of("300.0", "86400.0", "3e2", "8.64E+4", "-0.0", "2147483648", "-2147483649",
                "99999999999999999999", "1e400").flatMap(aggregation -> beside.entrySet().stream()
                        .map(other -> Arguments.of(aggregation, other.getKey(), other.getValue())));
    }

    /**
     * Go binds Aggregation into an int32 and takes no fraction, no exponent and nothing past its range, although JSON
     * Schema calls 300.0 an integer: the bind error in both Live actions, before any other mistake is looked at.
     */
    @ParameterizedTest(name = "Aggregation {0} beside {1}")
    @MethodSource("aggregationsGoCannotBind")
    void anAggregationGoCannotBindIsBindErrorWhateverElseIsWrong(String aggregation, String beside, String others) {
        for (String action : LIVE_ACTIONS) {
            var r = live(action, "{" + others + ",\"Aggregation\":" + aggregation + "}");
            assertServiceError(r, 400, "InvalidParam.BindError");
            assertThat(r.json().at("/ResponseMetadata/Error/Message").asString()).as(action)
                    .isEqualTo("Request parameter error, please check input data");
        }
    }

    /** -0 is digits alone: Go binds it as 0, which neither action takes, so it is a value error, not a bind error. */
    @ParameterizedTest
    @ValueSource(strings = {"-0", "0"})
    void aNegativeZeroBindsAndIsRefusedAsAValue(String aggregation) {
        for (String action : LIVE_ACTIONS) {
            assertServiceError(live(action, "{\"StartTime\":\"2026-11-18T00:00:00+08:00\",\"EndTime\":"
                    + "\"2026-11-19T00:00:00+08:00\",\"Aggregation\":" + aggregation + "}"), 400, "InvalidParam");
        }
    }

    /** The largest int32 binds: out of range only past it. A number in a member no field takes is ignored, as Go does. */
    @Test
    void theInt32EdgesAndUnboundMembersAreNoBindError() {
        String range = "\"StartTime\":\"2026-11-18T00:00:00+08:00\",\"EndTime\":\"2026-11-19T00:00:00+08:00\"";
        for (String action : LIVE_ACTIONS) {
            assertServiceError(live(action, "{" + range + ",\"Aggregation\":2147483647}"), 400, "InvalidParam");
            assertServiceError(live(action, "{" + range + ",\"Aggregation\":-2147483648}"), 400, "InvalidParam");
        }
        assertThat(bandwidth("{" + range + ",\"Aggregation\":300,\"Interval\":300.5}").status()).isEqualTo(200);
        assertThat(transcode("{" + range + ",\"Aggregation\":86400,\"Limit\":1e400}").status()).isEqualTo(200);
    }

    /**
     * An empty or blank name names no group or domain: both actions refuse it as a value (the request schema an empty
     * one, the action a blank one), never as a resource that is missing, whatever else the list holds.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            DescribeLivePullToPushBandwidthData | GroupList  | [""]                | invalid GroupList: must be at least 1 characters long
            DescribeLivePullToPushBandwidthData | GroupList  | ["group001"," "]    | invalid GroupList: names must not be blank
            DescribeLiveTranscodeData           | DomainList | [""]                | invalid DomainList: must be at least 1 characters long
            DescribeLiveTranscodeData           | DomainList | ["example.com"," "] | invalid DomainList: names must not be blank
            DescribeLiveTranscodeData           | DomainList | ["\\t"]             | invalid DomainList: names must not be blank
            """)
    void aBlankGroupOrDomainNameIsInvalidParam(String action, String list, String names, String message) {
        var r = live(action, "{\"" + list + "\":" + names + ",\"StartTime\":\"2026-11-15T00:00:00+08:00\","
                + "\"EndTime\":\"2026-11-16T00:00:00+08:00\"}");
        assertServiceError(r, 400, "InvalidParam");
        assertThat(r.json().at("/ResponseMetadata/Error/Message").asString()).isEqualTo(message);
        assertThat(r.json().at("/ResponseMetadata/Action").asString()).isEqualTo(action);
    }

    @Test
    void missingStartTimeIsInvalidParam() {
        assertServiceError(bandwidth("{\"EndTime\":\"2026-11-20T00:00:00+08:00\"}"), 400, "InvalidParam");
    }

    @Test
    void duplicateKeysAreBindError() {
        assertServiceError(bandwidth("{\"StartTime\":\"2026-11-19T00:00:00+08:00\",\"StartTime\":\"x\"}"), 400,
                "InvalidParam.BindError");
    }

    /** Some clients (PowerShell, .NET with a UTF-8 encoder that writes one) put a BOM first; Go refuses it. */
    @Test
    void aByteOrderMarkBeforeTheJsonIsBindError() {
        assertServiceError(bandwidth("\uFEFF{\"StartTime\":\"2026-11-19T00:00:00+08:00\",\"EndTime\":"
                + "\"2026-11-19T01:00:00+08:00\"}"), 400, "InvalidParam.BindError");
    }

    @Test
    void memberNamesBindToFieldsWhateverTheirCaseAsInGo() {
        var canonical = bandwidth("{\"GroupList\":[\"group001\"],\"StartTime\":\"2026-11-19T00:00:00+08:00\","
                + "\"EndTime\":\"2026-11-19T06:00:00+08:00\",\"Aggregation\":3600}");
        var anyCase = bandwidth("{\"grouplist\":[\"group001\"],\"starttime\":\"2026-11-19T00:00:00+08:00\","
                + "\"ENDTIME\":\"2026-11-19T06:00:00+08:00\",\"aggregation\":3600}");
        assertThat(anyCase.status()).as(anyCase.body()).isEqualTo(200);
        assertThat(anyCase.json().get("Result")).isEqualTo(canonical.json().get("Result"));

        var rtc = emulator.volcengine("ListOperationDistribution", "2020-12-01", "rtc", TestEmulator.VOLC_AK,
                "{\"appid\":\"Your_AppId\",\"StartTime\":\"2026-11-17T00:00:00+08:00\",\"EndTime\":"
                        + "\"2026-11-19T00:00:00+08:00\",\"indicator\":\"user_count\",\"dimension\":\"province\"}");
        assertThat(rtc.status()).as(rtc.body()).isEqualTo(200);
    }

    // --- DescribeLiveTranscodeData

    @Test
    void transcodeTotalIsSumOfItemsAndDaysAlignToOffset() {
        var r = transcode("{\"DomainList\":[\"example.com\",\"example2.com\"],\"StartTime\":"
                + "\"2026-11-15T00:00:00+08:00\",\"EndTime\":\"2026-11-18T00:00:00+08:00\",\"Aggregation\":86400}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode result = r.json().get("Result");
        double sum = 0;
        for (JsonNode item : result.get("TranscodeDataList")) {
            sum += item.get("Duration").asDouble();
            assertThat(item.get("TimeStamp").asString()).endsWith("T00:00:00+08:00");
            assertThat(item.get("TranscodeType").asString()).isNotBlank();
        }
        assertThat(result.get("Duration").asDouble()).isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(sum).isPositive();
    }

    /**
     * The daily cycle the README describes: over four weeks, hourly peaks are highest in the evening of the account's
     * offset (+08:00 for demo), the same hours when asked in another offset.
     */
    @Test
    void bandwidthPeaksInTheAccountsLocalEvening() {
        double[] local = hourlySums("+08:00");
        int busiest = busiestHour(local);
        assertThat(busiest).as("busiest hour in +08:00").isBetween(17, 23);
        assertThat(local[4]).as("04:00 against the busiest hour").isLessThan(local[busiest] / 2);
        assertThat(busiestHour(hourlySums("-05:00"))).as("the same hour, 13 hours earlier on the clock")
                .isEqualTo((busiest + 24 - 13) % 24);
    }

    private double[] hourlySums(String offset) {
        JsonNode points = bandwidth("{\"StartTime\":\"2026-10-19T00:00:00" + offset + "\",\"EndTime\":"
                + "\"2026-11-16T00:00:00" + offset + "\",\"Aggregation\":3600}").json().at("/Result/BandwidthDataList");
        assertThat(points).hasSize(28 * 24);
        double[] byHour = new double[24];
        for (JsonNode p : points) {
            byHour[Integer.parseInt(p.get("TimeStamp").asString().substring(11, 13))] += p.get("UpBandwidth").asDouble();
        }
        return byHour;
    }

    private static int busiestHour(double[] byHour) {
        int busiest = 0;
        for (int h = 1; h < 24; h++) {
            busiest = byHour[h] > byHour[busiest] ? h : busiest;
        }
        return busiest;
    }

    /** DomainList keeps exactly the domains it names: the domains' totals add up to the unfiltered one. */
    @Test
    void transcodeDomainListSelectsItsDomains() {
        String range = "\"StartTime\":\"2026-11-15T00:00:00+08:00\",\"EndTime\":\"2026-11-18T00:00:00+08:00\"";
        double all = transcode("{" + range + "}").json().at("/Result/Duration").asDouble();
        double sum = 0;
        for (String domain : List.of("example.com", "example2.com", "legacy.example.net")) {
            double one = transcode("{\"DomainList\":[\"" + domain + "\"]," + range + "}").json().at("/Result/Duration")
                    .asDouble();
            assertThat(one).as(domain).isLessThan(all);
            sum += one;
        }
        assertThat(all).isPositive().isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-6));
    }

    /** A domain deleted at 2026-10-01T00:00Z (08:00 in +08:00) keeps the minutes before it: 8 hours of that day. */
    @Test
    void aDeletedDomainKeepsItsMinutesUpToDeletedAt() {
        JsonNode days = transcode("{\"DomainList\":[\"legacy.example.net\"],\"StartTime\":"
                + "\"2026-09-30T00:00:00+08:00\",\"EndTime\":\"2026-10-03T00:00:00+08:00\",\"TranscodeType\":"
                + "[\"Normal_H264\"],\"Resolution\":[\"720P\"]}").json().at("/Result/TranscodeDataList");
        assertThat(days).hasSize(2);
        assertThat(days.at("/0/TimeStamp").asString()).isEqualTo("2026-09-30T00:00:00+08:00");
        assertThat(days.at("/1/TimeStamp").asString()).isEqualTo("2026-10-01T00:00:00+08:00");
        assertThat(days.at("/1/Duration").asDouble()).isPositive()
                .isLessThan(days.at("/0/Duration").asDouble() / 2);
    }

    /** Aggregated usage has no row for a profile without minutes: a domain deleted weeks before has none at all. */
    @Test
    void aDomainDeletedBeforeTheRangeHasNoRows() {
        var r = transcode("{\"DomainList\":[\"legacy.example.net\"],\"StartTime\":\"2026-11-15T00:00:00+08:00\","
                + "\"EndTime\":\"2026-11-17T00:00:00+08:00\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().at("/Result/TranscodeDataList").size()).isZero();
        assertThat(r.body()).contains("\"Duration\":0,");

        var all = transcode("{\"StartTime\":\"2026-11-15T00:00:00+08:00\",\"EndTime\":\"2026-11-17T00:00:00+08:00\"}");
        for (JsonNode item : all.json().at("/Result/TranscodeDataList")) {
            assertThat(item.get("Duration").asDouble()).as(item.toString()).isPositive();
        }
    }

    @Test
    void transcodeOnlyAllowsDailyAggregation() {
        assertServiceError(transcode("{\"StartTime\":\"2026-11-15T00:00:00+08:00\",\"EndTime\":"
                + "\"2026-11-18T00:00:00+08:00\",\"Aggregation\":3600}"), 400, "InvalidParam");
    }

    @Test
    void appWithoutStreamIsInvalidParam() {
        assertServiceError(transcode("{\"StartTime\":\"2026-11-15T00:00:00+08:00\",\"EndTime\":"
                + "\"2026-11-18T00:00:00+08:00\",\"App\":\"live\"}"), 400, "InvalidParam");
    }

    @Test
    void appWithBadCharactersIsInvalidParam() {
        assertServiceError(transcode("{\"StartTime\":\"2026-11-15T00:00:00+08:00\",\"EndTime\":"
                + "\"2026-11-18T00:00:00+08:00\",\"App\":\"li ve\",\"Stream\":\"s1\"}"), 400, "InvalidParam");
    }

    /** App takes 1 to 30 characters and Stream 1 to 100: the longest pass, one more is InvalidParam. */
    @ParameterizedTest
    @CsvSource({"30, 100, 200", "31, 100, 400", "30, 101, 400", "0, 1, 400", "1, 0, 400"})
    void appAndStreamLengthLimits(int appLength, int streamLength, int status) {
        TestEmulator.Reply reply = transcode("{\"StartTime\":\"2026-11-15T00:00:00+08:00\",\"EndTime\":"
                + "\"2026-11-18T00:00:00+08:00\",\"App\":\"" + "a".repeat(appLength) + "\",\"Stream\":\""
                + "s".repeat(streamLength) + "\"}");
        if (status == 200) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(reply.json().at("/Result/Stream").asString()).hasSize(streamLength);
        } else {
            assertServiceError(reply, status, "InvalidParam");
        }
    }

    @Test
    void streamUsageIsPartOfTheDomainUsage() {
        String range = "\"DomainList\":[\"example.com\"],\"StartTime\":\"2026-11-15T00:00:00+08:00\","
                + "\"EndTime\":\"2026-11-18T00:00:00+08:00\"";
        double domain = transcode("{" + range + "}").json().at("/Result/Duration").asDouble();
        var stream = transcode("{" + range + ",\"App\":\"live\",\"Stream\":\"match-42\"}").json().get("Result");
        assertThat(stream.get("Duration").asDouble()).isLessThanOrEqualTo(domain);
        assertThat(stream.get("App").asString()).isEqualTo("live");
        assertThat(stream.get("Stream").asString()).isEqualTo("match-42");
    }

    @Test
    void domainOfAnotherAccountIsAccountIdNotAllow() {
        assertServiceError(transcode("{\"DomainList\":[\"live.second-tenant.example\"],\"StartTime\":"
                + "\"2026-11-15T00:00:00+08:00\",\"EndTime\":\"2026-11-18T00:00:00+08:00\"}"), 403,
                "RequestForbidden.AccountIDNotAllow");
    }

    @Test
    void unknownDomainIsResourceNotFound() {
        assertServiceError(transcode("{\"DomainList\":[\"nowhere.example\"],\"StartTime\":"
                + "\"2026-11-15T00:00:00+08:00\",\"EndTime\":\"2026-11-18T00:00:00+08:00\"}"), 404, "ResourceNotFound");
    }

    @Test
    void transcodeSpanOver93DaysIsInvalidParam() {
        assertServiceError(transcode("{\"StartTime\":\"2026-08-01T00:00:00+08:00\",\"EndTime\":"
                + "\"2026-11-03T00:00:00+08:00\"}"), 400, "InvalidParam");
    }

    @Test
    void unknownTranscodeTypeFilterIsInvalidParam() {
        assertServiceError(transcode("{\"StartTime\":\"2026-11-15T00:00:00+08:00\",\"EndTime\":"
                + "\"2026-11-18T00:00:00+08:00\",\"TranscodeType\":[\"VP9\"]}"), 400, "InvalidParam");
    }
}
