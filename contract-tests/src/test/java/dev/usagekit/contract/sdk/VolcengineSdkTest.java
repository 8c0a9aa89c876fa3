package dev.usagekit.contract.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.volcengine.model.ApiInfo;
import com.volcengine.model.Credentials;
import com.volcengine.model.ServiceInfo;
import com.volcengine.model.live.v20230101.DescribeLivePullToPushBandwidthDataBody;
import com.volcengine.model.live.v20230101.DescribeLivePullToPushBandwidthDataRes;
import com.volcengine.model.live.v20230101.DescribeLivePullToPushBandwidthDataResResult;
import com.volcengine.model.live.v20230101.DescribeLivePullToPushBandwidthDataResResultBandwidthDataListItem;
import com.volcengine.model.live.v20230101.DescribeLivePullToPushBandwidthDataResResultBandwidthDetailDataListItem;
import com.volcengine.model.live.v20230101.DescribeLiveTranscodeDataBody;
import com.volcengine.model.live.v20230101.DescribeLiveTranscodeDataRes;
import com.volcengine.model.live.v20230101.DescribeLiveTranscodeDataResResult;
import com.volcengine.model.live.v20230101.DescribeLiveTranscodeDataResResultTranscodeDataListItem;
import com.volcengine.model.response.RawResponse;
import com.volcengine.service.BaseServiceImpl;
import com.volcengine.service.live.v20230101.LiveService;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.http.Header;
import org.apache.http.message.BasicHeader;
import org.apache.http.message.BasicNameValuePair;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The official Volcengine Java SDK (volc-sdk-java) talks to the emulator unchanged, apart from host and scheme. */
class VolcengineSdkTest {

    static final ZoneOffset CST = ZoneOffset.ofHours(8);
    static final ObjectMapper JSON = new ObjectMapper();

