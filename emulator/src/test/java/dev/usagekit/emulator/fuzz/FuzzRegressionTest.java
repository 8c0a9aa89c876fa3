package dev.usagekit.emulator.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.it.TestEmulator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Inputs the fuzzer found that once broke the invariant, kept as exact regression tests. */
class FuzzRegressionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String VOLCENGINE = "/?Action=ListOperationDistribution&Version=2020-12-01";

    private final TestEmulator emulator = TestEmulator.unthrottled();

    private RawHttp.Response exchange(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", emulator.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return RawHttp.read(socket.getInputStream());
        }
    }

    /** Found by the fuzzer: Spring parsed the Content-Type to read the body and answered a bare 500. */
    @Test
    void aContentTypeSpringCannotParseIsServedNot500() throws IOException {
        String body = "{\"AppId\":\"Your_AppId\",\"StartTime\":\"2026-11-19T00:00:00+08:00\",\"EndTime\":"
                + "\"2026-11-20T00:00:00+08:00\",\"Indicator\":\"user_num\",\"Dimension\":\"province\"}";
        for (String contentType : new String[] {"application/json; charset=latin-1", ";;;"}) {
            var r = exchange("POST " + VOLCENGINE + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType
                    + "\r\nAuthorization: HMAC-SHA256 Credential=AKLTtestaccesskey/20261120/cn-north-1/rtc/request, "
                    + "SignedHeaders=x-date, Signature=" + "0".repeat(64) + "\r\nContent-Length: " + body.length()
                    + "\r\n\r\n", body.getBytes(StandardCharsets.UTF_8));
            assertThat(r.status()).as(contentType + ": " + r.text()).isEqualTo(200);
            assertThat(JSON.readTree(r.text()).at("/ResponseMetadata/Action").asString())
                    .isEqualTo("ListOperationDistribution");
        }
    }

    /** Found probing the control plane the same way: it decoded bodies through Spring and answered a bare 500. */
    @Test
    void theControlPlaneReadsABodyWhoseContentTypeSpringCannotParse() throws IOException {
        String body = "{\"freeze\":true}"; // a no-op: the shared test emulator's clock is frozen already
        var r = exchange("POST /_emulator/clock HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json; "
                + "charset=latin-1\r\nContent-Length: " + body.length() + "\r\n\r\n", body.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(JSON.readTree(r.text()).get("frozen").asBoolean()).isTrue();
    }
}
