package dev.usagekit.kit.example;

import static dev.usagekit.kit.UsageAssertions.assertConformsToResponseSchema;
import static dev.usagekit.kit.UsageAssertions.assertLastCallFailedWith;
import static dev.usagekit.kit.UsageAssertions.assertLastCallSent;
import static dev.usagekit.kit.UsageAssertions.assertLastCallThrottled;
import static dev.usagekit.kit.UsageAssertions.assertSentCalls;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.usagekit.kit.EmulatorControl;
import dev.usagekit.kit.UsageEmulator;
import dev.usagekit.kit.UsageEmulatorTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

@UsageEmulatorTest(clock = "2026-11-20T12:00:00Z", frozen = true, signatureMode = "off")
class UsageClientTest {

    /** A tiny "user client": posts one Volcengine OpenAPI call, retrying 5xx answers up to {@code maxAttempts}. */
    record UsageClient(String baseUrl, String accessKey, int maxAttempts) {

        HttpResponse<String> call(String service, String action, String version, String json) throws Exception {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(baseUrl + "/?Action=" + action + "&Version=" + version))
                    .header("Content-Type", "application/json")
                    // signatureMode = "off": any signature passes, the access key still selects the account
                    .header("Authorization", "HMAC-SHA256 Credential=" + accessKey + "/20261120/cn-north-1/"
                            + service + "/request, SignedHeaders=x-date, Signature=" + "0".repeat(64))
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            for (int attempt = 1; attempt < maxAttempts && response.statusCode() >= 500; attempt++) {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            }
            return response;
        }
    }

    static final String TRANSCODE = "DescribeLiveTranscodeData";
    static final String TRANSCODE_BODY = """
            {"DomainList":["example.com","example2.com"],"StartTime":"2026-11-15T00:00:00+08:00",
             "EndTime":"2026-11-18T00:00:00+08:00","Aggregation":86400}""";

    @Test
    void transcodeDataConformsToTheSchema(UsageEmulator emulator, EmulatorControl control) throws Exception {
        UsageClient client = new UsageClient(emulator.baseUrl(), emulator.volcAccessKey(), 3);

        HttpResponse<String> response = client.call("live", TRANSCODE, "2023-01-01", TRANSCODE_BODY);

        assertEquals(200, response.statusCode(), response.body());
        assertConformsToResponseSchema(TRANSCODE, response.body());
        assertSentCalls(control, TRANSCODE, 1);
        assertLastCallSent(control, TRANSCODE, "StartTime", "2026-11-15T00:00:00+08:00");
        assertLastCallSent(control, TRANSCODE, "DomainList", "[\"example.com\",\"example2.com\"]");
    }

    @Test
    void retriesUntilTheFaultGoesAway(UsageEmulator emulator, EmulatorControl control) throws Exception {
        control.fault(TRANSCODE, "InternalError", 500, 2); // fail twice, then succeed
        UsageClient client = new UsageClient(emulator.baseUrl(), emulator.volcAccessKey(), 3);

        HttpResponse<String> response = client.call("live", TRANSCODE, "2023-01-01", TRANSCODE_BODY);

        assertEquals(200, response.statusCode(), response.body());
        assertConformsToResponseSchema(TRANSCODE, response.body());
        assertSentCalls(control, TRANSCODE, 3);
    }

    @Test
    void givesUpAfterMaxAttempts(UsageEmulator emulator, EmulatorControl control) throws Exception {
        control.fault(TRANSCODE, "InternalError", 500, 5);
        UsageClient client = new UsageClient(emulator.baseUrl(), emulator.volcAccessKey(), 3);

        HttpResponse<String> response = client.call("live", TRANSCODE, "2023-01-01", TRANSCODE_BODY);

        assertEquals(500, response.statusCode());
        assertSentCalls(control, TRANSCODE, 3);
        assertLastCallFailedWith(control, TRANSCODE, "InternalError");
    }

    @Test
    void aThirdQuickRtcCallIsThrottled(UsageEmulator emulator, EmulatorControl control) throws Exception {
        UsageClient client = new UsageClient(emulator.baseUrl(), emulator.volcAccessKey(), 1);
        String body = """
                {"AppId":"Your_AppId","StartTime":"2026-11-17T00:00:00+08:00","EndTime":"2026-11-19T00:00:00+08:00",
                 "Indicator":"user_count","Dimension":"province"}""";

        client.call("rtc", "ListOperationDistribution", "2020-12-01", body);
        client.call("rtc", "ListOperationDistribution", "2020-12-01", body);
        HttpResponse<String> third = client.call("rtc", "ListOperationDistribution", "2020-12-01", body);

        assertEquals(429, third.statusCode()); // RTC allows 2/s, and the frozen clock never refills the bucket
        assertSentCalls(control, "ListOperationDistribution", 3);
        assertLastCallThrottled(control, "ListOperationDistribution");
    }
}
