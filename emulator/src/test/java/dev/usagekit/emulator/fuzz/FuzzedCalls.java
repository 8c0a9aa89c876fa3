package dev.usagekit.emulator.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.fuzz.FuzzInputs.AliyunCase;
import dev.usagekit.emulator.fuzz.FuzzInputs.Auth;
import dev.usagekit.emulator.fuzz.FuzzInputs.VolcengineCase;
import dev.usagekit.emulator.it.TestEmulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;

/** The fuzzer's calls of both vendors, signed for the strict emulator at {@link TestEmulator#NOW}. */
abstract class FuzzedCalls {

    final TestEmulator emulator = TestEmulator.strictNow();
    final RawHttp http = new RawHttp("127.0.0.1", emulator.port(), 10_000);
    final FuzzRequests requests = new FuzzRequests(TestEmulator.VOLC_AK, "testsecretkey", TestEmulator.NOW,
            http.hostHeader());
    final FuzzRequests aliyunRequests = new FuzzRequests(TestEmulator.ALIYUN_AK, "testsecret", TestEmulator.NOW,
            http.hostHeader());

    /**
     * A signed call of each Volcengine action, the largest legal query, the control plane's and the actuator's reads,
     * and a Pact verifier's state changes, one of each form. The state changes leave the emulator changed (a scenario,
     * a throttled action): for suites with a JVM of their own.
     */
    void sendEveryKindOfCall() throws IOException {
        for (String[] action : FuzzInputs.VOLCENGINE_ACTIONS) {
            http.send(requests.volcengine(signed(action, "{\"StartTime\":\"2026-11-19T00:00:00+08:00\","
                    + "\"EndTime\":\"2026-11-20T00:00:00+08:00\",\"AppId\":\"Your_AppId\",\"Indicator\":\"user_num\","
                    + "\"Dimension\":\"province\"}")));
        }
        http.send(requests.volcengine(largestLegalQuery()));
        for (String path : List.of("/_emulator/health", "/_emulator/journal", "/_emulator/openapi.json",
                "/_emulator/openapi.yaml", "/actuator/health", "/actuator/prometheus")) {
            http.send(new RawHttp.Request("GET", path, List.of(), new byte[0]));
        }
        // a scenario is read from the class path
        for (String state : List.of("scenario outage-and-spike", "clock is 2026-11-20T12:00:00Z",
                "account demo has group001", "group001 is out from 2026-11-19T02:00:00Z to 04:00:00Z",
                "example.com is at 3x from 2026-11-19T20:00:00+08:00 to 23:00:00+08:00",
                "DescribeLiveTranscodeData is throttled for account demo")) {
            RawHttp.Response answer = http.send(new RawHttp.Request("POST", "/_emulator/provider-states",
                    List.of(Map.entry("Content-Type", "application/json")),
                    ("{\"state\":\"" + state + "\"}").getBytes(StandardCharsets.UTF_8)));
            assertThat(answer.status()).as(state).isEqualTo(200);
        }
    }

    /** 31 days at 300 s, three groups split: a 2.2 MB answer. */
    static VolcengineCase largestLegalQuery() {
        return signed(FuzzInputs.VOLCENGINE_ACTIONS[1], "{\"StartTime\":\"2026-10-19T00:00:00+08:00\","
                + "\"EndTime\":\"2026-11-19T00:00:00+08:00\",\"Aggregation\":300,"
                + "\"GroupList\":[\"group001\",\"group002\",\"group003\"],\"DetailField\":[\"Group\"]}");
    }

    private static VolcengineCase signed(String[] action, String body) {
        return new VolcengineCase("POST", action[0], action[1], "", "application/json",
                body.getBytes(StandardCharsets.UTF_8), Auth.SIGNED, null, null);
    }

    @Provide
    Arbitrary<VolcengineCase> volcengine() {
        return FuzzInputs.volcengine();
    }

    @Provide
    Arbitrary<AliyunCase> aliyun() {
        return FuzzInputs.aliyun();
    }
}
