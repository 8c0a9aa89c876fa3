package dev.usagekit.emulator.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.usagekit.emulator.EmulatorApplication;
import dev.usagekit.emulator.fuzz.FuzzInputs.AliyunCase;
import dev.usagekit.emulator.fuzz.FuzzInputs.AliyunStyle;
import dev.usagekit.emulator.fuzz.FuzzInputs.Auth;
import dev.usagekit.emulator.fuzz.FuzzInputs.VolcengineCase;
import dev.usagekit.emulator.fuzz.FuzzRequests;
import dev.usagekit.emulator.fuzz.RawHttp;
import dev.usagekit.emulator.it.TestEmulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A user's secret (emulator.credentials) appears nowhere: not in the startup banner or any other log line (debug
 * on), not in the journal or the catalogue the control plane shows, not in any answer, whether the calls are signed
 * right, wrong, or out of time.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayOutTest {

    private static final String ACCESS_KEY = "AKLTsecretsaudit";
    private static final String SECRET = "Zq8vN3cUserSecretNeverLogged7Xk";

    @Test
    void theSecretIsInNoLogJournalOrAnswer(CapturedOutput output) throws Exception {
        TestEmulator emulator = TestEmulator.strictNamed("secrets-audit", "emulator.limits.enabled=false",
                "emulator.credentials=" + ACCESS_KEY + ":" + SECRET, "logging.level.dev.usagekit=DEBUG");
        List<String> answers = new ArrayList<>();
        try (RawHttp http = new RawHttp("127.0.0.1", emulator.port(), 10_000)) {
            FuzzRequests requests = new FuzzRequests(ACCESS_KEY, SECRET, TestEmulator.NOW, http.hostHeader());
            byte[] body = ("{\"StartTime\":\"2026-11-19T00:00:00+08:00\",\"EndTime\":\"2026-11-20T00:00:00+08:00\","
                    + "\"Aggregation\":86400}").getBytes(StandardCharsets.UTF_8);
            for (Auth auth : Auth.values()) {
                VolcengineCase volcengine = new VolcengineCase("POST", "DescribeLiveTranscodeData", "2023-01-01", "",
                        "application/json", body, auth, "20261120T100000Z", "HMAC-SHA256 Credential=" + ACCESS_KEY);
                answers.add(http.send(requests.volcengine(volcengine)).text());
                for (AliyunStyle style : AliyunStyle.values()) {
                    AliyunCase aliyun = new AliyunCase(style, List.of(Map.entry("StartTime", "2026-11-19T00:00:00Z"),
                            Map.entry("EndTime", "2026-11-20T00:00:00Z"), Map.entry("Format", "JSON")), "",
                            "application/x-www-form-urlencoded", auth, "2026-11-20T10:00:00Z",
                            "ACS3-HMAC-SHA256 Credential=" + ACCESS_KEY);
                    answers.add(http.send(requests.aliyun(aliyun)).text());
                }
            }
        }
        // the calls were really made: good ones served, bad ones refused for their signature or time
        assertThat(String.join("\n", answers)).contains("\"Action\":\"DescribeLiveTranscodeData\"",
                "BillProducerData", "SignatureDoesNotMatch", "InvalidTimestamp", "InvalidTimeStamp.Expired");
        String journal = emulator.get("/_emulator/journal").body();
        String catalogue = emulator.get("/_emulator/fixtures").body();
        assertThat(catalogue).contains(ACCESS_KEY).doesNotContain(SECRET);
        assertThat(journal).contains(ACCESS_KEY.substring(0, 4)).contains("SignatureDoesNotMatch");
        assertThat(output.getAll()).contains(ACCESS_KEY, "Zq8v... (masked)", "signature mismatch");
        // each refusal is logged with the RequestId the client's exception shows, to find it among parallel tests
        assertThat(output.getAll()).containsPattern("Request [0-9A-F]{32}: Volcengine signature mismatch for "
                + ACCESS_KEY).containsPattern("Request [0-9A-F-]{36}: Aliyun signature mismatch for " + ACCESS_KEY)
                .containsPattern("Request [0-9A-F]{32}: signing time ");
        assertThat(output.getAll()).doesNotContain(SECRET);
        assertThat(journal).doesNotContain(SECRET);
        assertThat(answers).noneMatch(a -> a.contains(SECRET));
    }

    /** A catalogue whose secret's quote is never closed: SnakeYAML's message quotes the line, secret and all. */
    private static final String UNTERMINATED_SECRET = "accounts:\n  - accountId: \"2100000042\"\n    name: audit\n"
            + "    accessKeys:\n      - accessKeyId: " + ACCESS_KEY + "\n        secret: \"" + SECRET + "\n";

    @Test
    void aCatalogueThatCannotBeReadIsReportedWithoutItsSecret(CapturedOutput output) throws Exception {
        TestEmulator.Reply refused = TestEmulator.named("secrets-audit-fixtures")
                .post("/_emulator/fixtures", UNTERMINATED_SECRET);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("message").asString()).isEqualTo("cannot read the catalogue of POST"
                + " /_emulator/fixtures: invalid YAML, while scanning a quoted scalar: found unexpected end of stream"
                + " (line: 7, column: 1)");

        Path file = Files.createTempFile("secrets-audit", ".yaml");
        try {
            Files.writeString(file, UNTERMINATED_SECRET);
            assertThatThrownBy(() -> EmulatorApplication.standalone()
                    .run("--server.port=0", "--emulator.fixtures=file:" + file).close())
                    .hasStackTraceContaining("emulator.fixtures: cannot read the catalogue file:" + file
                            + ": invalid YAML, while scanning a quoted scalar");
        } finally {
            Files.delete(file);
        }
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START", "found unexpected end of stream")
                .doesNotContain(SECRET.substring(0, 8));
    }
}
