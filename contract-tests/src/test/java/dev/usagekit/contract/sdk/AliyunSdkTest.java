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
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.live.model.v20161101.DescribeLiveProducerUsageDataRequest;
import com.aliyuncs.live.model.v20161101.DescribeLiveProducerUsageDataResponse;
import com.aliyuncs.profile.DefaultProfile;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
}
