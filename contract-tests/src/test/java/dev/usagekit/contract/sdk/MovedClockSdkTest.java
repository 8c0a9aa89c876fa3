package dev.usagekit.contract.sdk;

import static dev.usagekit.contract.sdk.AliyunSdkTest.acsClient;
import static dev.usagekit.contract.sdk.AliyunSdkTest.callProducer;
import static dev.usagekit.contract.sdk.AliyunSdkTest.producerItems;
import static dev.usagekit.contract.sdk.AliyunSdkTest.producerRequest;
import static dev.usagekit.contract.sdk.AliyunSdkTest.teaClient;
import static dev.usagekit.contract.sdk.AliyunSdkTest.utcMidnight;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.volcengine.model.live.v20230101.DescribeLivePullToPushBandwidthDataRes;
import com.volcengine.model.response.RawResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The virtual clock a week behind the machine's, as a suite that pins its dates runs, with strict signatures kept by
 * a wide {@code emulator.signature-time-window}: the official SDKs sign with the machine's time and every call passes.
 * {@link SignatureRejectionSdkTest} shows the same SDKs refused an hour away under the default window.
 */
@Tag("signature")
class MovedClockSdkTest {

    static final Instant CLOCK = Instant.now().minus(Duration.ofDays(7));

    static RunningEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = RunningEmulator.withClockAt(CLOCK, "--emulator.signature-time-window=3650d");
    }

    @AfterAll
    static void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    static LocalDate cstDay(int daysBeforeClock) {
        return LocalDate.ofInstant(CLOCK, VolcengineSdkTest.CST).minusDays(daysBeforeClock);
    }

    static String utcDay(int daysBeforeClock) {
        return utcMidnight(LocalDate.ofInstant(CLOCK, ZoneOffset.UTC).minusDays(daysBeforeClock));
    }

    @Test
    void volcLiveTypedCallParsesBandwidthData() throws Exception {
        DescribeLivePullToPushBandwidthDataRes res = VolcengineSdkTest.live(emulator.port, RunningEmulator.VOLC_SK)
                .describeLivePullToPushBandwidthData(VolcengineSdkTest.pullToPushBody(cstDay(2), cstDay(1), 3600));

        assertThat(res.getResponseMetadata().getError()).isNull();
        assertThat(res.getResult().getBandwidthDataList()).hasSize(24);
    }

    @Test
    void volcRtcCallReturnsData() throws Exception {
        RawResponse raw = new VolcengineSdkTest.RtcClient(emulator.port, RunningEmulator.VOLC_SK)
                .listOperationDistribution(VolcengineSdkTest.rtcBody(cstDay(8), cstDay(1)));

        assertThat(raw.getException()).isNull();
        JsonNode json = VolcengineSdkTest.JSON.readTree(raw.getData());
        assertThat(json.at("/Result/Data")).isNotEmpty();
    }

    @Test
    void aliyunCoreCallParsesProducerItems() throws Exception {
        var response = acsClient(RunningEmulator.ALIYUN_SK)
                .getAcsResponse(producerRequest(emulator.port, utcDay(2), utcDay(1)));

        assertThat(response.getBillProducerData()).isNotEmpty();
    }

    @Test
    void teaAcs3CallReturnsProducerItems() throws Exception {
        var client = teaClient(emulator.port, RunningEmulator.ALIYUN_SK, null);

        assertThat(producerItems(callProducer(client, utcDay(2), utcDay(1)))).isNotEmpty();
    }

    /** Signature V1 is "v2" in tea-openapi's naming. */
    @Test
    void teaV1CallReturnsProducerItems() throws Exception {
        var client = teaClient(emulator.port, RunningEmulator.ALIYUN_SK, "v2");

        assertThat(producerItems(callProducer(client, utcDay(2), utcDay(1)))).isNotEmpty();
    }
}
