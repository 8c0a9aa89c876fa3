package dev.usagekit.contract.sdk;

import static dev.usagekit.contract.sdk.VolcengineSdkTest.CST;
import static dev.usagekit.contract.sdk.VolcengineSdkTest.dayStart;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.volcengine.ApiClient;
import com.volcengine.ApiException;
import com.volcengine.ContentType;
import com.volcengine.HttpMethod;
import com.volcengine.UniversalApi;
import com.volcengine.UniversalRequest;
import com.volcengine.sign.Credentials;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated Volcengine Java SDK (volcengine-java-sdk) has no Live or RTC module; its core's {@link UniversalApi}
 * calls any action by service, name and version, signed by the SDK (HMAC-SHA256) and pointed at the emulator with
 * {@code setEndpoint("127.0.0.1:<port>")} and {@code setDisableSSL(true)}. What it parses is checked against the
 * emulator's own answer to the same query ({@link WireCalls}).
 */
class VolcengineUniversalSdkTest {

    static final String LIVE = "2023-01-01";
    static final String RTC = "2020-12-01";

    static RunningEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = RunningEmulator.start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    static UniversalApi universal(int port, String secret) {
        ApiClient client = new ApiClient()
                .setCredentials(Credentials.getCredentials(RunningEmulator.VOLC_AK, secret))
                .setRegion("cn-north-1")
                .setEndpoint("127.0.0.1:" + port)
                .setDisableSSL(true);
        return new UniversalApi(client);
    }

    static UniversalRequest post(String service, String action, String version) {
        return new UniversalRequest(service, action, version, HttpMethod.POST, ContentType.ApplicationJSON);
    }

    static LocalDate today() {
        return LocalDate.now(CST);
    }

    static Map<String, Object> transcodeBody(LocalDate from, LocalDate to) {
        Map<String, Object> body = new HashMap<>();
        body.put("DomainList", List.of("example.com", "example2.com"));
        body.put("StartTime", dayStart(from));
        body.put("EndTime", dayStart(to));
        body.put("Aggregation", 86400);
        return body;
    }

    static Map<String, Object> pullToPushBody(LocalDate day) {
        Map<String, Object> body = new HashMap<>();
        body.put("GroupList", List.of("group001", "group002"));
        body.put("DetailField", List.of("Group"));
        body.put("StartTime", dayStart(day));
        body.put("EndTime", dayStart(day.plusDays(1)));
        body.put("Aggregation", 3600);
        return body;
    }

    static Map<String, Object> rtcBody(LocalDate from, LocalDate to) {
        Map<String, Object> body = new HashMap<>();
        body.put("AppId", "Your_AppId");
        body.put("Indicator", "user_num");
        body.put("Dimension", "province");
        body.put("StartTime", dayStart(from));
        body.put("EndTime", dayStart(to));
        return body;
    }

    /** The answer the emulator gives to the same query, on the wire. */
    static JsonNode wire(String service, String action, String version, Map<String, Object> body) throws Exception {
        WireCalls.Answer answer = WireCalls.volcengine(emulator.port, service, action, version,
                WireCalls.JSON.writeValueAsString(body));
        assertThat(answer.status()).as(answer.json().toString()).isEqualTo(200);
        return answer.json();
    }

    /** UniversalApi hands back the whole envelope as Gson read it (numbers as Double, or Long where whole). */
    static JsonNode parsed(Map<String, Object> envelope) {
        return WireCalls.JSON.valueToTree(envelope);
    }

    static void assertEnvelope(JsonNode sdk, String service, String action, String version) {
        JsonNode meta = sdk.get("ResponseMetadata");
        assertThat(meta.get("RequestId").asText()).matches("\\d{14}[0-9A-F]{18}");
        assertThat(meta.get("Action").asText()).isEqualTo(action);
        assertThat(meta.get("Version").asText()).isEqualTo(version);
        assertThat(meta.get("Service").asText()).isEqualTo(service);
        assertThat(meta.get("Region").asText()).isEqualTo("cn-north-1");
        assertThat(meta.has("Error")).isFalse();
    }

    /** The {@code Result} the SDK parsed and the one the emulator's wire answer holds for the same query. */
    record Results(JsonNode sdk, JsonNode wire) {
    }

