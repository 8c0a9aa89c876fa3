package dev.usagekit.emulator.it;

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

    @Test
    void aStartAtPlusNineteenHoursIsTheDayOfThatOffsetAndItsStampsKeepIt() {
        // local midnight at +19:00 is 05:00 UTC, as it is at -05:00 the day before: the same buckets
        TestEmulator.Reply east = bandwidth("2026-11-18T00:00:00+19:00", "2026-11-19T00:00:00+19:00", 3600);
        TestEmulator.Reply west = bandwidth("2026-11-17T00:00:00-05:00", "2026-11-18T00:00:00-05:00", 3600);
        assertThat(east.status()).as(east.body()).isEqualTo(200);
        JsonNode result = east.json().get("Result");
        assertThat(result.get("StartTime").asString()).isEqualTo("2026-11-18T00:00:00+19:00");
        assertThat(result.get("EndTime").asString()).isEqualTo("2026-11-19T00:00:00+19:00");
        List<String> stamps = timeStamps(result.get("BandwidthDataList"));
        assertThat(stamps).hasSize(24);
        assertThat(stamps.get(0)).isEqualTo("2026-11-18T00:00:00+19:00");
        assertThat(stamps.get(23)).isEqualTo("2026-11-18T23:00:00+19:00");
        assertThat(instantsAndValues(result.get("BandwidthDataList"), "UpBandwidth"))
                .isEqualTo(instantsAndValues(west.json().at("/Result/BandwidthDataList"), "UpBandwidth"));
        assertThat(result.get("PeakUpBandwidth")).isEqualTo(west.json().at("/Result/PeakUpBandwidth"));
    }

    @Test
    void anOffsetOfNoWholeFiveMinutesAlignsItsFiveMinuteBucketsToItsOwnClock() {
        // +19:07 and -04:53 are a day apart: the same five-minute buckets, written each in its own offset
        TestEmulator.Reply east = bandwidth("2026-11-18T10:00:00+19:07", "2026-11-18T11:00:00+19:07", 300);
        TestEmulator.Reply west = bandwidth("2026-11-17T10:00:00-04:53", "2026-11-17T11:00:00-04:53", 300);
        assertThat(east.status()).as(east.body()).isEqualTo(200);
        JsonNode points = east.json().at("/Result/BandwidthDataList");
        assertThat(timeStamps(points)).startsWith("2026-11-18T10:00:00+19:07", "2026-11-18T10:05:00+19:07")
                .hasSize(12).last().isEqualTo("2026-11-18T10:55:00+19:07");
        assertThat(instantsAndValues(points, "UpBandwidth"))
                .isEqualTo(instantsAndValues(west.json().at("/Result/BandwidthDataList"), "UpBandwidth"));
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
            assertThat(live.status()).as(offset).isEqualTo(400);
            assertThat(live.json().at("/ResponseMetadata/Error/Message").asString()).as(offset)
                    .isEqualTo("invalid StartTime: must be an RFC 3339 date-time with seconds and an offset, such as"
                            + " 2026-11-20T00:00:00+08:00");
            TestEmulator.Reply rtc = users("2026-11-18T00:00:00" + offset, "2026-11-18T06:00:00Z");
            assertThat(rtc.status()).as(offset).isEqualTo(400);
            assertThat(rtc.json().at("/ResponseMetadata/Error/Code").asString()).isEqualTo("InvalidParameter");
        }
    }
}
