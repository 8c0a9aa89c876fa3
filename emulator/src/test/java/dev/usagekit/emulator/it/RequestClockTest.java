package dev.usagekit.emulator.it;

import static dev.usagekit.emulator.it.ErrorEnvelopes.assertAliyunError;
import static dev.usagekit.emulator.it.ErrorEnvelopes.assertServiceError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A call's X-Emulator-Clock header: the call is answered exactly as if the clock stood at that instant, while the clock
 * itself, and every other call, stay where they are.
 */
class RequestClockTest {

    private static final String HEADER = "X-Emulator-Clock";

    private final TestEmulator emulator = TestEmulator.named("request-clock", "emulator.limits.enabled=false");

    @AfterEach
    void clockBack() {
        emulator.post("/_emulator/reset", "");
    }

    /** The calls of the four actions, each sending the header when one is given. */
    private static final List<Function<String[], HttpRequestSpec>> CALLS = List.of(
            h -> HttpRequestSpec.volcengine("ListOperationDistribution", "2020-12-01", "rtc",
                    "{\"AppId\":\"Your_AppId\",\"StartTime\":\"2026-11-10T00:00:00+08:00\",\"EndTime\":"
                            + "\"2026-11-12T00:00:00+08:00\",\"Indicator\":\"user_count\",\"Dimension\":\"province\"}", h),
            h -> HttpRequestSpec.volcengine("DescribeLivePullToPushBandwidthData", "2023-01-01", "live",
                    "{\"GroupList\":[\"group001\"],\"StartTime\":\"2026-11-19T00:00:00Z\",\"EndTime\":"
                            + "\"2026-11-20T12:00:00Z\",\"Aggregation\":300}", h),
            h -> HttpRequestSpec.volcengine("DescribeLiveTranscodeData", "2023-01-01", "live",
                    "{\"DomainList\":[\"example.com\"],\"StartTime\":\"2026-11-19T00:00:00+08:00\",\"EndTime\":"
                            + "\"2026-11-20T00:00:00+08:00\",\"Aggregation\":86400}", h),
            h -> HttpRequestSpec.aliyun("StartTime=2026-11-19T00:00:00Z&EndTime=2026-11-20T00:00:00Z&Interval=3600", h),
            h -> HttpRequestSpec.aliyun("Interval=3600", h)); // the default range ends at now

    /** One call: Volcengine (action, version, service, body) or Aliyun (query), with its extra headers. */
    private record HttpRequestSpec(String action, String version, String service, String body, String aliyunQuery,
            String[] headers) {

        static HttpRequestSpec volcengine(String action, String version, String service, String body, String[] h) {
            return new HttpRequestSpec(action, version, service, body, null, h);
        }

        static HttpRequestSpec aliyun(String query, String[] h) {
            return new HttpRequestSpec(null, null, null, null, query, h);
        }

        TestEmulator.Reply send(TestEmulator emulator) {
            if (aliyunQuery == null) {
                return emulator.volcengineCall("POST", "Action=" + action + "&Version=" + version, service,
                        TestEmulator.VOLC_AK, body, headers);
            }
            HttpRequest.Builder b = HttpRequest.newBuilder(emulator.uri("/?Action=DescribeLiveProducerUsageData"
                    + "&Version=2016-11-01&Format=JSON&AccessKeyId=" + TestEmulator.ALIYUN_AK + "&" + aliyunQuery));
            if (headers.length > 0) {
                b.headers(headers);
            }
            return emulator.send(b.GET().build());
        }
    }

    /** The answer without its request id, which differs from call to call. */
    private static String answer(TestEmulator.Reply reply) {
        JsonNode json = reply.json();
        if (json.has("ResponseMetadata")) {
            ((ObjectNode) json.get("ResponseMetadata")).remove("RequestId");
        }
        if (json instanceof ObjectNode object) {
            object.remove("RequestId");
        }
        return reply.status() + " " + json;
    }

