package dev.usagekit.emulator.it;

import static dev.usagekit.emulator.it.ErrorEnvelopes.assertAliyunError;
import static dev.usagekit.emulator.it.ErrorEnvelopes.assertGatewayError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.signing.ClientSigning;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code emulator.signature-time-window}: how far a signing time may be from the virtual clock. SDKs sign with the
 * system time, so a test that moves the clock an hour away keeps strict signatures by widening the window; a request
 * that names its own X-Expires keeps it.
 */
class SignatureTimeWindowTest {

    private static final Instant NOW = TestEmulator.NOW;
    private static final String BODY = "{\"DomainList\":[\"example.com\"],\"StartTime\":\"2026-11-18T00:00:00+08:00\","
            + "\"EndTime\":\"2026-11-19T00:00:00+08:00\",\"Aggregation\":86400}";

    private final TestEmulator standard = TestEmulator.strictNow();
    private final TestEmulator widened = TestEmulator.strictNamed("strict-window-2h",
            "emulator.signature-time-window=2h", "emulator.limits.enabled=false");

    /** A transcode query signed at {@code signedAt} as volc-sdk-java signs it, with any extra headers. */
    private static TestEmulator.Reply volcengine(TestEmulator emulator, Instant signedAt, String... extraHeaders) {
        return volcengineSending(BODY, emulator, signedAt, extraHeaders);
    }

    /** The transcode query signed at {@code signedAt}, sent with {@code sentBody} as its body. */
    private static TestEmulator.Reply volcengineSending(String sentBody, TestEmulator emulator, Instant signedAt,
            String... extraHeaders) {
        var signed = ClientSigning.volcenginePost("127.0.0.1:" + emulator.port(), signedAt, "live",
                "DescribeLiveTranscodeData", "2023-01-01", BODY, TestEmulator.VOLC_AK, "testsecretkey");
        String head = "POST " + signed.pathAndQuery() + " HTTP/1.1\r\n" + signed.headers().entrySet().stream()
                .map(h -> h.getKey() + ": " + h.getValue() + "\r\n").collect(Collectors.joining())
                + Stream.of(extraHeaders).map(h -> h + "\r\n").collect(Collectors.joining());
        return emulator.raw(head, sentBody.getBytes(StandardCharsets.UTF_8));
    }