    /** Calls the action through the SDK (its envelope checked) and on the wire, with the same body. */
    static Results results(String service, String action, String version, Map<String, Object> body)
            throws Exception {
        JsonNode sdk = parsed(universal(emulator.port, RunningEmulator.VOLC_SK)
                .doCall(post(service, action, version), body));
        JsonNode wire = wire(service, action, version, body);
        assertEnvelope(sdk, service, action, version);
        return new Results(sdk.get("Result"), wire.get("Result"));
    }

    @Test
    void transcodeDataParsesAsTheEmulatorAnswers() throws Exception {
        LocalDate today = today();
        Map<String, Object> body = transcodeBody(today.minusDays(3), today.minusDays(1));
        Results both = results("live", "DescribeLiveTranscodeData", LIVE, body);
        JsonNode result = both.sdk();
        JsonNode expected = both.wire();
        assertThat(result.get("DomainList")).isEqualTo(expected.get("DomainList"));
        assertThat(result.get("StartTime").asText()).isEqualTo(dayStart(today.minusDays(3)));
        assertThat(result.get("EndTime").asText()).isEqualTo(dayStart(today.minusDays(1)));
        assertThat(result.get("Aggregation").asLong()).isEqualTo(86400);
        assertThat(result.get("Duration").asDouble()).isEqualTo(expected.get("Duration").asDouble());

        JsonNode items = result.get("TranscodeDataList");
        JsonNode expectedItems = expected.get("TranscodeDataList");
        assertThat(items.size()).isEqualTo(expectedItems.size()).isPositive();
        double sum = 0;
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            JsonNode want = expectedItems.get(i);
            for (String field : List.of("TimeStamp", "TranscodeType", "Resolution")) {
                assertThat(item.get(field).asText()).as(field + " of item " + i).isEqualTo(want.get(field).asText());
            }
            assertThat(item.get("Duration").asDouble()).as("Duration of item " + i)
                    .isEqualTo(want.get("Duration").asDouble());
            sum += item.get("Duration").asDouble();
        }
        // the total is the sum of the per-day, per-type minutes
        assertThat(sum).isCloseTo(result.get("Duration").asDouble(), within(1e-6));
        // one bucket a day, stamped at the day's start in the request's offset
        assertThat(items).extracting(item -> item.get("TimeStamp").asText())
                .isSubsetOf(dayStart(today.minusDays(3)), dayStart(today.minusDays(2)));
    }

    @Test
    void pullToPushBandwidthParsesAsTheEmulatorAnswers() throws Exception {
        LocalDate day = today().minusDays(2);
        Map<String, Object> body = pullToPushBody(day);
        Results both = results("live", "DescribeLivePullToPushBandwidthData", LIVE, body);
        JsonNode result = both.sdk();
        JsonNode expected = both.wire();
        assertThat(result.get("GroupList")).isEqualTo(expected.get("GroupList"));
        assertThat(result.get("DetailField")).isEqualTo(expected.get("DetailField"));
        assertThat(result.get("Aggregation").asLong()).isEqualTo(3600);
        assertThat(result.get("PeakUpBandwidth").asDouble()).isEqualTo(expected.get("PeakUpBandwidth").asDouble());

        JsonNode total = result.get("BandwidthDataList");
        assertThat(total.size()).isEqualTo(24); // one whole day of hours
        assertSameSeries(total, expected.get("BandwidthDataList"));
        assertThat(max(total)).isEqualTo(result.get("PeakUpBandwidth").asDouble());

        JsonNode details = result.get("BandwidthDetailDataList");
        assertThat(details.size()).isEqualTo(2);
        Map<String, String> dstAddrTypes = new HashMap<>();
        for (int g = 0; g < details.size(); g++) {
            JsonNode detail = details.get(g);
            JsonNode want = expected.get("BandwidthDetailDataList").get(g);
            dstAddrTypes.put(detail.get("Group").asText(), detail.get("DstAddrType").asText());
            assertThat(detail.get("PeakUpBandwidth").asDouble()).isEqualTo(want.get("PeakUpBandwidth").asDouble())
                    .isEqualTo(max(detail.get("BandwidthDataList")));
            assertSameSeries(detail.get("BandwidthDataList"), want.get("BandwidthDataList"));
            // a group's peak in an hour is at most the peak of all groups together in it
            for (int h = 0; h < 24; h++) {
                assertThat(detail.get("BandwidthDataList").get(h).get("UpBandwidth").asDouble())
                        .isLessThanOrEqualTo(total.get(h).get("UpBandwidth").asDouble() + 0.0005);
            }
        }
        // as the catalogue sets them
        assertThat(dstAddrTypes).containsExactlyInAnyOrderEntriesOf(Map.of("group001", "Third", "group002", "Live"));
    }

    private static void assertSameSeries(JsonNode actual, JsonNode expected) {
        assertThat(actual.size()).isEqualTo(expected.size());
        for (int i = 0; i < actual.size(); i++) {
            assertThat(actual.get(i).get("TimeStamp").asText()).isEqualTo(expected.get(i).get("TimeStamp").asText());
            assertThat(actual.get(i).get("UpBandwidth").asDouble()).as("UpBandwidth at " + i)
                    .isEqualTo(expected.get(i).get("UpBandwidth").asDouble());
        }
    }

    private static double max(JsonNode series) {
        double max = 0;
        for (JsonNode point : series) {
            max = Math.max(max, point.get("UpBandwidth").asDouble());
        }
        return max;
    }

    @Test
    void rtcDistributionParsesAsTheEmulatorAnswers() throws Exception {
        LocalDate today = today();
        Map<String, Object> body = rtcBody(today.minusDays(8), today.minusDays(1));
        Results both = results("rtc", "ListOperationDistribution", RTC, body);
        JsonNode result = both.sdk();
        assertThat(result.get("Name").asText()).isEqualTo("user_num");
        assertThat(result.get("Dimension").asText()).isEqualTo("province");
        JsonNode data = result.get("Data");
        JsonNode expected = both.wire().get("Data");
        assertThat(data.size()).isEqualTo(expected.size()).isPositive();
        double proportions = 0;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            JsonNode item = data.get(i);
            assertThat(item.get("DistributionName").asText()).isEqualTo(expected.get(i).get("DistributionName").asText());
            assertThat(item.get("Value").asDouble()).isEqualTo(expected.get(i).get("Value").asDouble());
            assertThat(item.get("Proportion").asDouble()).isEqualTo(expected.get(i).get("Proportion").asDouble());
            proportions += item.get("Proportion").asDouble();
            names.add(item.get("DistributionName").asText());
        }
        assertThat(proportions).isCloseTo(100.0, within(0.5)); // each is rounded to two decimals
        assertThat(names).doesNotHaveDuplicates();
    }

    // --- errors, as the SDK reports them: ApiException with the HTTP status, the body and ResponseMetadata --------

    @Test
    void aSpanOverNinetyThreeDaysIsAnApiExceptionWithStatusCodeMessageAndRequestId() {
        LocalDate today = today();
        ApiException e = catchThrowableOfType(ApiException.class, () -> universal(emulator.port,
                RunningEmulator.VOLC_SK).doCall(post("live", "DescribeLiveTranscodeData", LIVE),
                transcodeBody(today.minusDays(120), today.minusDays(1))));

        assertThat(e).isNotNull();
        assertThat(e.getCode()).isEqualTo(400);
        assertThat(e.getResponseMetadata().getError().getCode()).isEqualTo("InvalidParam");
        assertThat(e.getResponseMetadata().getError().getCodeN()).isNull(); // a service error, not the gateway's
        assertThat(e.getResponseMetadata().getError().getMessage()).contains("93 days");
        assertThat(e.getResponseMetadata().getAction()).isEqualTo("DescribeLiveTranscodeData");
        String requestId = e.getResponseMetadata().getRequestId();
        assertThat(requestId).matches("\\d{14}[0-9A-F]{18}");
        assertThat(e.getResponseHeaders().get("X-Tt-Logid")).containsExactly(requestId);
        assertThat(e.getResponseBody()).contains(requestId);
    }

    @Test
    void aWrongSecretIsSignatureDoesNotMatchWithCodeN() {
        LocalDate today = today();
        ApiException e = catchThrowableOfType(ApiException.class, () -> universal(emulator.port, "not-the-secret")
                .doCall(post("rtc", "ListOperationDistribution", RTC), rtcBody(today.minusDays(2), today.minusDays(1))));

        assertThat(e).isNotNull();
        assertThat(e.getCode()).isEqualTo(401);
        assertThat(e.getResponseMetadata().getError().getCode()).isEqualTo("SignatureDoesNotMatch");
        assertThat(e.getResponseMetadata().getError().getCodeN()).isEqualTo(100010);
        assertThat(e.getResponseMetadata().getService()).isEqualTo("rtc");
    }

    @Test
    void anRtcSpanOverSevenDaysIsOutofTimeRange() {
        LocalDate today = today();
        ApiException e = catchThrowableOfType(ApiException.class, () -> universal(emulator.port,
                RunningEmulator.VOLC_SK).doCall(post("rtc", "ListOperationDistribution", RTC),
                rtcBody(today.minusDays(20), today.minusDays(1))));

        assertThat(e).isNotNull();
        assertThat(e.getCode()).isEqualTo(400);
        assertThat(e.getResponseMetadata().getError().getCode()).isEqualTo("InvalidParameter.OutofTimeRange");
    }

    @Test
    void anUnknownDomainIsResourceNotFound() {
        LocalDate today = today();
        Map<String, Object> body = transcodeBody(today.minusDays(2), today.minusDays(1));
        body.put("DomainList", List.of("not-a-domain-of-ours.example"));
        ApiException e = catchThrowableOfType(ApiException.class, () -> universal(emulator.port,
                RunningEmulator.VOLC_SK).doCall(post("live", "DescribeLiveTranscodeData", LIVE), body));

        assertThat(e).isNotNull();
        assertThat(e.getCode()).isEqualTo(404);
        assertThat(e.getResponseMetadata().getError().getCode()).isEqualTo("ResourceNotFound");
    }

    /** The SDK retries 429 and 5xx answers (three times by default): two injected 500s are retried through. */
    @Test
    void theSdkRetriesInjectedServerErrors() throws Exception {
        emulator.control("DELETE", "/journal", null);
        emulator.control("POST", "/faults",
                "{\"action\":\"DescribeLiveTranscodeData\",\"code\":\"InternalError\",\"status\":500,\"times\":2}");
        UniversalApi api = universal(emulator.port, RunningEmulator.VOLC_SK);
        // the backoff (300-600 ms, doubling) belongs to one Retryer that every ApiClient of the JVM shares: shorten it
        // for this test alone
        long minDelay = api.getApiClient().getMinRetryDelayMs();
        api.getApiClient().setMinRetryDelayMs(10);
        try {
            LocalDate today = today();
            Map<String, Object> envelope = api.doCall(post("live", "DescribeLiveTranscodeData", LIVE),
                    transcodeBody(today.minusDays(2), today.minusDays(1)));

            assertThat(parsed(envelope).at("/Result/TranscodeDataList").size()).isPositive();
            JsonNode journal = WireCalls.JSON.readTree(
                    emulator.control("GET", "/journal?action=DescribeLiveTranscodeData", null)).get("entries");
            assertThat(journal).extracting(entry -> entry.get("outcome").asText())
                    .containsExactly("fault", "fault", "success");
        } finally {
            api.getApiClient().setMinRetryDelayMs(minDelay);
            emulator.control("DELETE", "/faults", null);
        }
    }

    /**
     * {@code ApiClient.addDefaultHeader} sends a header with every call (the SDK signs x-date alone, so any header may
     * be added): X-Emulator-Clock answers the call as of that instant without moving the emulator's clock.
     */
    @Test
    void aDefaultHeaderPinsTheTimeOfTheSdksCalls() throws Exception {
        // six weeks back is past RTC's 30-day history, but not for a call whose own time is five weeks back
        LocalDate day = today().minusDays(42);
        Map<String, Object> body = rtcBody(day, day.plusDays(7));
        ApiException refused = catchThrowableOfType(ApiException.class, () -> universal(emulator.port,
                RunningEmulator.VOLC_SK).doCall(post("rtc", "ListOperationDistribution", RTC), body));
        assertThat(refused.getResponseMetadata().getError().getCode()).isEqualTo("InvalidParameter.OutofTimeRange");

        UniversalApi pinned = universal(emulator.port, RunningEmulator.VOLC_SK);
        pinned.getApiClient().addDefaultHeader("X-Emulator-Clock",
                day.plusDays(8).atStartOfDay().atOffset(CST).toInstant().toString());
        JsonNode answer = parsed(pinned.doCall(post("rtc", "ListOperationDistribution", RTC), body));
        assertThat(answer.at("/Result/Data").size()).isPositive();
    }
}
