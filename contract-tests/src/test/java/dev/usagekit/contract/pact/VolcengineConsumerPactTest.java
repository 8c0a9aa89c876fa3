package dev.usagekit.contract.pact;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Pacts of a Volcengine Live and RTC consumer with the emulator as provider. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "usagekit-emulator")
class VolcengineConsumerPactTest {

    static final String CONSUMER = "volcengine-usage-client";
    static final String CLOCK = "clock is 2026-11-20T12:00:00Z";
    static final String BW = "DescribeLivePullToPushBandwidthData";
    static final String TC = "DescribeLiveTranscodeData";
    static final String RTC = "ListOperationDistribution";

    private static String bw(String group, String start, String end) {
        return "{\"GroupList\":[\"" + group + "\"],\"StartTime\":\"" + start + "\",\"EndTime\":\"" + end
                + "\",\"Aggregation\":300}";
    }

    private static String rtc(String app, String start, String end) {
        return "{\"AppId\":\"" + app + "\",\"StartTime\":\"" + start + "\",\"EndTime\":\"" + end
                + "\",\"Indicator\":\"user_count\",\"Dimension\":\"province\"}";
    }

    static final String BW_OK = bw("group001", "2026-11-19T00:00:00+08:00", "2026-11-20T00:00:00+08:00");
    static final String BW_SPAN = bw("group001", "2026-10-01T00:00:00+08:00", "2026-11-20T00:00:00+08:00");
    static final String BW_BADTIME = bw("group001", "2026/11/19 00:00:00", "2026-11-20T00:00:00+08:00");
    static final String OUTAGE = "group001 is out from 2026-11-19T02:00:00Z to 04:00:00Z";
    static final String BW_OUTAGE = bw("group001", "2026-11-19T02:00:00+00:00", "2026-11-19T04:00:00+00:00");
    static final String BW_FOREIGN = bw("group-not-owned", "2026-11-19T00:00:00+08:00", "2026-11-20T00:00:00+08:00");
    static final String TC_OK = "{\"DomainList\":[\"example.com\"],\"StartTime\":\"2026-11-15T00:00:00+08:00\","
            + "\"EndTime\":\"2026-11-18T00:00:00+08:00\",\"Aggregation\":86400}";
    static final String RTC_OK = rtc("Your_AppId", "2026-11-17T00:00:00+08:00", "2026-11-19T00:00:00+08:00");
    static final String RTC_SPAN = rtc("Your_AppId", "2026-11-01T00:00:00+08:00", "2026-11-19T00:00:00+08:00");
    static final String RTC_BADTIME = rtc("Your_AppId", "yesterday", "2026-11-19T00:00:00+08:00");
    static final String RTC_UNKNOWN = rtc("NoSuchAppId", "2026-11-17T00:00:00+08:00", "2026-11-19T00:00:00+08:00");

    private static au.com.dius.pact.consumer.dsl.PactDslRequestWithPath request(PactDslWithProvider b, String description,
            String action, String version, String body, String... states) {
        var withState = b.given(CLOCK);
        for (String s : states) {
            withState = withState.given(s);
        }
        return withState.uponReceiving(description)
                .method("POST").path("/").query("Action=" + action + "&Version=" + version)
                .headers(Map.of("Content-Type", "application/json"))
                // the emulator (signature mode off) only reads the access key out of the Authorization header
                .matchHeader("Authorization", "HMAC-SHA256 Credential=AKLTtestaccesskey/.*", authorization(service(action)))
                .body(body);
    }

    static String service(String action) {
        return action.equals(RTC) ? "rtc" : "live";
    }

    static String authorization(String service) {
        return "HMAC-SHA256 Credential=AKLTtestaccesskey/20261120/cn-north-1/" + service
                + "/request, SignedHeaders=x-date, Signature=" + "0".repeat(64);
    }

