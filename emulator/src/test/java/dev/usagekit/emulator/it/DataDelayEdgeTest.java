package dev.usagekit.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Each action's data delay at its edge. The clock stands at 2026-11-20T12:00Z; the offset is chosen so that the one
 * day asked for ends exactly at now − delay, when it is served, or a minute later, when it is withheld.
 */
class DataDelayEdgeTest {

    private final TestEmulator emulator = TestEmulator.unthrottled();

    /** @param offset the day's offset: its local midnight of the 20th is now − delay, or a minute after */
    @ParameterizedTest
    @CsvSource({
        "ListOperationDistribution, -04:00, true", "ListOperationDistribution, -04:01, false",
        "DescribeLiveTranscodeData, -11:40, true", "DescribeLiveTranscodeData, -11:41, false",
        "DescribeLivePullToPushBandwidthData, -11:45, true", "DescribeLivePullToPushBandwidthData, -11:46, false"})
    void aDayIsServedOnceItEndedByNowMinusTheDelay(String action, String offset, boolean served) {
        String day = "\"StartTime\":\"2026-11-19T00:00:00" + offset + "\",\"EndTime\":\"2026-11-20T00:00:00" + offset
                + "\"";
        List<String> stamps = new ArrayList<>();
        TestEmulator.Reply reply;
        switch (action) {
            case "ListOperationDistribution" -> {
                reply = emulator.volcengine(action, "2020-12-01", "rtc", TestEmulator.VOLC_AK, "{\"AppId\":"
                        + "\"Your_AppId\"," + day + ",\"Indicator\":\"user_num\",\"Dimension\":\"province\"}");
                if (!reply.json().at("/Result/Data").isEmpty()) {
                    stamps.add("2026-11-19T00:00:00" + offset);
                }
            }
            case "DescribeLiveTranscodeData" -> {
                reply = emulator.volcengine(action, "2023-01-01", "live", TestEmulator.VOLC_AK, "{" + day + "}");
                reply.json().at("/Result/TranscodeDataList").forEach(i -> stamps.add(i.get("TimeStamp").asString()));
            }
            default -> {
                reply = emulator.volcengine(action, "2023-01-01", "live", TestEmulator.VOLC_AK,
                        "{" + day + ",\"Aggregation\":86400}");
                reply.json().at("/Result/BandwidthDataList").forEach(p -> stamps.add(p.get("TimeStamp").asString()));
            }
        }
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(stamps.stream().distinct().toList()).as(reply.body())
                .isEqualTo(served ? List.of("2026-11-19T00:00:00" + offset) : List.of());
    }

    /** Aliyun's hours are UTC: with a delay of an hour, the hour ending at 11:00Z is the last one served. */
    @ParameterizedTest
    @CsvSource({"3600, 2026-11-20T10:00:00Z", "86400, 2026-11-19T00:00:00Z"})
    void producerServesTheLastBucketThatEndedAnHourAgo(int interval, String lastServed) {
        TestEmulator.Reply reply = emulator.get("/?Action=DescribeLiveProducerUsageData&Version=2016-11-01"
                + "&Format=JSON&AccessKeyId=" + TestEmulator.ALIYUN_AK + "&Interval=" + interval
                + "&StartTime=2026-11-19T00:00:00Z&EndTime=2026-11-20T12:00:00Z");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode items = reply.json().at("/BillProducerData/BillProducerDataItem");
        assertThat(items.get(items.size() - 1).get("TimeStamp").asString()).isEqualTo(lastServed);
    }
}
