package dev.usagekit.contract.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.aliyun.teaopenapi.models.Params;
import com.aliyun.teautil.models.RuntimeOptions;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ErrorType;
import com.aliyuncs.exceptions.ServerException;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.HttpResponse;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.live.model.v20161101.DescribeLiveProducerUsageDataRequest;
import com.aliyuncs.live.model.v20161101.DescribeLiveProducerUsageDataResponse;
import com.aliyuncs.profile.DefaultProfile;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official Aliyun Java SDKs talk to the emulator unchanged, apart from endpoint and protocol: the classic
 * aliyun-java-sdk-core + aliyun-java-sdk-live (signature V1), and the tea-openapi generic client (ACS3 by default,
 * V1 with signatureAlgorithm "v2").
 */
class AliyunSdkTest {

    static RunningEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = RunningEmulator.start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    static String utcMidnight(LocalDate day) {
        return day + "T00:00:00Z";
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    // --- aliyun-java-sdk-core + aliyun-java-sdk-live ---------------------------------------------------------

    static DefaultAcsClient acsClient(String secret) {
        return new DefaultAcsClient(DefaultProfile.getProfile("cn-shanghai", RunningEmulator.ALIYUN_AK, secret));
    }

    static DescribeLiveProducerUsageDataRequest producerRequest(int port, String start, String end) {
        DescribeLiveProducerUsageDataRequest request = new DescribeLiveProducerUsageDataRequest();
        request.setSysEndpoint("127.0.0.1:" + port);
        request.setSysProtocol(ProtocolType.HTTP);
        request.setStartTime(start);
        request.setEndTime(end);
        return request;
    }

    @Test
    void coreSdkParsesProducerUsageItems() throws Exception {
        DescribeLiveProducerUsageDataResponse response = acsClient(RunningEmulator.ALIYUN_SK).getAcsResponse(
                producerRequest(emulator.port, utcMidnight(today().minusDays(2)), utcMidnight(today().minusDays(1))));

        assertThat(response.getBillProducerData()).isNotEmpty();
        assertThat(response.getRequestId()).isNotBlank();
    }

    @Test
    void coreSdkSurfacesEndTimeBeforeStartTimeAsErrCode() {
        ClientException e = catchThrowableOfType(ClientException.class, () -> acsClient(RunningEmulator.ALIYUN_SK)
                .getAcsResponse(producerRequest(emulator.port,
                        utcMidnight(today().minusDays(1)), utcMidnight(today().minusDays(2)))));

        assertThat(e).isNotNull();
        assertThat(e.getErrCode()).isEqualTo("InvalidEndTime.Mismatch");
    }

    // --- tea-openapi generic client ------------------------------------------------------------------------

    static com.aliyun.teaopenapi.Client teaClient(int port, String secret, String signatureAlgorithm)
            throws Exception {
        Config config = new Config()
                .setAccessKeyId(RunningEmulator.ALIYUN_AK)
                .setAccessKeySecret(secret)
                .setEndpoint("127.0.0.1:" + port)
                .setProtocol("http")
                .setRegionId("cn-shanghai");
        if (signatureAlgorithm != null) {
            config.setSignatureAlgorithm(signatureAlgorithm);
        }
        return new com.aliyun.teaopenapi.Client(config);
    }

    static Params producerParams() {
        return new Params().setAction("DescribeLiveProducerUsageData").setVersion("2016-11-01")
                .setProtocol("HTTP").setPathname("/").setMethod("POST").setAuthType("AK").setStyle("RPC")
                .setReqBodyType("formData").setBodyType("json");
    }

    static Map<String, ?> callProducer(com.aliyun.teaopenapi.Client client, String start, String end)
            throws Exception {
        OpenApiRequest request = new OpenApiRequest().setQuery(Map.of("StartTime", start, "EndTime", end));
        return client.callApi(producerParams(), request, new RuntimeOptions());
    }

    @SuppressWarnings("unchecked")
    static List<?> producerItems(Map<String, ?> result) {
        Map<String, ?> body = (Map<String, ?>) result.get("body");
        Map<String, ?> data = (Map<String, ?>) body.get("BillProducerData");
        return (List<?>) data.get("BillProducerDataItem");
    }

    @Test
    void teaOpenApiWithDefaultAcs3SignatureReturnsProducerItems() throws Exception {
        Map<String, ?> result = callProducer(teaClient(emulator.port, RunningEmulator.ALIYUN_SK, null),
                utcMidnight(today().minusDays(2)), utcMidnight(today().minusDays(1)));

        assertThat(producerItems(result)).isNotEmpty();
    }

    @Test
    void teaOpenApiWithV1SignatureReturnsProducerItems() throws Exception {
        Map<String, ?> result = callProducer(teaClient(emulator.port, RunningEmulator.ALIYUN_SK, "v2"),
                utcMidnight(today().minusDays(2)), utcMidnight(today().minusDays(1)));

        assertThat(producerItems(result)).isNotEmpty();
    }

    @Test
    void teaOpenApiSurfacesEndTimeBeforeStartTimeAsCode() throws Exception {
        com.aliyun.teaopenapi.Client client = teaClient(emulator.port, RunningEmulator.ALIYUN_SK, null);
        TeaException e = catchThrowableOfType(TeaException.class, () -> callProducer(client,
                utcMidnight(today().minusDays(1)), utcMidnight(today().minusDays(2))));

        assertThat(e).isNotNull();
        assertThat(e.getCode()).isEqualTo("InvalidEndTime.Mismatch");
    }

    @Test
    void teaOpenApiV1SurfacesEndTimeBeforeStartTimeAsCode() throws Exception {
        com.aliyun.teaopenapi.Client client = teaClient(emulator.port, RunningEmulator.ALIYUN_SK, "v2");
        TeaException e = catchThrowableOfType(TeaException.class, () -> callProducer(client,
                utcMidnight(today().minusDays(1)), utcMidnight(today().minusDays(2))));

        assertThat(e).isNotNull();
        assertThat(e.getCode()).isEqualTo("InvalidEndTime.Mismatch");
    }

    @Test
    @SuppressWarnings("unchecked")
    void teaOpenApiRequestHeadersPinTheTimeOfOneCall() throws Exception {
        // no times given: the last day up to the call's own now, which the header sets forty days back
        Instant pinned = today().minusDays(40).atTime(6, 30).toInstant(ZoneOffset.UTC);
        for (String signatureAlgorithm : new String[] {null, "v2"}) {
            OpenApiRequest request = new OpenApiRequest().setQuery(Map.of("Interval", "3600"))
                    .setHeaders(Map.of("X-Emulator-Clock", pinned.toString()));
            Map<String, ?> result = teaClient(emulator.port, RunningEmulator.ALIYUN_SK, signatureAlgorithm)
                    .callApi(producerParams(), request, new RuntimeOptions());

            Map<String, ?> body = (Map<String, ?>) result.get("body");
            assertThat(body.get("EndTime")).as(signatureAlgorithm).isEqualTo(utcMidnight(today().minusDays(40))
                    .replace("T00:", "T06:"));
            assertThat(producerItems(result)).hasSize(23); // the last hour still inside the 1 h data delay
        }
    }

    // --- parsed models against the emulator's own answer ----------------------------------------------------

    static final String UUID = "[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}";
    static final List<String> DURATIONS = List.of("OutputHdDuration", "OutputLdDuration", "OutputSdDuration",
            "TranHdDuration", "TranLdDuration", "TranSdDuration");

    /** Two whole UTC days, one bucket a day, split by domain and type. */
    static Map<String, String> splitQuery(LocalDate today) {
        return Map.of("StartTime", utcMidnight(today.minusDays(3)), "EndTime", utcMidnight(today.minusDays(1)),
                "Interval", "86400", "SplitBy", "domain,type");
    }

    static DescribeLiveProducerUsageDataRequest splitRequest(LocalDate today, FormatType format) {
        Map<String, String> query = splitQuery(today);
        DescribeLiveProducerUsageDataRequest request = producerRequest(emulator.port, query.get("StartTime"),
                query.get("EndTime"));
        request.setInterval(query.get("Interval"));
        request.setSplitBy(query.get("SplitBy"));
        request.setSysAcceptFormat(format);
        return request;
    }

    static Long duration(DescribeLiveProducerUsageDataResponse.BillProducerDataItem item, String field) {
        return switch (field) {
            case "OutputHdDuration" -> item.getOutputHdDuration();
            case "OutputLdDuration" -> item.getOutputLdDuration();
            case "OutputSdDuration" -> item.getOutputSdDuration();
            case "TranHdDuration" -> item.getTranHdDuration();
            case "TranLdDuration" -> item.getTranLdDuration();
            case "TranSdDuration" -> item.getTranSdDuration();
            default -> throw new IllegalArgumentException(field);
        };
    }

    /** The JSON the SDK asks for by default, and the XML of {@code setSysAcceptFormat(FormatType.XML)}. */
    @Test
    void coreSdkModelHoldsTheEmulatorsAnswerInJsonAndXml() throws Exception {
        LocalDate today = today();
        JsonNode wire = WireCalls.aliyun(emulator.port, splitQuery(today)).json();
        JsonNode expected = wire.at("/BillProducerData/BillProducerDataItem");
        assertThat(expected.size()).isEqualTo(6); // 2 days x (example.com slidelive and universal, example2.com)

        for (FormatType format : new FormatType[] {FormatType.JSON, FormatType.XML}) {
            DescribeLiveProducerUsageDataResponse response = acsClient(RunningEmulator.ALIYUN_SK)
                    .getAcsResponse(splitRequest(today, format));

            assertThat(response.getRequestId()).as(format.toString()).matches(UUID);
            assertThat(response.getStartTime()).isEqualTo(utcMidnight(today.minusDays(3)));
            assertThat(response.getEndTime()).isEqualTo(utcMidnight(today.minusDays(1)));
            List<DescribeLiveProducerUsageDataResponse.BillProducerDataItem> items = response.getBillProducerData();
            assertThat(items).as(format.toString()).hasSize(expected.size());
            for (int i = 0; i < items.size(); i++) {
                var item = items.get(i);
                JsonNode want = expected.get(i);
                assertThat(item.getTimeStamp()).isEqualTo(want.get("TimeStamp").asText());
                assertThat(item.getDomainName()).isEqualTo(want.get("DomainName").asText());
                assertThat(item.getType()).isEqualTo(want.get("Type").asText());
                assertThat(item.getRegion()).isNull(); // not split by region, so not in the answer
                assertThat(item.getInstance()).isNull();
                for (String field : DURATIONS) {
                    assertThat(duration(item, field)).as(format + " " + field + " of item " + i)
                            .isEqualTo(want.get(field).asLong());
                }
            }
        }
    }

    @Test
    void splitItemsAddUpToTheUnsplitTotals() throws Exception {
        LocalDate today = today();
        List<DescribeLiveProducerUsageDataResponse.BillProducerDataItem> split = acsClient(RunningEmulator.ALIYUN_SK)
                .getAcsResponse(splitRequest(today, FormatType.JSON)).getBillProducerData();
        Map<String, String> unsplit = new HashMap<>(splitQuery(today));
        unsplit.remove("SplitBy");
        JsonNode totals = WireCalls.aliyun(emulator.port, unsplit).json().at("/BillProducerData/BillProducerDataItem");

        assertThat(totals.size()).isEqualTo(2);
        for (JsonNode total : totals) {
            for (String field : DURATIONS) {
                long sum = split.stream().filter(item -> item.getTimeStamp().equals(total.get("TimeStamp").asText()))
                        .mapToLong(item -> duration(item, field)).sum();
                assertThat(sum).as(field + " on " + total.get("TimeStamp")).isEqualTo(total.get(field).asLong());
            }
        }
    }

    /** An hour still inside the 1 h data delay: XML answers {@code <BillProducerData/>}, which the SDK reads as []. */
    @Test
    void coreSdkReadsAnAnswerWithoutItemsAsAnEmptyList() throws Exception {
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        for (FormatType format : new FormatType[] {FormatType.JSON, FormatType.XML}) {
            DescribeLiveProducerUsageDataRequest request = producerRequest(emulator.port, hour.toString(),
                    hour.plus(1, ChronoUnit.HOURS).toString());
            request.setSysAcceptFormat(format);

            DescribeLiveProducerUsageDataResponse response = acsClient(RunningEmulator.ALIYUN_SK)
                    .getAcsResponse(request);

            assertThat(response.getBillProducerData()).as(format.toString()).isNotNull().isEmpty();
            assertThat(response.getRequestId()).matches(UUID);
        }
    }

    @Test
    void coreSdkErrorCarriesCodeMessageRequestIdAndTheRawStatus() throws Exception {
        for (FormatType format : new FormatType[] {FormatType.JSON, FormatType.XML}) {
            DescribeLiveProducerUsageDataRequest request = producerRequest(emulator.port,
                    utcMidnight(today().minusDays(1)), utcMidnight(today().minusDays(2)));
            request.setSysAcceptFormat(format);
            ClientException e = catchThrowableOfType(ClientException.class,
                    () -> acsClient(RunningEmulator.ALIYUN_SK).getAcsResponse(request));

            assertThat(e).as(format.toString()).isNotNull().isExactlyInstanceOf(ClientException.class);
            assertThat(e.getErrorType()).isEqualTo(ErrorType.Client); // a 4xx; a 5xx is a ServerException
            assertThat(e.getErrCode()).isEqualTo("InvalidEndTime.Mismatch");
            assertThat(e.getErrMsg()).isEqualTo("Specified end time does not math the specified start time.");
            assertThat(e.getRequestId()).matches(UUID);

            // the status, through the SDK's raw call
            HttpResponse raw = acsClient(RunningEmulator.ALIYUN_SK).doAction(request);
            assertThat(raw.getStatus()).isEqualTo(400);
            assertThat(raw.getHttpContentString()).contains(raw.getHeaderValue("x-acs-request-id"));
        }
    }

    @Test
    void coreSdkErrorForADomainOfNoOneIsForbidden() throws Exception {
        DescribeLiveProducerUsageDataRequest request = producerRequest(emulator.port,
                utcMidnight(today().minusDays(2)), utcMidnight(today().minusDays(1)));
        request.setDomainName("not-a-domain-of-ours.example");
        ClientException e = catchThrowableOfType(ClientException.class,
                () -> acsClient(RunningEmulator.ALIYUN_SK).getAcsResponse(request));

        assertThat(e).isNotNull();
        assertThat(e.getErrCode()).isEqualTo("Forbidden");
        assertThat(e.getRequestId()).matches(UUID);
        assertThat(acsClient(RunningEmulator.ALIYUN_SK).doAction(request).getStatus()).isEqualTo(403);
    }

    @Test
    @SuppressWarnings("unchecked")
    void teaOpenApiBodyIsTheEmulatorsAnswer() throws Exception {
        LocalDate today = today();
        JsonNode expected = WireCalls.aliyun(emulator.port, splitQuery(today)).json();
        for (String signatureAlgorithm : new String[] {null, "v2"}) {
            Map<String, ?> result = teaClient(emulator.port, RunningEmulator.ALIYUN_SK, signatureAlgorithm)
                    .callApi(producerParams(), new OpenApiRequest().setQuery(splitQuery(today)), new RuntimeOptions());

            assertThat(result.get("statusCode")).isEqualTo(200);
            Map<String, ?> headers = (Map<String, ?>) result.get("headers");
            JsonNode body = WireCalls.JSON.valueToTree(result.get("body"));
            assertThat(body.get("RequestId").asText()).matches(UUID).isEqualTo(headers.get("x-acs-request-id"));
            ((com.fasterxml.jackson.databind.node.ObjectNode) body).remove("RequestId");
            JsonNode want = expected.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) want).remove("RequestId");
            // compared as text: the SDK reads whole numbers as Long, Jackson as Integer
            assertThat(body.toString()).as(String.valueOf(signatureAlgorithm)).isEqualTo(want.toString());
        }
    }

    @Test
    void teaOpenApiErrorCarriesStatusCodeMessageAndRequestId() throws Exception {
        for (String signatureAlgorithm : new String[] {null, "v2"}) {
            TeaException e = catchThrowableOfType(TeaException.class, () -> callProducer(
                    teaClient(emulator.port, RunningEmulator.ALIYUN_SK, signatureAlgorithm),
                    utcMidnight(today().minusDays(1)), utcMidnight(today().minusDays(2))));

            assertThat(e).as(String.valueOf(signatureAlgorithm)).isNotNull();
            assertThat(e.getStatusCode()).isEqualTo(400);
            assertThat(e.getCode()).isEqualTo("InvalidEndTime.Mismatch");
            String requestId = String.valueOf(e.getData().get("RequestId"));
            assertThat(requestId).matches(UUID);
            assertThat(e.getMessage()).contains("Specified end time does not math the specified start time.")
                    .contains(requestId);
        }
        TeaException forbidden = catchThrowableOfType(TeaException.class, () -> teaClient(emulator.port,
                RunningEmulator.ALIYUN_SK, null).callApi(producerParams(), new OpenApiRequest().setQuery(Map.of(
                        "DomainName", "not-a-domain-of-ours.example")), new RuntimeOptions()));
        assertThat(forbidden.getStatusCode()).isEqualTo(403);
        assertThat(forbidden.getCode()).isEqualTo("Forbidden");
    }

    /** A 5xx is a ServerException to the core SDK (it does not retry it), and a TeaException with its status to Tea. */
    @Test
    void aServerErrorIsAServerExceptionAndATeaExceptionWithItsStatus() throws Exception {
        emulator.control("POST", "/faults", "{\"action\":\"DescribeLiveProducerUsageData\","
                + "\"code\":\"ServiceUnavailable\",\"status\":503,\"times\":2}");
        try {
            String start = utcMidnight(today().minusDays(2));
            String end = utcMidnight(today().minusDays(1));
            ClientException core = catchThrowableOfType(ClientException.class,
                    () -> acsClient(RunningEmulator.ALIYUN_SK).getAcsResponse(producerRequest(emulator.port, start, end)));
            assertThat(core).isExactlyInstanceOf(ServerException.class);
            assertThat(core.getErrorType()).isEqualTo(ErrorType.Server);
            assertThat(core.getErrCode()).isEqualTo("ServiceUnavailable");
            assertThat(core.getRequestId()).matches(UUID);

            TeaException tea = catchThrowableOfType(TeaException.class,
                    () -> callProducer(teaClient(emulator.port, RunningEmulator.ALIYUN_SK, null), start, end));
            assertThat(tea.getStatusCode()).isEqualTo(503);
            assertThat(tea.getCode()).isEqualTo("ServiceUnavailable");
            assertThat(tea.getData()).containsKeys("RequestId", "HostId", "Code", "Message", "Recommend");
        } finally {
            emulator.control("DELETE", "/faults", null);
        }
    }

    /**
     * The vendor page's own instance id and app end in {@code ****}, which signature V1 and ACS3 encode as
     * {@code %2A}: both SDKs, GET and POST, sign them as the emulator checks, and the filter and split select them.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theDocsInstanceIdWithStarsIsSignedFilteredAndSplit() throws Exception {
        String instance = "a17d0184-462d-4630-b2a6-8c26dde2****";
        String start = utcMidnight(today().minusDays(2));
        String end = utcMidnight(today().minusDays(1));
        for (MethodType method : new MethodType[] {MethodType.POST, MethodType.GET}) {
            DescribeLiveProducerUsageDataRequest request = producerRequest(emulator.port, start, end);
            request.setSysMethod(method);
            request.setInstance(instance);
            request.setApp("liveApp****");
            request.setSplitBy("instance,region");
            request.setInterval("86400");
            List<DescribeLiveProducerUsageDataResponse.BillProducerDataItem> items =
                    acsClient(RunningEmulator.ALIYUN_SK).getAcsResponse(request).getBillProducerData();
            assertThat(items).as(method.toString()).singleElement()
                    .satisfies(item -> assertThat(item.getInstance() + "/" + item.getRegion())
                            .isEqualTo(instance + "/cn-shanghai"));
        }
        for (String signatureAlgorithm : new String[] {null, "v2"}) {
            for (String method : new String[] {"POST", "GET"}) {
                Map<String, ?> result = teaClient(emulator.port, RunningEmulator.ALIYUN_SK, signatureAlgorithm)
                        .callApi(producerParams().setMethod(method), new OpenApiRequest().setQuery(Map.of(
                                "StartTime", start, "EndTime", end, "Instance", instance, "app", "liveApp****",
                                "SplitBy", "instance", "Interval", "86400")), new RuntimeOptions());
                List<Map<String, ?>> items = (List<Map<String, ?>>) producerItems(result);
                assertThat(items).as(signatureAlgorithm + " " + method).singleElement()
                        .satisfies(item -> assertThat(item.get("Instance")).isEqualTo(instance));
            }
        }
    }
}