    private static DslPart error(String code, Integer codeN) {
        PactDslJsonBody e = new PactDslJsonBody().object("ResponseMetadata")
                .stringType("RequestId")
                .object("Error").stringValue("Code", code).stringType("Message");
        if (codeN != null) {
            e.integerType("CodeN", codeN);
        }
        return e.closeObject().closeObject();
    }

    private static V4Pact errorPact(PactDslWithProvider b, String description, String action, String version, String body,
            int status, String code, Integer codeN, String... states) {
        return request(b, description, action, version, body, states)
                .willRespondWith().status(status).body(error(code, codeN))
                .toPact(V4Pact.class);
    }

    // --- DescribeLivePullToPushBandwidthData ---

    @Pact(consumer = CONSUMER)
    V4Pact bandwidthOk(PactDslWithProvider b) {
        return request(b, "pull-to-push bandwidth of group001 for one day", BW, "2023-01-01", BW_OK, "account demo has group001")
                .willRespondWith().status(200)
                .body(new PactDslJsonBody()
                        .object("ResponseMetadata").stringType("RequestId").stringValue("Action", BW).closeObject()
                        .object("Result")
                        .numberType("PeakUpBandwidth")
                        .minArrayLike("BandwidthDataList", 1)
                        .stringType("TimeStamp")
                        .numberType("UpBandwidth")
                        .closeArray()
                        .closeObject())
                .toPact(V4Pact.class);
    }

    static final String BW_YESTERDAY_EXAMPLE = "{\"GroupList\":[\"group001\"],\"StartTime\":"
            + "\"2020-01-01T00:00:00+08:00\",\"EndTime\":\"2020-01-02T00:00:00+08:00\",\"Aggregation\":3600}";

    /**
     * Yesterday's hourly bandwidth at whatever the provider's clock says: no clock state, the times are filled in by
     * the verifier from the state-change answer (Pact's provider-state generators). The examples lie years beyond the
     * history window, so a verification that replayed them instead would fail.
     */
    @Pact(consumer = CONSUMER)
    V4Pact bandwidthOfYesterdayAtAnyClock(PactDslWithProvider b) {
        return b.given("account demo has group001")
                .uponReceiving("hourly pull-to-push bandwidth of group001 for yesterday, at the provider's clock")
                .method("POST").path("/").query("Action=" + BW + "&Version=2023-01-01")
                .headers(Map.of("Content-Type", "application/json"))
                .matchHeader("Authorization", "HMAC-SHA256 Credential=AKLTtestaccesskey/.*", authorization("live"))
                .body(new PactDslJsonBody()
                        .valueFromProviderState("StartTime", "${yesterday}", "2020-01-01T00:00:00+08:00")
                        .valueFromProviderState("EndTime", "${today}", "2020-01-02T00:00:00+08:00")
                        .numberValue("Aggregation", 3600)
                        .array("GroupList").stringValue("group001").closeArray())
                .willRespondWith().status(200)
                .body(new PactDslJsonBody()
                        .object("ResponseMetadata").stringType("RequestId").stringValue("Action", BW).closeObject()
                        .object("Result")
                        .numberType("PeakUpBandwidth")
                        .minMaxArrayLike("BandwidthDataList", 24, 24)
                        .stringMatcher("TimeStamp", "\\d{4}-\\d\\d-\\d\\dT\\d\\d:00:00\\+08:00",
                                "2020-01-01T00:00:00+08:00")
                        .numberType("UpBandwidth")
                        .closeArray()
                        .closeObject())
                .toPact(V4Pact.class);
    }

