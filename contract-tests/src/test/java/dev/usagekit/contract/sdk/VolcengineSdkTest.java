package dev.usagekit.contract.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.volcengine.model.ApiInfo;
import com.volcengine.model.Credentials;
import com.volcengine.model.ServiceInfo;
import com.volcengine.model.live.v20230101.DescribeLivePullToPushBandwidthDataBody;
import com.volcengine.model.live.v20230101.DescribeLivePullToPushBandwidthDataRes;
import com.volcengine.model.live.v20230101.DescribeLiveTranscodeDataBody;
import com.volcengine.model.live.v20230101.DescribeLiveTranscodeDataRes;
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
}
