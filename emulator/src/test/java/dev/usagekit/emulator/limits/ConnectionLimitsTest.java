package dev.usagekit.emulator.limits;

import static dev.usagekit.emulator.it.ErrorEnvelopes.assertAliyunError;
import static dev.usagekit.emulator.it.ErrorEnvelopes.assertAliyunXmlError;
import static dev.usagekit.emulator.it.ErrorEnvelopes.assertGatewayError;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.usagekit.emulator.fuzz.RawHttp;
import dev.usagekit.emulator.it.TestEmulator;
import dev.usagekit.emulator.web.ClientGoneExceptionHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import org.springframework.web.server.adapter.HttpWebHandlerAdapter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Limits on what a connection may send, over raw sockets: every refusal is the vendor's envelope, never Reactor
 * Netty's or Spring's bare status, and the emulator stays healthy.
 */
class ConnectionLimitsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String IMF_FIXDATE = "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT";
    private static final String VOLCENGINE = "/?Action=ListOperationDistribution&Version=2020-12-01";
    private static final String ALIYUN = "/?Action=DescribeLiveProducerUsageData&Version=2016-11-01&Format=JSON";

    private final TestEmulator emulator = TestEmulator.named("connection-limits", "emulator.limits.enabled=false",
            "emulator.request-timeout=1s", "server.netty.idle-timeout=2s", "emulator.max-body-size=64KB");

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", emulator.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private RawHttp.Response exchange(String head, byte[] body) throws IOException {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return RawHttp.read(socket.getInputStream());
        }
    }

    /** Refusals of what the connection sent, which no vendor documents: none has a CodeN. */
    private static JsonNode volcengineError(RawHttp.Response r, int status, String code) {
        assertGatewayError(reply(r), status, code, null);
        assertThat(r.header("date")).as("Date, RFC 9110's IMF-fixdate").matches(IMF_FIXDATE);
        return JSON.readTree(r.text());
    }

    private static void aliyunError(RawHttp.Response r, int status, String code) {
        assertAliyunError(reply(r), status, code, null);
        assertThat(r.header("date")).as("Date, RFC 9110's IMF-fixdate").matches(IMF_FIXDATE);
    }

    /** The raw answer as the envelope checks take it. */
    private static TestEmulator.Reply reply(RawHttp.Response r) {
        return TestEmulator.Reply.withSingleValuedHeaders(r.status(), r.header("content-type"), r.headers(), r.text());
    }

    private String post(String target, String extraHeaders, int contentLength) {
        return "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" + extraHeaders
                + "Content-Length: " + contentLength + "\r\n\r\n";
    }

    /** A control-plane request refused below the routes gets the control plane's JSON error, and is no API call. */
    @Test
    void aMalformedControlPlaneRequestGetsTheControlPlanesErrorAndIsNotJournaled() throws IOException {
        long before = emulator.get("/_emulator/journal/count").json().get("count").asLong();
        RawHttp.Response r = exchange("GET /_emulator/journal/count?errorCode=% HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                new byte[0]);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("content-type")).isEqualTo("application/json");
        assertThat(r.text()).isEqualTo("{\"error\":\"Bad Request\",\"message\":\"The request is not well-formed "
                + "HTTP/1.1.\"}");
        RawHttp.Response large = exchange("GET /_emulator/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: "
                + "b".repeat(9000) + "\r\n\r\n", new byte[0]);
        assertThat(large.status()).isEqualTo(431);
        assertThat(large.text()).startsWith("{\"error\":\"Request Header Fields Too Large\"");
        // a request line over the limit is never decoded: its path is read from its first bytes
        RawHttp.Response longLine = exchange("GET /_emulator/journal?errorCode=" + "x".repeat(17_000)
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", new byte[0]);
        assertThat(longLine.status()).isEqualTo(414);
        assertThat(longLine.text()).startsWith("{\"error\":\"URI Too Long\"");
        assertThat(emulator.get("/_emulator/journal/count").json().get("count").asLong()).isEqualTo(before);
    }

    /**
     * A control-plane request too slow to come in gets the control plane's 408 and is no API call, also when its
     * headers never came in whole: its path is then read from its request line.
     */
    @Test
    void aSlowControlPlaneRequestGetsTheControlPlanes408AndIsNotJournaled() throws Exception {
        Logger clientGone = (Logger) LoggerFactory.getLogger(ClientGoneExceptionHandler.class);
        Logger webFlux = (Logger) LoggerFactory.getLogger(HttpWebHandlerAdapter.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        Level levelBefore = clientGone.getLevel();
        clientGone.setLevel(Level.DEBUG);
        clientGone.addAppender(lines);
        webFlux.addAppender(lines);
        try {
            slowControlPlaneRequests();
            // the POST's body was still awaited when the guard closed the connection: once that is seen, WebFlux
            // must not have logged it as a 500 with a stack trace
            for (int i = 0; i < 200 && lines.list.stream().noneMatch(e -> e.getLoggerName().equals(clientGone.getName()));
                    i++) {
                Thread.sleep(25);
            }
            assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage)
                    .anyMatch(m -> m.startsWith("POST /_emulator/seed: the connection closed before the answer"))
                    .noneMatch(m -> m.contains("500 Server Error"));
        } finally {
            clientGone.detachAppender(lines);
            webFlux.detachAppender(lines);
            clientGone.setLevel(levelBefore);
        }
    }

    private void slowControlPlaneRequests() throws Exception {
        long before = emulator.get("/_emulator/journal/count").json().get("count").asLong();
        for (String head : List.of("POST /_emulator/reset HTTP/1.1\r\nHost: 127.0.0.1\r\n",
                post("/_emulator/seed", "", 1000))) {
            try (Socket socket = connect()) {
                OutputStream out = socket.getOutputStream();
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                dribble(out);
                RawHttp.Response r = RawHttp.read(socket.getInputStream());
                assertThat(r.status()).as(head).isEqualTo(408);
                assertThat(r.header("content-type")).isEqualTo("application/json");
                assertThat(r.text()).isEqualTo("{\"error\":\"Request Timeout\",\"message\":\"The request was not"
                        + " received completely in time.\"}");
            }
        }
        assertThat(emulator.get("/_emulator/journal/count").json().get("count").asLong()).isEqualTo(before);
    }

    /** An answer to HEAD has no content (RFC 9110, 9.3.2), a refusal's neither; its Content-Length is GET's. */
    @Test
    void aRefusedHeadRequestIsAnsweredWithoutContent() throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(("HEAD " + VOLCENGINE + "&% HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 400 ").endsWith("\r\n\r\n").containsPattern(
                    "Content-Length: [1-9][0-9]*\r\n");
        }
    }

    @Test
    void aQueryWithAStrayPercentIsAVendorErrorNotABare400() throws IOException {
        volcengineError(exchange(post(VOLCENGINE + "&%", "", 2), "{}".getBytes()), 400, "MalformedRequest");
        aliyunError(exchange(post(ALIYUN + "&a=%zz", "", 0), new byte[0]), 400, "MalformedRequest");
    }

    @Test
    void anHttp2PrefaceGetsOneMalformedRequestAnswerAndTheConnectionCloses() throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            volcengineError(RawHttp.read(in), 400, "MalformedRequest");
            assertThat(in.read()).as("nothing after the one answer").isEqualTo(-1);
        }
    }

    @Test
    void aRequestLineOverTheLimitIs414InAliyunsEnvelopeTheOnlyDialectWithParametersInTheUrl() throws IOException {
        String target = ALIYUN + "&Instance=" + "a".repeat(17_000);
        RawHttp.Response r = exchange(post(target, "", 0), new byte[0]);
        assertAliyunXmlError(reply(r), 414, "RequestURITooLong", null);
        assertThat(emulator.get("/actuator/health").status()).isEqualTo(200);
    }

    /** The list limits are 100 items: an Aliyun GET with 100 instance ids and 100 domains is read, not refused 414. */
    @Test
    void anAliyunGetWithTheLongestListsFitsTheRequestLine() throws IOException {
        String instances = String.join(",", java.util.Collections.nCopies(100, "a17d0184-0000-4000-8000-000000000000"));
        String domains = String.join(",", java.util.Collections.nCopies(100, "producer-0000.live.example.com"));
        String target = ALIYUN + "&AccessKeyId=testid&Instance=" + instances.replace(",", "%2C") + "&DomainName="
                + domains.replace(",", "%2C");
        assertThat(target.length()).isGreaterThan(4_096); // the limit was 4 KB
        RawHttp.Response r = exchange("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", new byte[0]);
        // read whole, within the list limits, and as far as ownership: the made-up instances belong to no account
        aliyunError(r, 403, "Forbidden");
    }

    @Test
    void headersOverTheLimitAre431InTheEnvelopeOfTheVendorTheUrlNames() throws IOException {
        aliyunError(exchange(post(ALIYUN, "X-Big: " + "b".repeat(9000) + "\r\n", 0), new byte[0]), 431,
                "RequestHeaderFieldsTooLarge");
        JsonNode volcengine = volcengineError(exchange(post(VOLCENGINE, "X-Big: " + "b".repeat(9000) + "\r\n", 0),
                new byte[0]), 431, "RequestHeaderFieldsTooLarge");
        // echoed as a routed call's answer is: the action's service
        assertThat(volcengine.at("/ResponseMetadata/Service").asString()).isEqualTo("rtc");
        assertThat(volcengine.at("/ResponseMetadata/Action").asString()).isEqualTo("ListOperationDistribution");
    }

    @Test
    void aliyunRefusalsComeInTheFormatTheCallWouldHaveBeenAnsweredIn() throws IOException {
        String noFormat = "/?Action=DescribeLiveProducerUsageData&Version=2016-11-01";
        // headers too large to decode: only the request line is known, and it names no format
        RawHttp.Response xml = exchange(post(noFormat, "X-Big: " + "b".repeat(9000) + "\r\n", 0), new byte[0]);
        assertAliyunXmlError(reply(xml), 431, "RequestHeaderFieldsTooLarge", null);

        // a body over the limit: the headers are known, so Accept counts as it does for any answer
        int tooLong = 10 * 1024 * 1024;
        assertAliyunXmlError(reply(exchange(post(noFormat, "", tooLong), new byte[0])), 413, "RequestEntityTooLarge",
                null);
        aliyunError(exchange(post(noFormat, "Accept: application/json\r\n", tooLong), new byte[0]), 413,
                "RequestEntityTooLarge");
        assertThat(exchange(post(noFormat + "&Format=XML", "Accept: application/json\r\n", tooLong), new byte[0]).text())
                .startsWith("<?xml");
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsSent() throws IOException {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            // 10 MB announced, 1 KB sent: the answer must come without the rest
            out.write(post(VOLCENGINE, "", 10 * 1024 * 1024).getBytes(StandardCharsets.ISO_8859_1));
            out.write(new byte[1024]);
            out.flush();
            volcengineError(RawHttp.read(socket.getInputStream()), 413, "RequestEntityTooLarge");
        }
    }

    /**
     * A client that will not keep the connection (Python's urllib always sends Connection: close; any HTTP/1.0 one)
     * and sends its whole over-long body in one write still reads the 413: the answer is not closed on it while it
     * sends, which made the kernel reset the connection and destroy the answer before the client read it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.1\r\nConnection: close", "HTTP/1.0"})
    void aClientNotKeepingTheConnectionReadsThe413OfABodySentInOneWrite(String protocol) throws Exception {
        byte[] body = new byte[64 * 1024 * 1024]; // far more than the socket buffers hold: the server must read on
        String head = "POST " + VOLCENGINE + " " + protocol + "\r\nHost: 127.0.0.1\r\nContent-Type: application/json"
                + "\r\nContent-Length: " + body.length + "\r\n\r\n";
        for (int attempt = 0; attempt < 2; attempt++) {
            try (Socket socket = connect()) {
                OutputStream out = socket.getOutputStream();
                java.util.concurrent.atomic.AtomicReference<IOException> sendFailure =
                        new java.util.concurrent.atomic.AtomicReference<>();
                Thread sender = new Thread(() -> {
                    try {
                        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                        out.write(body);
                        out.flush();
                    } catch (IOException e) {
                        sendFailure.set(e);
                    }
                });
                sender.start();
                sender.join(5_000);
                // as urllib or fetch do: the whole request sent, then the answer read
                assertThat(sender.isAlive()).as("still sending: the server stopped reading the refused body").isFalse();
                assertThat(sendFailure.get()).as("sending the body").isNull();
                volcengineError(RawHttp.read(socket.getInputStream()), 413, "RequestEntityTooLarge");
            }
        }
    }

    @Test
    void aChunkedBodyOverTheLimitIsCutOffWithA413() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + ALIYUN + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded"
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = new byte[8192];
            java.util.Arrays.fill(chunk, (byte) 'a');
            for (int i = 0; i < 9; i++) { // 72 KB, over the 64 KB limit, and never a last chunk
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.flush();
            aliyunError(RawHttp.read(socket.getInputStream()), 413, "RequestEntityTooLarge");
            // the client goes on sending past its request timeout: the connection closes with no second answer
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
            try {
                while (System.nanoTime() < until) {
                    out.write(("2000\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException closed) {
                // the server closed while the client was still sending: what is asserted below
            }
            assertThat(socket.getInputStream().read()).as("nothing after the 413").isEqualTo(-1);
        }
    }

    /**
     * A Transfer-Encoding that does not end in chunked leaves the body's length unknown: 400 and a close (RFC 9112,
     * 6.3), never the body read as a request of its own.
     */
    @Test
    void aBodyOfUnknownLengthIsRefusedNotReadAsTheNextRequest() throws IOException {
        String smuggled = "POST /_emulator/seed HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 12\r\n\r\n{\"seed\":777}";
        for (String coding : new String[] {"gzip", "xchunked", "chunked, gzip"}) {
            try (Socket socket = connect()) {
                socket.getOutputStream().write(("POST " + VOLCENGINE + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Transfer-Encoding: " + coding + "\r\n\r\n" + smuggled).getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                InputStream in = socket.getInputStream();
                volcengineError(RawHttp.read(in), 400, "MalformedRequest");
                assertThat(in.read()).as(coding + ": nothing after the one answer").isEqualTo(-1);
            }
        }
        assertThat(emulator.get("/_emulator/info").json().get("seed").asLong()).isNotEqualTo(777);
    }

    /** Bytes that are not HTTP at all (a TLS hello) say nothing of a vendor: the default vendor's envelope. */
    @Test
    void bytesThatAreNotHttpGetTheDefaultVendorsEnvelope() throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc, 0x03,
                0x03, '\r', '\n', '\r', '\n'});
            socket.getOutputStream().flush();
            volcengineError(RawHttp.read(socket.getInputStream()), 400, "MalformedRequest");
        }
    }

    @Test
    void aClientDribblingItsHeadersIsCutOffWith408() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + VOLCENGINE + " HTTP/1.1\r\nHost: 127.0.0.1\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            dribble(out);
            // an idle timeout would close silently; the request deadline answers
            volcengineError(RawHttp.read(socket.getInputStream()), 408, "RequestTimeout");
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void aClientDribblingItsBodyIsCutOffWith408() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(post(VOLCENGINE, "", 1000).getBytes(StandardCharsets.ISO_8859_1));
            dribble(out);
            volcengineError(RawHttp.read(socket.getInputStream()), 408, "RequestTimeout");
        }
    }

    /** A request whose head came in the same read as the end of the one before is timed too (it used to be not). */
    @Test
    void aSlowRequestArrivingRightBehindAnotherIsCutOffWith408() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write((post(VOLCENGINE, "", 2) + "{}" + post(VOLCENGINE, "", 1000) + "{\"StartTi")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            assertThat(RawHttp.read(in).status()).isNotEqualTo(408);
            // the 2 s idle timeout would close the connection without an answer
            volcengineError(RawHttp.read(in), 408, "RequestTimeout");
        }
    }

    @Test
    void requestsOfAKeptAliveConnectionAreTimedEachFromItsOwnStart() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            // six quick requests spread over 1.5 s: more than the timeout in all, none of them slow
            for (int i = 0; i < 6; i++) {
                out.write(post(VOLCENGINE, "", 2).getBytes(StandardCharsets.ISO_8859_1));
                out.write("{}".getBytes());
                out.flush();
                assertThat(RawHttp.read(in).status()).isNotEqualTo(408).isLessThan(500);
                Thread.sleep(300);
            }
            // then a slow one, started 0.3 s after the last answer: its whole second is its own
            long started = System.nanoTime();
            out.write(post(VOLCENGINE, "", 1000).getBytes(StandardCharsets.ISO_8859_1));
            dribble(out);
            volcengineError(RawHttp.read(in), 408, "RequestTimeout");
            assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(950);
        }
    }

    /** One byte every 200 ms for 0.8 s of the 1 s request timeout, then silence (writing on would race the close). */
    private static void dribble(OutputStream out) throws IOException, InterruptedException {
        for (int i = 0; i < 4; i++) {
            out.write('X');
            out.flush();
            Thread.sleep(200);
        }
    }

    @Test
    void anIdleKeptAliveConnectionIsClosed() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(post(VOLCENGINE, "", 2).getBytes(StandardCharsets.ISO_8859_1));
            out.write("{}".getBytes());
            out.flush();
            InputStream in = socket.getInputStream();
            assertThat(RawHttp.read(in).status()).isLessThan(500);
            Thread.sleep(3500);
            assertThat(in.read()).isEqualTo(-1);
        }
    }
}