    /** A client that charts bandwidth must cope with an outage: points present, every one of them 0. */
    @Pact(consumer = CONSUMER)
    V4Pact bandwidthDuringAnOutage(PactDslWithProvider b) {
        return request(b, "pull-to-push bandwidth of group001 during its outage", BW, "2023-01-01", BW_OUTAGE, OUTAGE)
                .willRespondWith().status(200)
                .body(new PactDslJsonBody()
                        .object("ResponseMetadata").stringType("RequestId").stringValue("Action", BW).closeObject()
                        .object("Result")
                        .equalTo("PeakUpBandwidth", 0) // the services write a whole number as Go does: 0, not 0.0
                        .minArrayLike("BandwidthDataList", 24)
                        .stringType("TimeStamp")
                        .equalTo("UpBandwidth", 0) // overrides the array's type matching: a 0, not just a number
                        .closeArray()
                        .closeObject())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = CONSUMER)
    V4Pact bandwidthSpanTooLong(PactDslWithProvider b) {
        return errorPact(b, "pull-to-push bandwidth over 50 days at 300 s", BW, "2023-01-01", BW_SPAN, 400, "InvalidParam", null,
                "account demo has group001");
    }

    @Pact(consumer = CONSUMER)
    V4Pact bandwidthBadTime(PactDslWithProvider b) {
        return errorPact(b, "pull-to-push bandwidth with a malformed StartTime", BW, "2023-01-01", BW_BADTIME, 400, "InvalidParam",
                null, "account demo has group001");
    }

    @Pact(consumer = CONSUMER)
    V4Pact bandwidthForeignGroup(PactDslWithProvider b) {
        return errorPact(b, "pull-to-push bandwidth of a group the account does not own", BW, "2023-01-01", BW_FOREIGN, 403,
                "RequestForbidden", null);
    }

    @Pact(consumer = CONSUMER)
    V4Pact bandwidthThrottled(PactDslWithProvider b) {
        return errorPact(b, "pull-to-push bandwidth while throttled", BW, "2023-01-01", BW_OK, 429, "FlowLimitExceeded", 100018,
                "account demo has group001", BW + " is throttled for account demo");
    }

    // --- DescribeLiveTranscodeData ---

    @Pact(consumer = CONSUMER)
    V4Pact transcodeOk(PactDslWithProvider b) {
        return request(b, "transcoding per day of example.com", TC, "2023-01-01", TC_OK, "account demo has example.com")
                .willRespondWith().status(200)
                .body(new PactDslJsonBody()
                        .object("ResponseMetadata").stringType("RequestId").stringValue("Action", TC).closeObject()
                        .object("Result")
                        .minArrayLike("TranscodeDataList", 1)
                        .stringType("TimeStamp")
                        .closeArray()
                        .closeObject())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = CONSUMER)
    V4Pact transcodeThrottled(PactDslWithProvider b) {
        return errorPact(b, "transcoding while throttled", TC, "2023-01-01", TC_OK, 429, "FlowLimitExceeded", 100018,
                "account demo has example.com", TC + " is throttled for account demo");
    }

    // --- ListOperationDistribution ---

    @Pact(consumer = CONSUMER)
    V4Pact rtcOk(PactDslWithProvider b) {
        return request(b, "RTC users by province over two days", RTC, "2020-12-01", RTC_OK, "account demo has app Your_AppId")
                .willRespondWith().status(200)
                .body(new PactDslJsonBody()
                        .object("ResponseMetadata").stringType("RequestId").stringValue("Action", RTC).closeObject()
                        .object("Result").closeObject())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = CONSUMER)
    V4Pact rtcSpanTooLong(PactDslWithProvider b) {
        return errorPact(b, "RTC users over 18 days", RTC, "2020-12-01", RTC_SPAN, 400, "InvalidParameter.OutofTimeRange", null,
                "account demo has app Your_AppId");
    }

    @Pact(consumer = CONSUMER)
    V4Pact rtcBadTime(PactDslWithProvider b) {
        return errorPact(b, "RTC users with a malformed StartTime", RTC, "2020-12-01", RTC_BADTIME, 400, "InvalidParameter", null,
                "account demo has app Your_AppId");
    }

    @Pact(consumer = CONSUMER)
    V4Pact rtcUnknownApp(PactDslWithProvider b) {
        return errorPact(b, "RTC users of an unknown app", RTC, "2020-12-01", RTC_UNKNOWN, 400, "InvalidParameter.NotExistAppId",
                null);
    }

