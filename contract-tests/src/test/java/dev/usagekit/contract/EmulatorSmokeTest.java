package dev.usagekit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.EmulatorApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The emulator, as a dependency of another module, starts in-process and answers a documented example. */
class EmulatorSmokeTest {

    @Test
    void startsInProcessAndAnswersTheAliyunExample() throws Exception {
        try (var context = EmulatorApplication.inSharedJvm()
                .run("--server.port=0", "--emulator.clock.fixed=2026-11-20T12:00:00Z", "--emulator.clock.frozen=true", "--emulator.signature-mode=off")) {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + port + "/?Action=DescribeLiveProducerUsageData&Version=2016-11-01"
                            + "&AccessKeyId=testid&Format=JSON&StartTime=2026-11-19T00:00:00Z"
                            + "&EndTime=2026-11-19T03:00:00Z")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"BillProducerDataItem\":[").doesNotContain("\"Code\"");
            assertThat(getClass().getClassLoader().getResource(
                    "usagekit/schemas/aliyun/DescribeLiveProducerUsageData.response.json")).isNotNull();
        }
    }
}
