package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.volcengine.model.live.v20230101.DescribeLiveTranscodeDataBody;
import com.volcengine.service.live.v20230101.LiveService;
import dev.usagekit.kit.EmulatorControl;
import dev.usagekit.kit.UsageAssertions;
import dev.usagekit.kit.UsageEmulator;
import dev.usagekit.kit.UsageEmulatorTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kit starts and volc-sdk-java's signed calls pass, with Jackson 2.12 and Netty 4.1 on the class path. */
@UsageEmulatorTest
class KitBesideOlderJacksonAndNettyTest {

    @Test
    void anSdkCallIsAnswered(UsageEmulator emulator, EmulatorControl control) throws Exception {
        assertTrue(io.netty.util.Version.identify().get("netty-transport").artifactVersion().startsWith("4.1."));
        LiveService live = LiveService.getInstance();
        live.setHost(emulator.hostAndPort());
        live.setScheme("http");
        live.setAccessKey(emulator.volcAccessKey());
        live.setSecretKey(emulator.volcSecretKey());
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(8));
        DescribeLiveTranscodeDataBody body = new DescribeLiveTranscodeDataBody();
        body.setDomainList(List.of("example.com"));
        body.setStartTime(today.minusDays(8) + "T00:00:00+08:00");
        body.setEndTime(today.minusDays(1) + "T00:00:00+08:00");
        body.setAggregation(86400);

        var answer = live.describeLiveTranscodeData(body);

        assertEquals(List.of("example.com"), answer.getResult().getDomainList());

        UsageAssertions.assertSentCalls(control, "DescribeLiveTranscodeData", 1);
    }
}