    static RunningEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = RunningEmulator.start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    static String dayStart(LocalDate day) {
        return day.atStartOfDay().atOffset(CST).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static LiveService live(int port, String secret) {
        LiveService live = LiveService.getInstance();
        live.setHost("127.0.0.1:" + port);
        live.setScheme("http");
        live.setAccessKey(RunningEmulator.VOLC_AK);
        live.setSecretKey(secret);
        return live;
    }

    /** RTC ListOperationDistribution has no typed method in the Java SDK; the action is registered by hand. */
    static final class RtcClient extends BaseServiceImpl {
        RtcClient(int port, String secret) {
            this(port, secret, List.of());
        }

        /** @param headers sent with every call, as the SDK's ServiceInfo lets a client add them */
        RtcClient(int port, String secret, List<Header> headers) {
            super(new ServiceInfo(Map.of(
                            "Scheme", "http",
                            "Host", "127.0.0.1:" + port,
                            "Header", headers,
                            "ConnectionTimeout", 5000,
                            "SocketTimeout", 5000,
                            "Credentials", new Credentials("cn-north-1", "rtc"))),
                    Map.of("ListOperationDistribution", new ApiInfo(Map.of(
                            "Method", "POST",
                            "Path", "/",
                            "Query", List.of(
                                    new BasicNameValuePair("Action", "ListOperationDistribution"),
                                    new BasicNameValuePair("Version", "2020-12-01")),
                            "Header", List.of()))));
            setAccessKey(RunningEmulator.VOLC_AK);
            setSecretKey(secret);
        }

        RawResponse listOperationDistribution(String bodyJson) throws Exception {
            return json("ListOperationDistribution", List.of(), bodyJson);
        }
    }

    /**
     * A query of the demo app's users by province. A test that expects data asks for a week (the longest span RTC
     * allows at one day): the model leaves an app idle on a few days in a hundred, and a test that runs on the real
     * date must not fail on such a day.
     */
    static String rtcBody(LocalDate from, LocalDate to) throws Exception {
        return JSON.writeValueAsString(Map.of(
                "AppId", "Your_AppId",
                "StartTime", dayStart(from),
                "EndTime", dayStart(to),
                "Indicator", "user_num",
                "Dimension", "province"));
    }

    static DescribeLivePullToPushBandwidthDataBody pullToPushBody(LocalDate from, LocalDate to, int aggregation) {
        DescribeLivePullToPushBandwidthDataBody body = new DescribeLivePullToPushBandwidthDataBody();
        body.setStartTime(dayStart(from));
        body.setEndTime(dayStart(to));
        body.setAggregation(aggregation);
        body.setGroupList(List.of("group001", "group002"));
        body.setDetailField(List.of("Group"));
        return body;
    }

    static DescribeLiveTranscodeDataBody transcodeBody(LocalDate from, LocalDate to) {
        DescribeLiveTranscodeDataBody body = new DescribeLiveTranscodeDataBody();
        body.setDomainList(List.of("example.com", "example2.com"));
        body.setStartTime(dayStart(from));
        body.setEndTime(dayStart(to));
        body.setAggregation(86400);
        return body;
    }

    static LocalDate today() {
        return LocalDate.now(CST);
    }

    @Test
    void typedPullToPushBandwidthCallParsesBandwidthData() throws Exception {
        DescribeLivePullToPushBandwidthDataRes res = live(emulator.port, RunningEmulator.VOLC_SK)
                .describeLivePullToPushBandwidthData(pullToPushBody(today().minusDays(2), today().minusDays(1), 3600));

        assertThat(res.getResult()).isNotNull();
        assertThat(res.getResult().getBandwidthDetailDataList()).isNotEmpty();
        assertThat(res.getResponseMetadata().getError()).isNull();
    }

    @Test
    void typedTranscodeCallParsesTranscodeData() throws Exception {
        DescribeLiveTranscodeDataRes res = live(emulator.port, RunningEmulator.VOLC_SK)
                .describeLiveTranscodeData(transcodeBody(today().minusDays(3), today().minusDays(1)));

        assertThat(res.getResult()).isNotNull();
        assertThat(res.getResult().getTranscodeDataList()).isNotEmpty();
    }

    @Test
    void liveSpanBeyondNinetyThreeDaysSurfacesInvalidParam() {
        assertThatThrownBy(() -> live(emulator.port, RunningEmulator.VOLC_SK)
                .describeLiveTranscodeData(transcodeBody(today().minusDays(120), today().minusDays(1))))
                .hasMessageContaining("InvalidParam");
    }

    @Test
    void pullToPushSpanBeyondNinetyThreeDaysSurfacesInvalidParam() {
        assertThatThrownBy(() -> live(emulator.port, RunningEmulator.VOLC_SK)
                .describeLivePullToPushBandwidthData(
                        pullToPushBody(today().minusDays(120), today().minusDays(1), 86400)))
                .hasMessageContaining("InvalidParam");
    }

    @Test
    void rtcListOperationDistributionThroughRegisteredActionReturnsData() throws Exception {
        RawResponse raw = new RtcClient(emulator.port, RunningEmulator.VOLC_SK)
                .listOperationDistribution(rtcBody(today().minusDays(8), today().minusDays(1)));

        assertThat(raw.getException()).isNull();
        JsonNode json = JSON.readTree(raw.getData());
        assertThat(json.at("/ResponseMetadata/Error").isMissingNode()).isTrue();
        assertThat(json.at("/Result/Data").isArray()).isTrue();
        assertThat(json.at("/Result/Data")).isNotEmpty();
    }

    @Test
    void rtcSpanBeyondSevenDaysSurfacesVendorCodeInRawResponse() throws Exception {
        RawResponse raw = new RtcClient(emulator.port, RunningEmulator.VOLC_SK)
                .listOperationDistribution(rtcBody(today().minusDays(20), today().minusDays(1)));

        // On an error the SDK drops the body from getData() and carries it as the exception message.
        assertThat(raw.getException()).isNotNull();
        assertThat(raw.getHttpCode()).isGreaterThanOrEqualTo(400);
        JsonNode json = JSON.readTree(raw.getException().getMessage());
        assertThat(json.at("/ResponseMetadata/Error/Code").asText()).startsWith("InvalidParameter");
    }

    @Test
    void aServiceInfoHeaderPinsTheTimeOfTheSdksCallsWithoutMovingTheClock() throws Exception {
        // six weeks back is past RTC's 30-day history, but not for a call whose own time is five weeks back
        LocalDate day = today().minusDays(42);
        String body = rtcBody(day, day.plusDays(7));
        RawResponse refused = new RtcClient(emulator.port, RunningEmulator.VOLC_SK).listOperationDistribution(body);
        assertThat(refused.getHttpCode()).isEqualTo(400);

        String fiveWeeksBack = day.plusDays(8).atStartOfDay().atOffset(CST).toInstant().toString();
        RawResponse pinned = new RtcClient(emulator.port, RunningEmulator.VOLC_SK,
                List.of(new BasicHeader("X-Emulator-Clock", fiveWeeksBack))).listOperationDistribution(body);
        assertThat(pinned.getException()).isNull();
        assertThat(JSON.readTree(pinned.getData()).at("/Result/Data")).isNotEmpty();
    }

    // --- the typed models against the emulator's own answer ---------------------------------------------------

    /**
     * volc-sdk-java declares every number of these two actions {@code Float} (the vendor pages say Float; the
     * emulator, like the service, writes doubles such as 12.860403541550001): the model holds the answer's value
     * rounded to a float, about seven significant digits.
     */
    @Test
    void typedTranscodeModelHoldsTheEmulatorsAnswer() throws Exception {
        LocalDate today = today();
        DescribeLiveTranscodeDataBody body = transcodeBody(today.minusDays(3), today.minusDays(1));
        DescribeLiveTranscodeDataRes res = live(emulator.port, RunningEmulator.VOLC_SK).describeLiveTranscodeData(body);
        JsonNode wire = WireCalls.volcengine(emulator.port, "live", "DescribeLiveTranscodeData", "2023-01-01",
                body.toString()).json();

        assertThat(res.getResponseMetadata().getRequestId()).matches("\\d{14}[0-9A-F]{18}");
        assertThat(res.getResponseMetadata().getAction()).isEqualTo("DescribeLiveTranscodeData");
        assertThat(res.getResponseMetadata().getVersion()).isEqualTo("2023-01-01");
        assertThat(res.getResponseMetadata().getService()).isEqualTo("live");
        assertThat(res.getResponseMetadata().getRegion()).isEqualTo("cn-north-1");
        DescribeLiveTranscodeDataResResult result = res.getResult();
        JsonNode expected = wire.get("Result");
        assertThat(result.getDomainList()).containsExactly("example.com", "example2.com");
        assertThat(result.getStartTime()).isEqualTo(dayStart(today.minusDays(3)));
        assertThat(result.getEndTime()).isEqualTo(dayStart(today.minusDays(1)));
        assertThat(result.getAggregation()).isEqualTo(86400);
        assertThat(result.getDuration()).isEqualTo((float) expected.get("Duration").asDouble());
        List<DescribeLiveTranscodeDataResResultTranscodeDataListItem> items = result.getTranscodeDataList();
        assertThat(items).hasSize(expected.get("TranscodeDataList").size());
        for (int i = 0; i < items.size(); i++) {
            JsonNode want = expected.get("TranscodeDataList").get(i);
            assertThat(items.get(i).getTimeStamp()).isEqualTo(want.get("TimeStamp").asText());
            assertThat(items.get(i).getTranscodeType()).isEqualTo(want.get("TranscodeType").asText());
            assertThat(items.get(i).getResolution()).isEqualTo(want.get("Resolution").asText());
            assertThat(items.get(i).getDuration()).isEqualTo((float) want.get("Duration").asDouble());
        }
    }

    @Test
    void typedPullToPushModelHoldsTheEmulatorsAnswer() throws Exception {
        LocalDate today = today();
        DescribeLivePullToPushBandwidthDataBody body = pullToPushBody(today.minusDays(2), today.minusDays(1), 3600);
        DescribeLivePullToPushBandwidthDataRes res = live(emulator.port, RunningEmulator.VOLC_SK)
                .describeLivePullToPushBandwidthData(body);
        JsonNode expected = WireCalls.volcengine(emulator.port, "live", "DescribeLivePullToPushBandwidthData",
                "2023-01-01", body.toString()).json().get("Result");

        DescribeLivePullToPushBandwidthDataResResult result = res.getResult();
        assertThat(result.getGroupList()).containsExactly("group001", "group002");
        assertThat(result.getDetailField()).containsExactly("Group");
        assertThat(result.getAggregation()).isEqualTo(3600);
        assertThat(result.getPeakUpBandwidth()).isEqualTo((float) expected.get("PeakUpBandwidth").asDouble());
        assertSameSeries(result.getBandwidthDataList(), expected.get("BandwidthDataList"));
        assertThat(result.getBandwidthDataList()).hasSize(24);

        List<DescribeLivePullToPushBandwidthDataResResultBandwidthDetailDataListItem> details =
                result.getBandwidthDetailDataList();
        assertThat(details).extracting(d -> d.getGroup() + "/" + d.getDstAddrType())
                .containsExactly("group001/Third", "group002/Live");
        for (int g = 0; g < details.size(); g++) {
            JsonNode want = expected.get("BandwidthDetailDataList").get(g);
            assertThat(details.get(g).getPeakUpBandwidth()).isEqualTo((float) want.get("PeakUpBandwidth").asDouble());
            List<Float> series = details.get(g).getBandwidthDataList().stream().map(p -> p.getUpBandwidth()).toList();
            assertThat(series).hasSize(24);
            for (int h = 0; h < 24; h++) {
                assertThat(series.get(h)).isEqualTo(
                        (float) want.get("BandwidthDataList").get(h).get("UpBandwidth").asDouble());
                assertThat(details.get(g).getBandwidthDataList().get(h).getTimeStamp())
                        .isEqualTo(want.get("BandwidthDataList").get(h).get("TimeStamp").asText());
            }
        }
    }

    private static void assertSameSeries(List<DescribeLivePullToPushBandwidthDataResResultBandwidthDataListItem> actual,
            JsonNode expected) {
        assertThat(actual).hasSize(expected.size());
        for (int i = 0; i < actual.size(); i++) {
            assertThat(actual.get(i).getTimeStamp()).isEqualTo(expected.get(i).get("TimeStamp").asText());
            assertThat(actual.get(i).getUpBandwidth()).isEqualTo((float) expected.get(i).get("UpBandwidth").asDouble());
        }
    }

    @Test
    void rtcRawAnswerIsTheEmulatorsAnswer() throws Exception {
        String body = rtcBody(today().minusDays(8), today().minusDays(1));
        RawResponse raw = new RtcClient(emulator.port, RunningEmulator.VOLC_SK).listOperationDistribution(body);
        JsonNode expected = WireCalls.volcengine(emulator.port, "rtc", "ListOperationDistribution", "2020-12-01", body)
                .json();

        assertThat(raw.getException()).isNull(); // (getHttpCode() is set on errors only: 0 here)
        JsonNode json = JSON.readTree(raw.getData());
        assertThat(json.get("Result")).isEqualTo(expected.get("Result"));
        assertThat(json.at("/ResponseMetadata/Service").asText()).isEqualTo("rtc");
    }

    // --- errors as the typed client reports them: a plain Exception whose message is the answer's body ----------

    static JsonNode errorBody(Throwable thrown) throws Exception {
        assertThat(thrown).isNotNull().isExactlyInstanceOf(Exception.class);
        return JSON.readTree(thrown.getMessage());
    }

    @Test
    void typedCallForAnUnknownDomainCarriesResourceNotFoundAndTheRequestId() throws Exception {
        DescribeLiveTranscodeDataBody body = transcodeBody(today().minusDays(2), today().minusDays(1));
        body.setDomainList(List.of("not-a-domain-of-ours.example"));
        JsonNode error = errorBody(catchThrowable(() -> live(emulator.port, RunningEmulator.VOLC_SK)
                .describeLiveTranscodeData(body)));

        assertThat(error.at("/ResponseMetadata/Error/Code").asText()).isEqualTo("ResourceNotFound");
        assertThat(error.at("/ResponseMetadata/Error/Message").asText()).isNotBlank();
        assertThat(error.at("/ResponseMetadata/RequestId").asText()).matches("\\d{14}[0-9A-F]{18}");
        assertThat(error.at("/ResponseMetadata/Action").asText()).isEqualTo("DescribeLiveTranscodeData");
    }

    @Test
    void typedCallForAnotherAccountsGroupCarriesRequestForbidden() throws Exception {
        DescribeLivePullToPushBandwidthDataBody body = pullToPushBody(today().minusDays(2), today().minusDays(1), 3600);
        body.setGroupList(List.of("tenant2-relay")); // the second tenant's group
        JsonNode error = errorBody(catchThrowable(() -> live(emulator.port, RunningEmulator.VOLC_SK)
                .describeLivePullToPushBandwidthData(body)));

        assertThat(error.at("/ResponseMetadata/Error/Code").asText()).isEqualTo("RequestForbidden");
        assertThat(error.at("/ResponseMetadata/Error/CodeN").isMissingNode()).isTrue();
    }

    @Test
    void rawCallReportsTheHttpStatusOfAnError() throws Exception {
        RawResponse raw = new RtcClient(emulator.port, "not-the-secret")
                .listOperationDistribution(rtcBody(today().minusDays(2), today().minusDays(1)));

        assertThat(raw.getHttpCode()).isEqualTo(401);
        JsonNode error = JSON.readTree(raw.getException().getMessage());
        assertThat(error.at("/ResponseMetadata/Error/Code").asText()).isEqualTo("SignatureDoesNotMatch");
        assertThat(error.at("/ResponseMetadata/Error/CodeN").asInt()).isEqualTo(100010);
    }
}