    private static UsageClients.VolcengineClient client(MockServer server) {
        return new UsageClients.VolcengineClient(server.getUrl(), "AKLTtestaccesskey");
    }

    /** The client's bandwidth call succeeds and its answer holds the text. */
    private static void bandwidthAnswers(MockServer s, String query, String text) throws Exception {
        var r = client(s).call("live", BW, "2023-01-01", query);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains(text);
    }

    @Test
    @PactTestFor(pactMethod = "bandwidthOk")
    void bandwidthOk(MockServer s) throws Exception {
        bandwidthAnswers(s, BW_OK, "BandwidthDataList");
    }

    @Test
    @PactTestFor(pactMethod = "bandwidthOfYesterdayAtAnyClock")
    void bandwidthOfYesterdayAtAnyClock(MockServer s) throws Exception {
        bandwidthAnswers(s, BW_YESTERDAY_EXAMPLE, "\"BandwidthDataList\"");
    }

    @Test
    @PactTestFor(pactMethod = "bandwidthDuringAnOutage")
    void bandwidthDuringAnOutage(MockServer s) throws Exception {
        bandwidthAnswers(s, BW_OUTAGE, "\"UpBandwidth\":0}");
    }

    @Test
    @PactTestFor(pactMethod = "bandwidthSpanTooLong")
    void bandwidthSpanTooLong(MockServer s) throws Exception {
        assertThat(client(s).call("live", BW, "2023-01-01", BW_SPAN).body()).contains("InvalidParam");
    }

    @Test
    @PactTestFor(pactMethod = "bandwidthBadTime")
    void bandwidthBadTime(MockServer s) throws Exception {
        assertThat(client(s).call("live", BW, "2023-01-01", BW_BADTIME).status()).isEqualTo(400);
    }

    @Test
    @PactTestFor(pactMethod = "bandwidthForeignGroup")
    void bandwidthForeignGroup(MockServer s) throws Exception {
        assertThat(client(s).call("live", BW, "2023-01-01", BW_FOREIGN).body()).contains("RequestForbidden");
    }

    @Test
    @PactTestFor(pactMethod = "bandwidthThrottled")
    void bandwidthThrottled(MockServer s) throws Exception {
        var r = client(s).call("live", BW, "2023-01-01", BW_OK);
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.body()).contains("100018");
    }

    @Test
    @PactTestFor(pactMethod = "transcodeOk")
    void transcodeOk(MockServer s) throws Exception {
        assertThat(client(s).call("live", TC, "2023-01-01", TC_OK).body()).contains("TranscodeDataList");
    }

    @Test
    @PactTestFor(pactMethod = "transcodeThrottled")
    void transcodeThrottled(MockServer s) throws Exception {
        assertThat(client(s).call("live", TC, "2023-01-01", TC_OK).status()).isEqualTo(429);
    }

    @Test
    @PactTestFor(pactMethod = "rtcOk")
    void rtcOk(MockServer s) throws Exception {
        assertThat(client(s).call("rtc", RTC, "2020-12-01", RTC_OK).status()).isEqualTo(200);
    }

    @Test
    @PactTestFor(pactMethod = "rtcSpanTooLong")
    void rtcSpanTooLong(MockServer s) throws Exception {
        assertThat(client(s).call("rtc", RTC, "2020-12-01", RTC_SPAN).body()).contains("OutofTimeRange");
    }

    @Test
    @PactTestFor(pactMethod = "rtcBadTime")
    void rtcBadTime(MockServer s) throws Exception {
        assertThat(client(s).call("rtc", RTC, "2020-12-01", RTC_BADTIME).status()).isEqualTo(400);
    }

    @Test
    @PactTestFor(pactMethod = "rtcUnknownApp")
    void rtcUnknownApp(MockServer s) throws Exception {
        assertThat(client(s).call("rtc", RTC, "2020-12-01", RTC_UNKNOWN).body()).contains("NotExistAppId");
    }
}
