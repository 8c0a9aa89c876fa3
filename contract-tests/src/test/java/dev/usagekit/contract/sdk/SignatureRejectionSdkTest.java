package dev.usagekit.contract.sdk;

import static dev.usagekit.contract.sdk.AliyunSdkTest.acsClient;
import static dev.usagekit.contract.sdk.AliyunSdkTest.callProducer;
import static dev.usagekit.contract.sdk.AliyunSdkTest.producerRequest;
import static dev.usagekit.contract.sdk.AliyunSdkTest.teaClient;
import static dev.usagekit.contract.sdk.AliyunSdkTest.utcMidnight;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.tea.TeaException;
import com.aliyuncs.exceptions.ClientException;
import com.fasterxml.jackson.databind.JsonNode;
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
 * Signature verification as seen through the official SDKs. A wrong secret is the only mistake in an otherwise valid
 * call; a clock skew is made by running a second emulator whose clock starts one hour ahead of the system clock
 * (fixed, not frozen), because the SDKs always sign with the system time. The query dates stay valid for both clocks.
 */
@Tag("signature")
class SignatureRejectionSdkTest {

    static final String WRONG_SECRET = "not-the-secret";
    static final Duration SKEW = Duration.ofHours(1);

    static RunningEmulator emulator;
    static RunningEmulator skewed;

    @BeforeAll
    static void start() {
        emulator = RunningEmulator.start();
        skewed = RunningEmulator.withClockAt(Instant.now().plus(SKEW));
    }

    @AfterAll
    static void stop() {
        if (emulator != null) {
            emulator.close();
        }
        if (skewed != null) {
            skewed.close();
        }
    }

    static LocalDate cstToday() {
        return LocalDate.now(VolcengineSdkTest.CST);
    }

    static LocalDate utcToday() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    // --- Volcengine (volc-sdk-java, HMAC-SHA256 V4) ----------------------------------------------------------

    @Test
    void volcLiveWithWrongSecretSurfacesSignatureDoesNotMatch() {
        assertThatThrownBy(() -> VolcengineSdkTest.live(emulator.port, WRONG_SECRET).describeLiveTranscodeData(
                VolcengineSdkTest.transcodeBody(cstToday().minusDays(2), cstToday().minusDays(1))))
                .hasMessageContaining("SignatureDoesNotMatch");
    }

    @Test
    void volcRtcWithWrongSecretSurfacesSignatureDoesNotMatch() throws Exception {
        RawResponse raw = new VolcengineSdkTest.RtcClient(emulator.port, WRONG_SECRET).listOperationDistribution(
                VolcengineSdkTest.rtcBody(cstToday().minusDays(2), cstToday().minusDays(1)));

        assertThat(raw.getException()).isNotNull();
        JsonNode json = VolcengineSdkTest.JSON.readTree(raw.getException().getMessage());
        assertThat(json.at("/ResponseMetadata/Error/Code").asText()).isEqualTo("SignatureDoesNotMatch");
    }

    @Test
    void volcLiveSignedAnHourBeforeEmulatorTimeSurfacesInvalidTimestamp() {
        assertThatThrownBy(() -> VolcengineSdkTest.live(skewed.port, RunningEmulator.VOLC_SK)
                .describeLivePullToPushBandwidthData(VolcengineSdkTest.pullToPushBody(
                        cstToday().minusDays(2), cstToday().minusDays(1), 3600)))
                .hasMessageContaining("InvalidTimestamp");
    }

    @Test
    void volcRtcSignedAnHourBeforeEmulatorTimeSurfacesInvalidTimestamp() throws Exception {
        RawResponse raw = new VolcengineSdkTest.RtcClient(skewed.port, RunningEmulator.VOLC_SK)
                .listOperationDistribution(VolcengineSdkTest.rtcBody(cstToday().minusDays(2), cstToday().minusDays(1)));

        assertThat(raw.getException()).isNotNull();
        JsonNode json = VolcengineSdkTest.JSON.readTree(raw.getException().getMessage());
        assertThat(json.at("/ResponseMetadata/Error/Code").asText()).isEqualTo("InvalidTimestamp");
    }

    // --- Aliyun core SDK (signature V1, HMAC-SHA1) -----------------------------------------------------------

    /**
     * The emulator echoes its string to sign as the real gateway does; the core SDK finds it equal to its own and so
     * blames the secret, exactly as against the cloud.
     */
    @Test
    void aliyunCoreWithWrongSecretSurfacesInvalidAccessKeySecret() {
        ClientException e = catchThrowableOfType(ClientException.class, () -> acsClient(WRONG_SECRET)
                .getAcsResponse(producerRequest(emulator.port,
                        utcMidnight(utcToday().minusDays(2)), utcMidnight(utcToday().minusDays(1)))));

        assertThat(e).isNotNull();
        assertThat(e.getErrCode()).isEqualTo("SDK.InvalidAccessKeySecret");
    }

    @Test
    void aliyunCoreSignedAnHourBeforeEmulatorTimeSurfacesExpiredTimestamp() {
        ClientException e = catchThrowableOfType(ClientException.class, () -> acsClient(RunningEmulator.ALIYUN_SK)
                .getAcsResponse(producerRequest(skewed.port,
                        utcMidnight(utcToday().minusDays(2)), utcMidnight(utcToday().minusDays(1)))));

        assertThat(e).isNotNull();
        assertThat(e.getErrCode()).isEqualTo("InvalidTimeStamp.Expired");
    }

    // --- Aliyun tea-openapi (ACS3-HMAC-SHA256 by default, V1 with signatureAlgorithm "v2") -------------------

    @Test
    void teaAcs3WithWrongSecretSurfacesSignatureDoesNotMatch() throws Exception {
        assertTeaCode(emulator, WRONG_SECRET, null, "SignatureDoesNotMatch");
    }

    @Test
    void teaV1WithWrongSecretSurfacesSignatureDoesNotMatch() throws Exception {
        assertTeaCode(emulator, WRONG_SECRET, "v2", "SignatureDoesNotMatch");
    }

    @Test
    void teaAcs3SignedAnHourBeforeEmulatorTimeSurfacesExpiredTimestamp() throws Exception {
        assertTeaCode(skewed, RunningEmulator.ALIYUN_SK, null, "InvalidTimeStamp.Expired");
    }

    @Test
    void teaV1SignedAnHourBeforeEmulatorTimeSurfacesExpiredTimestamp() throws Exception {
        assertTeaCode(skewed, RunningEmulator.ALIYUN_SK, "v2", "InvalidTimeStamp.Expired");
    }

    private static void assertTeaCode(RunningEmulator target, String secret, String signatureAlgorithm,
            String expectedCode) throws Exception {
        com.aliyun.teaopenapi.Client client = teaClient(target.port, secret, signatureAlgorithm);
        TeaException e = catchThrowableOfType(TeaException.class, () -> callProducer(client,
                utcMidnight(utcToday().minusDays(2)), utcMidnight(utcToday().minusDays(1))));

        assertThat(e).isNotNull();
        assertThat(e.getCode()).isEqualTo(expectedCode);
    }
}
