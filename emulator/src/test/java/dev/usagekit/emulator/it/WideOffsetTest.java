package dev.usagekit.emulator.it;

import static dev.usagekit.emulator.it.ErrorEnvelopes.assertServiceError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.core.WireTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Offsets RFC 3339 allows beyond ±18:00, up to ±23:59, as Go's time.Parse reads them: the same instants as any other
 * offset, their buckets at the local boundaries of that offset, and their time stamps written in it.
 */
class WideOffsetTest {

    private final TestEmulator emulator = TestEmulator.unthrottled();

    private TestEmulator.Reply bandwidth(String start, String end, int aggregation) {
        return emulator.volcengine("DescribeLivePullToPushBandwidthData", "2023-01-01", "live", TestEmulator.VOLC_AK,
                "{\"GroupList\":[\"group001\"],\"StartTime\":\"" + start + "\",\"EndTime\":\"" + end
                        + "\",\"Aggregation\":" + aggregation + "}");
    }

    private TestEmulator.Reply transcode(String start, String end) {
        return emulator.volcengine("DescribeLiveTranscodeData", "2023-01-01", "live", TestEmulator.VOLC_AK,
                "{\"DomainList\":[\"example.com\"],\"StartTime\":\"" + start + "\",\"EndTime\":\"" + end + "\"}");
    }

    private TestEmulator.Reply users(String start, String end) {
        return emulator.volcengine("ListOperationDistribution", "2020-12-01", "rtc", TestEmulator.VOLC_AK,
                "{\"AppId\":\"Your_AppId\",\"StartTime\":\"" + start + "\",\"EndTime\":\"" + end
                        + "\",\"Indicator\":\"user_count\",\"Dimension\":\"province\"}");
    }

    /** The points' instants, read back from their time stamps, each with its value. */
    private static List<String> instantsAndValues(JsonNode points, String valueField) {
        List<String> read = new ArrayList<>();
        for (JsonNode p : points) {
            Instant at = WireTime.parseRfc3339(p.get("TimeStamp").asString()).orElseThrow().instant();
            read.add(at + " " + p.get(valueField).asString());
        }
        return read;
    }

    private static List<String> timeStamps(JsonNode points) {
        List<String> stamps = new ArrayList<>();
        points.forEach(p -> stamps.add(p.get("TimeStamp").asString()));
        return stamps;
    }

    /**
     * The bandwidth of a range written in a wide offset, checked to be the same points, at the same instants, as the
     * range written in the offset a day away ({@code sameHours}); the wide one's result.
     */
    private JsonNode bandwidthAsTheSameHoursElsewhere(String start, String end, String sameHoursStart,
            String sameHoursEnd, int aggregation) {
        TestEmulator.Reply wide = bandwidth(start, end, aggregation);
        assertThat(wide.status()).as(wide.body()).isEqualTo(200);
        JsonNode result = wide.json().get("Result");
        JsonNode elsewhere = bandwidth(sameHoursStart, sameHoursEnd, aggregation).json().get("Result");
        assertThat(instantsAndValues(result.get("BandwidthDataList"), "UpBandwidth"))
                .isEqualTo(instantsAndValues(elsewhere.get("BandwidthDataList"), "UpBandwidth")).isNotEmpty();
        assertThat(result.get("PeakUpBandwidth")).isEqualTo(elsewhere.get("PeakUpBandwidth"));
        return result;
    }

    @Test
    void aStartAtPlusNineteenHoursIsTheDayOfThatOffsetAndItsStampsKeepIt() {
        // local midnight at +19:00 is 05:00 UTC, as it is at -05:00 the day before: the same buckets
        JsonNode result = bandwidthAsTheSameHoursElsewhere("2026-11-18T00:00:00+19:00", "2026-11-19T00:00:00+19:00",
                "2026-11-17T00:00:00-05:00", "2026-11-18T00:00:00-05:00", 3600);
        assertThat(result.get("StartTime").asString()).isEqualTo("2026-11-18T00:00:00+19:00");
        assertThat(result.get("EndTime").asString()).isEqualTo("2026-11-19T00:00:00+19:00");
        assertThat(timeStamps(result.get("BandwidthDataList"))).hasSize(24)
                .startsWith("2026-11-18T00:00:00+19:00").endsWith("2026-11-18T23:00:00+19:00");
    }

    @Test
    void anOffsetOfNoWholeFiveMinutesAlignsItsFiveMinuteBucketsToItsOwnClock() {
        // +19:07 and -04:53 are a day apart: the same five-minute buckets, written each in its own offset
        JsonNode result = bandwidthAsTheSameHoursElsewhere("2026-11-18T10:00:00+19:07", "2026-11-18T11:00:00+19:07",
                "2026-11-17T10:00:00-04:53", "2026-11-17T11:00:00-04:53", 300);
        assertThat(timeStamps(result.get("BandwidthDataList"))).hasSize(12)
                .startsWith("2026-11-18T10:00:00+19:07", "2026-11-18T10:05:00+19:07")
                .endsWith("2026-11-18T10:55:00+19:07");
    }

    @Test
    void transcodeDaysAndUsersOfTheFurthestOffsetsAreThoseOfTheSameHoursElsewhere() {
        // -23:59 is +00:01 a day back
        TestEmulator.Reply farWest = transcode("2026-11-16T00:00:00-23:59", "2026-11-18T00:00:00-23:59");
        TestEmulator.Reply nearUtc = transcode("2026-11-17T00:00:00+00:01", "2026-11-19T00:00:00+00:01");
        assertThat(farWest.status()).as(farWest.body()).isEqualTo(200);
        JsonNode items = farWest.json().at("/Result/TranscodeDataList");
        assertThat(timeStamps(items)).isNotEmpty()
                .allMatch(s -> s.equals("2026-11-16T00:00:00-23:59") || s.equals("2026-11-17T00:00:00-23:59"));
        assertThat(instantsAndValues(items, "Duration"))
                .isEqualTo(instantsAndValues(nearUtc.json().at("/Result/TranscodeDataList"), "Duration"));

        TestEmulator.Reply farEast = users("2026-11-18T00:00:00+23:59", "2026-11-19T00:00:00+23:59");
        assertThat(farEast.status()).as(farEast.body()).isEqualTo(200);
        assertThat(farEast.json().at("/Result/Data"))
                .isEqualTo(users("2026-11-17T00:00:00-00:01", "2026-11-18T00:00:00-00:01").json().at("/Result/Data"))
                .isNotEmpty();
    }

    @Test
    void anOffsetBeyondRfc3339sHoursOrMinutesIsStillRefused() {
        for (String offset : List.of("+24:00", "-24:00", "+23:60")) {
            TestEmulator.Reply live = bandwidth("2026-11-18T00:00:00" + offset, "2026-11-18T06:00:00Z", 3600);
            assertServiceError(live, 400, "InvalidParam");
            assertThat(live.json().at("/ResponseMetadata/Error/Message").asString()).as(offset)
                    .isEqualTo("invalid StartTime: must be an RFC 3339 date-time with seconds and an offset, such as"
                            + " 2026-11-20T00:00:00+08:00");
            TestEmulator.Reply rtc = users("2026-11-18T00:00:00" + offset, "2026-11-18T06:00:00Z");
            assertServiceError(rtc, 400, "InvalidParameter");
        }
    }
}