    @Test
    void eachActionAnswersAsIfTheClockStoodAtTheHeadersInstant() {
        int changed = 0;
        for (String instant : List.of("2026-11-20T06:00:00Z", "2026-11-19T20:07:00+08:00", "2026-12-15T00:00:00Z",
                "2026-11-19T00:10:00Z")) {
            int differentFromTheClock = 0;
            for (int c = 0; c < CALLS.size(); c++) {
                String pinned = answer(CALLS.get(c).apply(new String[] {HEADER, instant}).send(emulator));
                assertThat(emulator.post("/_emulator/clock", "{\"set\":\"" + instant + "\"}").status()).isEqualTo(200);
                String moved = answer(CALLS.get(c).apply(new String[0]).send(emulator));
                emulator.post("/_emulator/clock", "{\"set\":\"" + TestEmulator.NOW + "\"}");

                assertThat(pinned).as("call %d at %s", c, instant).isEqualTo(moved);
                if (!answer(CALLS.get(c).apply(new String[0]).send(emulator)).equals(moved)) {
                    differentFromTheClock++;
                }
            }
            // not a vacuous match: the header changes what the clock would have answered
            assertThat(differentFromTheClock).as("answers that the header changed at %s", instant).isPositive();
            changed += differentFromTheClock;
        }
        assertThat(changed).isGreaterThanOrEqualTo(10); // of 20
    }

    @Test
    void theClockAndTheJournalTimeStayWhereTheyAre() {
        TestEmulator.Reply r = CALLS.get(1).apply(new String[] {HEADER, "2026-11-20T06:00:00Z"}).send(emulator);
        assertThat(r.json().at("/Result/BandwidthDataList")).hasSize(24 * 12 + 69); // up to 05:45, 15 min delay

        assertThat(emulator.get("/_emulator/clock").json().get("now").asString()).isEqualTo("2026-11-20T12:00:00Z");
        JsonNode entries = emulator.get("/_emulator/journal?action=DescribeLivePullToPushBandwidthData").json()
                .get("entries");
        JsonNode last = entries.get(entries.size() - 1);
        assertThat(last.get("time").asString()).isEqualTo("2026-11-20T12:00:00Z");
        assertThat(last.at("/details/clock").toString())
                .isEqualTo("{\"now\":\"2026-11-20T06:00:00Z\",\"from\":\"X-Emulator-Clock\"}");
        assertThat(last.at("/details/buckets/servedUntil").asString()).isEqualTo("2026-11-20T05:45:00Z");
    }

    @Test
    void aHeaderThatIsNoInstantInTheClocksRangeIsTheActionsInvalidParameterError() {
        for (String bad : List.of("yesterday", "2026-11-20T06:00:00", "1969-12-31T23:59:59Z", "")) {
            TestEmulator.Reply rtc = CALLS.get(0).apply(new String[] {HEADER, bad}).send(emulator);
            assertServiceError(rtc, 400, "InvalidParameter");
            assertThat(rtc.json().at("/ResponseMetadata/Error/Message").asString()).isEqualTo("Invalid X-Emulator-Clock:"
                    + " must be an ISO-8601 instant from 1970-01-01T00:00:00Z to 9999-12-30T23:59:59Z, such as"
                    + " 2026-11-20T12:00:00Z");

            TestEmulator.Reply live = CALLS.get(1).apply(new String[] {HEADER, bad}).send(emulator);
            assertServiceError(live, 400, "InvalidParam");
            assertThat(live.json().at("/ResponseMetadata/Error/Message").asString())
                    .startsWith("invalid X-Emulator-Clock: must be an ISO-8601 instant");

            TestEmulator.Reply aliyun = CALLS.get(3).apply(new String[] {HEADER, bad}).send(emulator);
            assertAliyunError(aliyun, 400, "InvalidParameter",
                    "The specified value of parameter \"X-Emulator-Clock\" is not valid.");
        }
        JsonNode entries = emulator.get("/_emulator/journal?action=DescribeLiveProducerUsageData").json()
                .get("entries");
        assertThat(entries.get(entries.size() - 1).at("/details/rule").asString()).isEqualTo("clock-header");
    }

    @Test
    void withTheSettingOffTheHeaderIsIgnoredLikeAnyUnknownHeader() {
        TestEmulator off = TestEmulator.named("request-clock-off", "emulator.limits.enabled=false",
                "emulator.clock.request-header=false");
        String plain = answer(CALLS.get(1).apply(new String[0]).send(off));
        assertThat(answer(CALLS.get(1).apply(new String[] {HEADER, "2026-11-20T06:00:00Z"}).send(off)))
                .isEqualTo(plain);
        assertThat(answer(CALLS.get(1).apply(new String[] {HEADER, "yesterday"}).send(off))).isEqualTo(plain);
    }
}