    private static TestEmulator.Reply aliyun(TestEmulator emulator, Instant signedAt, String nonce) {
        Map<String, List<String>> params = ClientSigning.aliyunV1("POST", "DescribeLiveProducerUsageData",
                "2016-11-01", Map.of("StartTime", "2026-11-18T00:00:00Z", "EndTime", "2026-11-19T00:00:00Z"),
                TestEmulator.ALIYUN_AK, "testsecret", nonce, signedAt);
        return emulator.postForm(params.entrySet().stream()
                .map(p -> encode(p.getKey()) + "=" + encode(p.getValue().get(0))).collect(Collectors.joining("&")));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void byDefaultASignatureOfAnHourAgoIsInvalidTimestamp() {
        assertGatewayError(volcengine(standard, NOW.minus(Duration.ofHours(1))), 400, "InvalidTimestamp", 100006);
        assertAliyunError(aliyun(standard, NOW.minus(Duration.ofHours(1)), UUID.randomUUID().toString()), 400,
                "InvalidTimeStamp.Expired", null);
    }

    /** The default window is 900 s either way, both ends included: a second more is refused, by both vendors. */
    @ParameterizedTest
    @ValueSource(longs = {-901, -900, 900, 901})
    void byDefaultASigningTimeUpToFifteenMinutesAwayIsAccepted(long seconds) {
        Instant signedAt = NOW.plusSeconds(seconds);
        boolean accepted = Math.abs(seconds) <= 900;
        TestEmulator.Reply volc = volcengine(standard, signedAt);
        TestEmulator.Reply ali = aliyun(standard, signedAt, UUID.randomUUID().toString());
        if (accepted) {
            assertThat(volc.status()).as(volc.body()).isEqualTo(200);
            assertThat(ali.status()).as(ali.body()).isEqualTo(200);
        } else {
            assertGatewayError(volc, 400, "InvalidTimestamp", 100006);
            assertAliyunError(ali, 400, "InvalidTimeStamp.Expired", null);
        }
    }

    @Test
    void aWidenedWindowAcceptsSigningTimesWithinItOnEitherSide() {
        for (Duration offset : List.of(Duration.ofHours(-1), Duration.ofMinutes(-119), Duration.ofHours(1))) {
            var volc = volcengine(widened, NOW.plus(offset));
            assertThat(volc.status()).as(offset + ": " + volc.body()).isEqualTo(200);
            var ali = aliyun(widened, NOW.plus(offset), UUID.randomUUID().toString());
            assertThat(ali.status()).as(offset + ": " + ali.body()).isEqualTo(200);
            assertThat(ali.json().has("BillProducerData")).isTrue();
        }
    }

    @Test
    void aWidenedWindowStillRefusesSigningTimesBeyondIt() {
        assertGatewayError(volcengine(widened, NOW.minus(Duration.ofMinutes(121))), 400, "InvalidTimestamp", 100006);
        assertAliyunError(aliyun(widened, NOW.plus(Duration.ofMinutes(121)), UUID.randomUUID().toString()), 400,
                "InvalidTimeStamp.Expired", null);
    }

    @Test
    void aWidenedWindowStillChecksTheSignature() {
        assertGatewayError(volcengineSending(BODY.replace("18T", "17T"), widened, NOW.minus(Duration.ofHours(1))), 401,
                "SignatureDoesNotMatch", 100010);
    }

    /** X-Expires is the request's own validity: it wins over the window, narrower or wider. */
    @Test
    void aRequestsOwnXExpiresWinsOverTheWindow() {
        assertGatewayError(volcengine(widened, NOW.minus(Duration.ofMinutes(2)), "X-Expires: 60"), 400,
                "InvalidTimestamp", 100006);
        var longLived = volcengine(standard, NOW.minus(Duration.ofHours(1)), "X-Expires: 10800");
        assertThat(longLived.status()).as(longLived.body()).isEqualTo(200);
    }

    /** Nonces are remembered as long as a signing time is accepted, or a replay would pass once they are dropped. */
    @Test
    void aliyunNoncesAreRememberedForTheWholeWindow() {
        TestEmulator moving = TestEmulator.strictNamed("strict-window-2h-nonces",
                "emulator.signature-time-window=2h", "emulator.limits.enabled=false");
        String nonce = UUID.randomUUID().toString();
        assertThat(aliyun(moving, NOW, nonce).status()).isEqualTo(200);

        var moved = moving.post("/_emulator/clock", "{\"advance\":\"PT30M\"}");
        assertThat(moved.status()).isEqualTo(200);

        assertAliyunError(aliyun(moving, NOW, nonce), 400, "SignatureNonceUsed", null);
    }

    /** The journal says why: the signing time, the clock, the window and where it came from. */
    @Test
    void theJournalExplainsARefusedSigningTime() {
        volcengine(standard, NOW.minus(Duration.ofDays(7)));
        assertThat(lastSignatureNote(standard, "DescribeLiveTranscodeData")).isEqualTo(Map.of(
                "result", "signing time outside the window", "signedAt", "2026-11-13T12:00:00Z",
                "clock", NOW.toString(), "window", "PT15M", "windowFrom", "emulator.signature-time-window"));

        aliyun(standard, NOW.plus(Duration.ofHours(1)), UUID.randomUUID().toString());
        assertThat(lastSignatureNote(standard, "DescribeLiveProducerUsageData")).containsEntry("signedAt",
                "2026-11-20T13:00:00Z").containsEntry("window", "PT15M");

        volcengine(widened, NOW.minus(Duration.ofMinutes(2)), "X-Expires: 60");
        assertThat(lastSignatureNote(widened, "DescribeLiveTranscodeData")).containsEntry("window", "PT1M")
                .containsEntry("windowFrom", "X-Expires");
    }

    private static Map<String, Object> lastSignatureNote(TestEmulator emulator, String action) {
        JsonNode entry = emulator.get("/_emulator/journal?action=" + action + "&limit=1").json().at("/entries/0");
        Map<String, Object> note = new java.util.LinkedHashMap<>();
        entry.at("/details/signature").properties().forEach(f -> note.put(f.getKey(), f.getValue().asString()));
        return note;
    }

    @Test
    void infoShowsTheWindow() {
        assertThat(widened.get("/_emulator/info").json().at("/signature/timeWindow").asString()).isEqualTo("PT2H");
    }
}
