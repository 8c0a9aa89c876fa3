package dev.usagekit.emulator.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.usagekit.emulator.core.ActionRegistry;
import dev.usagekit.emulator.core.ApiError;
import dev.usagekit.emulator.core.CallTrace;
import dev.usagekit.emulator.core.Vendor;
import dev.usagekit.emulator.gateway.aliyun.AliyunGateway;
import dev.usagekit.emulator.gateway.volcengine.VolcengineGateway;
import dev.usagekit.emulator.schema.SchemaCatalog;
import dev.usagekit.emulator.time.EmulatorClock;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import reactor.netty.NettyPipeline;

/**
 * The API connection handler on an in-memory channel behind Netty's real HTTP codec: what goes out on the wire for
 * each request, in which order, and when the connection carries on or closes.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiChannelHandlerTest {

    private static final int MAX_BODY = 1024;
    private static final SchemaCatalog SCHEMAS = new SchemaCatalog(List.of());

    /** An answer as it left on the wire. */
    record Reply(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Stands in for Spring WebFlux behind the handler: records what reaches it, answers when told. */
    static final class SpringStandIn extends ChannelInboundHandlerAdapter {
        final List<String> received = new ArrayList<>();
        ChannelHandlerContext ctx;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            this.ctx = ctx;
            if (msg instanceof HttpRequest request) {
                received.add(request.method() + " " + request.uri());
            }
            if (msg instanceof HttpContent content && content.content().isReadable()) {
                received.add("body " + content.content().toString(StandardCharsets.UTF_8));
            }
            ReferenceCountUtil.release(msg);
        }

        void answer(String body) {
            var response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
            response.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length());
            ctx.writeAndFlush(response);
        }
    }

    private final List<Integer> journaled = new CopyOnWriteArrayList<>();
    private final SpringStandIn spring = new SpringStandIn();
    private final VolcengineGateway volcengine = mock(VolcengineGateway.class);
    private final AliyunGateway aliyun = mock(AliyunGateway.class);
    private final EmulatorClock clock = new EmulatorClock(Clock.fixed(Instant.parse("2026-12-02T06:45:09.900Z"),
            ZoneOffset.UTC));
    private final EmbeddedChannel channel;

    ApiChannelHandlerTest() {
        // the stand-in gateway echoes what it received; ?latency=N asks for injected latency, ?fail for a bug
        when(volcengine.handle(any(), any(), any())).thenAnswer(call -> echo(call.getArgument(0), call.getArgument(1)));
        when(aliyun.handle(any(), any(), any(), any())).thenAnswer(call -> echo(call.getArgument(0), call.getArgument(2)));
        when(volcengine.renderEarlyError(any(), any(), any())).thenAnswer(call -> codeOnly(call.getArgument(1)));
        when(aliyun.renderEarlyError(any(), any(), any())).thenAnswer(call -> codeOnly(call.getArgument(1)));
        ApiEntry entry = new ApiEntry(new VendorDetector(new ActionRegistry(List.of()), Vendor.VOLCENGINE), volcengine,
                aliyun, MAX_BODY, new CallObserver() {
                    @Override
                    public long generation() {
                        return 0;
                    }

                    @Override
                    public void answered(RawRequest request, CallTrace trace, WireResponse response,
                            Duration elapsed, long generation) {
                        journaled.add(response.status());
                    }
                }, clock);
        channel = new EmbeddedChannel();
        channel.pipeline().addLast(NettyPipeline.HttpCodec, new HttpServerCodec());
        channel.pipeline().addLast("spring", spring);
        ApiChannelHandler.install(channel, entry, path -> ApiChannelHandler.under(path, "/_emulator"));
        channel.freezeTime();
    }

    private static WireResponse echo(RawRequest raw, CallTrace trace) {
        if (raw.query().containsKey("latency")) {
            trace.note("latencyMillis", Long.parseLong(raw.firstQuery("latency")));
        }
        if (raw.query().containsKey("fail")) {
            throw new IllegalStateException("a handler bug");
        }
        String echo = raw.method() + " " + raw.path() + "?" + raw.rawQuery() + " "
                + new String(raw.body(), StandardCharsets.UTF_8);
        return new WireResponse(200, "application/json", ResponseBody.of(echo.getBytes(StandardCharsets.UTF_8)),
                Map.of("X-Tt-Logid", "log-1"));
    }

    private static WireResponse codeOnly(ApiError error) {
        return new WireResponse(error.status(), "application/json",
                ResponseBody.of(("{\"Code\":\"" + error.code() + "\"}").getBytes(StandardCharsets.UTF_8)), Map.of());
    }

    private void send(String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1));
    }

    private static String post(String target, String body, String... headers) {
        return "POST " + target + " HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length() + "\r\n"
                + String.join("", List.of(headers).stream().map(h -> h + "\r\n").toList()) + "\r\n" + body;
    }

    /** Everything written so far, parsed into answers. */
    private List<Reply> replies() {
        StringBuilder wire = new StringBuilder();
        for (Object out; (out = channel.readOutbound()) != null; ) {
            ByteBuf buf = (ByteBuf) out;
            wire.append(buf.toString(StandardCharsets.UTF_8));
            buf.release();
        }
        List<Reply> replies = new ArrayList<>();
        int at = 0;
        while (at < wire.length()) {
            int end = wire.indexOf("\r\n\r\n", at);
            String[] lines = wire.substring(at, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            replies.add(new Reply(Integer.parseInt(lines[0].split(" ")[1]), headers,
                    wire.substring(end + 4, end + 4 + length)));
            at = end + 4 + length;
        }
        return replies;
    }

    @Test
    void anApiCallIsAnsweredInOneMessageWithTheGatewaysHeadersAndTheConnectionStaysOpen() {
        send(post("/?Action=A&Version=1", "{\"a\":1}", "Content-Type: application/json"));

        List<Reply> replies = replies();
        assertThat(replies).hasSize(1);
        Reply reply = replies.get(0);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("POST /?Action=A&Version=1 {\"a\":1}");
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        assertThat(reply.header("Content-Length")).isEqualTo(String.valueOf(reply.body().length()));
        assertThat(reply.header("X-Tt-Logid")).isEqualTo("log-1");
        assertThat(reply.header("Date")).isEqualTo("Wed, 02 Dec 2026 06:45:09 GMT");
        assertThat(reply.header("Connection")).isNull();
        assertThat(channel.isOpen()).isTrue();
        assertThat(spring.received).isEmpty();
        assertThat(journaled).containsExactly(200);
    }

    @Test
    void theDateHeaderTellsTheVirtualClocksTimeAsItMoves() {
        clock.freeze();
        clock.set(Instant.parse("1999-01-05T23:59:59.999Z"));
        send(post("/?Action=A", ""));
        clock.advance(Duration.ofMillis(1));
        send(post("/?Action=A", ""));

        assertThat(replies()).extracting(r -> r.header("Date"))
                .containsExactly("Tue, 05 Jan 1999 23:59:59 GMT", "Wed, 06 Jan 1999 00:00:00 GMT");
    }

    @Test
    void aBodyInManyChunksIsJoinedBeforeTheGatewaySeesIt() {
        send("POST /?Action=A HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n");
        assertThat(replies()).isEmpty();
        send("2\r\nde\r\n0\r\n\r\n");

        assertThat(replies()).extracting(Reply::body).containsExactly("POST /?Action=A abcde");
    }

    @Test
    void connectionCloseAndHttp10AreHonoured() {
        send("GET /?Action=A HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        assertThat(replies()).singleElement().satisfies(r -> assertThat(r.header("Connection")).isEqualTo("keep-alive"));
        assertThat(channel.isOpen()).isTrue();

        send(post("/?Action=B", "", "Connection: close"));
        assertThat(replies()).singleElement().satisfies(r -> assertThat(r.header("Connection")).isEqualTo("close"));
        channel.runPendingTasks();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void anHttp10RequestWithoutKeepAliveClosesAfterItsAnswer() {
        send("GET /?Action=A HTTP/1.0\r\n\r\n");
        assertThat(replies()).singleElement().satisfies(r -> assertThat(r.header("Connection")).isEqualTo("close"));
        channel.runPendingTasks();
        assertThat(channel.isOpen()).isFalse();
    }

    /** Counts the reads asked for, as Reactor Netty's channels read on demand only. */
    static final class ReadDemand extends io.netty.channel.ChannelOutboundHandlerAdapter {
        int asked;

        @Override
        public void read(ChannelHandlerContext ctx) {
            asked++;
            ctx.read();
        }
    }

    @Test
    void aConnectionReadsByItselfExceptWhileSpringServesOrAnAnswerWaits() {
        ReadDemand demand = new ReadDemand();
        channel.pipeline().addFirst(demand);
        channel.config().setAutoRead(false); // as Reactor Netty leaves it

        send("POST /?Action=A HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nab");
        assertThat(channel.config().isAutoRead()).as("reading by itself").isTrue();
        send("cd");
        assertThat(replies()).extracting(Reply::body).containsExactly("POST /?Action=A abcd");

        send("GET /_emulator/health HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(channel.config().isAutoRead()).as("Spring reads on demand").isFalse();
        int asked = demand.asked;
        spring.answer("health");
        assertThat(replies()).extracting(Reply::body).containsExactly("health");
        assertThat(channel.config().isAutoRead()).isTrue();
        assertThat(demand.asked).as("turning auto-read on reads at once").isGreaterThan(asked);

        send(post("/?Action=Slow&latency=100", ""));
        send(post("/?Action=Behind", ""));
        assertThat(channel.config().isAutoRead()).as("paused behind a waiting answer").isFalse();
        channel.advanceTimeBy(100, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(replies()).hasSize(2);
        assertThat(channel.config().isAutoRead()).isTrue();
    }

    @Test
    void aClientExpectingContinueGetsItThenTheAnswer() {
        send("POST /?Action=A HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n");
        assertThat(replies()).extracting(Reply::status).containsExactly(100);
        send("hi");
        assertThat(replies()).extracting(Reply::body).containsExactly("POST /?Action=A hi");
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedAtOnceAndItsBodyDropped() {
        String body = "x".repeat(MAX_BODY + 1);
        send("POST /?Action=A HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length() + "\r\n\r\n");
        assertThat(replies()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.body()).isEqualTo("{\"Code\":\"RequestEntityTooLarge\"}");
        });
        send(body + post("/?Action=Next", "ok"));

        assertThat(replies()).extracting(Reply::body).containsExactly("POST /?Action=Next ok");
        assertThat(journaled).containsExactly(413, 200);
    }

    @Test
    void aTooLargeBodyThatWasNeverSentClosesTheConnection() {
        send("POST /?Action=A HTTP/1.1\r\nHost: x\r\nContent-Length: " + (MAX_BODY + 1) + "\r\nExpect: 100-continue\r\n\r\n");

        assertThat(replies()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.header("Connection")).isEqualTo("close");
        });
        channel.runPendingTasks();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aChunkedBodyIsCutOffAtTheLimitAndTheConnectionCarriesOn() {
        String chunk = Integer.toHexString(MAX_BODY) + "\r\n" + "x".repeat(MAX_BODY) + "\r\n";
        send("POST /?Action=A HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk);
        assertThat(replies()).isEmpty();
        send("1\r\ny\r\n");
        assertThat(replies()).extracting(Reply::status).containsExactly(413);
        send(chunk + "0\r\n\r\n" + post("/?Action=Next", "ok"));

        assertThat(replies()).extracting(Reply::body).containsExactly("POST /?Action=Next ok");
    }

    @Test
    void controlPlaneRequestsPassOnToSpringWithTheirBodies() {
        send(post("/_emulator/clock", "{\"advance\":\"PT1H\"}") + "GET /_emulatorx HTTP/1.1\r\nHost: x\r\n\r\n");

        assertThat(spring.received).containsExactly("POST /_emulator/clock", "body {\"advance\":\"PT1H\"}");
        assertThat(replies()).isEmpty(); // /_emulatorx is an API call, answered after Spring's answer
        spring.answer("clock");
        assertThat(replies()).extracting(Reply::body).containsExactly("clock", "GET /_emulatorx? ");
    }

    @Test
    void pipelinedAnswersKeepTheRequestsOrderAcrossSpringAndTheApi() {
        send(post("/?Action=First", "1") + "GET /_emulator/health HTTP/1.1\r\nHost: x\r\n\r\n" + post("/?Action=Third", "3")
                + "GET /_emulator/journal HTTP/1.1\r\nHost: x\r\n\r\n");

        assertThat(replies()).extracting(Reply::body).containsExactly("POST /?Action=First 1");
        assertThat(spring.received).containsExactly("GET /_emulator/health");
        assertThat(channel.config().isAutoRead()).isFalse();

        spring.answer("health");
        assertThat(replies()).extracting(Reply::body).containsExactly("health", "POST /?Action=Third 3");
        assertThat(spring.received).containsExactly("GET /_emulator/health", "GET /_emulator/journal");

        spring.answer("journal");
        assertThat(replies()).extracting(Reply::body).containsExactly("journal");
        assertThat(channel.config().isAutoRead()).isTrue();
    }

    @Test
    void injectedLatencyDelaysTheAnswerAndEverythingPipelinedBehindIt() {
        send(post("/?Action=Slow&latency=500", "") + post("/?Action=Quick", ""));
        assertThat(replies()).isEmpty();

        channel.advanceTimeBy(499, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(replies()).isEmpty();

        channel.advanceTimeBy(1, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(replies()).extracting(Reply::body).containsExactly("POST /?Action=Slow&latency=500 ",
                "POST /?Action=Quick ");
    }

    @Test
    void anAnswerWaitingForItsLatencyIsNotCutOffByTheIdleTimeout() {
        channel.pipeline().addFirst(NettyPipeline.IdleTimeoutHandler,
                new io.netty.handler.timeout.IdleStateHandler(0, 0, 60, TimeUnit.SECONDS));
        send(post("/?Action=Quick", ""));
        assertThat(channel.pipeline().get(NettyPipeline.IdleTimeoutHandler)).isNotNull();

        send(post("/?Action=Slow&latency=90000", ""));
        assertThat(channel.pipeline().get(NettyPipeline.IdleTimeoutHandler)).isNull();
        channel.advanceTimeBy(90, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertThat(replies()).extracting(Reply::body).containsExactly("POST /?Action=Quick ",
                "POST /?Action=Slow&latency=90000 ");
        assertThat(channel.isOpen()).isTrue();

        // once answered, the connection is closed for idleness again, counted from the late answer
        assertThat(channel.pipeline().get(NettyPipeline.IdleTimeoutHandler)).isNotNull();
        channel.advanceTimeBy(59, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).isTrue();
        channel.advanceTimeBy(2, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aClientThatPipelinesWithoutEverReadingIsDisconnected() {
        send(post("/?Action=Slow&latency=60000", ""));
        StringBuilder flood = new StringBuilder();
        for (int i = 0; i <= ApiChannelHandler.MAX_HELD; i++) {
            flood.append("GET /?Action=Q HTTP/1.1\r\nHost: x\r\n\r\n");
        }
        send(flood.toString());

        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aClientThatDoesNotReadItsAnswersIsNotAnsweredAheadOfItsReading() {
        ChannelOutboundBuffer output = channel.unsafe().outboundBuffer();
        send(post("/?Action=First", ""));
        output.setUserDefinedWritability(1, false); // as when the client's unread answers fill Netty's output buffer
        send(post("/?Action=Second", "") + post("/?Action=Third", ""));

        assertThat(replies()).extracting(Reply::body).containsExactly("POST /?Action=First ");
        assertThat(journaled).as("nothing rendered ahead").hasSize(1);
        assertThat(channel.config().isAutoRead()).isFalse();

        output.setUserDefinedWritability(1, true);
        channel.runPendingTasks(); // Netty tells of writability regained in a later task
        assertThat(replies()).extracting(Reply::body).containsExactly("POST /?Action=Second ", "POST /?Action=Third ");
        assertThat(channel.config().isAutoRead()).isTrue();
    }

    @Test
    void aHandlerBugBecomesTheVendorsInternalError() {
        send(post("/?Action=A&fail", ""));

        assertThat(replies()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.body()).isEqualTo("{\"Code\":\"InternalError\"}");
        });
        assertThat(channel.isOpen()).isTrue();
    }

    /** The one reply to a call whose body fails half-way through rendering with the given error. */
    private Reply replyWhenRenderingThrows(Throwable failure) {
        doReturn(new WireResponse(200, "application/json", out -> {
            out.write('{');
            if (failure instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) failure;
        }, Map.of())).when(volcengine).handle(any(), any(), any());
        send(post("/?Action=A", ""));
        List<Reply> replies = replies();
        assertThat(replies).hasSize(1);
        assertThat(channel.isOpen()).isTrue();
        return replies.get(0);
    }

    @Test
    void whenEvenTheInternalErrorCannotBeMadeAFixedOneStillAnswers() {
        doThrow(new IllegalStateException("a bug in the error path")).when(volcengine).renderEarlyError(any(), any(), any());
        send(post("/?Action=A&fail", "") + post("/?Action=Next", ""));

        List<Reply> replies = replies();
        assertThat(replies).hasSize(2);
        assertThat(replies.get(0).status()).isEqualTo(500);
        assertThat(SCHEMAS.validate(SchemaCatalog.errorPath(Vendor.VOLCENGINE), replies.get(0).body())).isEmpty();
        assertThat(replies.get(0).body()).contains("\"Code\":\"InternalError\"", "\"CodeN\":100014");
        assertThat(replies.get(1).body()).isEqualTo("POST /?Action=Next ");
        assertThat(journaled).containsExactly(500, 200);
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void whenNeitherTheAnswerNorTheInternalErrorCanBeWrittenTheFixedOneIs() {
        WireResponse unwritable = new WireResponse(200, "application/json", out -> {
            throw new IllegalStateException("a serializer bug");
        }, Map.of());
        doReturn(unwritable).when(volcengine).handle(any(), any(), any());
        doReturn(unwritable).when(volcengine).renderEarlyError(any(), any(), any());
        send(post("/?Action=A", ""));

        Reply reply = replies().get(0);
        assertThat(reply.status()).isEqualTo(500);
        assertThat(SCHEMAS.validate(SchemaCatalog.errorPath(Vendor.VOLCENGINE), reply.body())).as(reply.body())
                .isEmpty();
        assertThat(journaled).containsExactly(500);
    }

    @Test
    void theFixedAliyunInternalErrorIsAValidErrorBodyToo() {
        doThrow(new IllegalStateException("a handler bug")).when(aliyun).handle(any(), any(), any(), any());
        doThrow(new IllegalStateException("a bug in the error path")).when(aliyun).renderEarlyError(any(), any(), any());
        send("GET /?Action=A&AccessKeyId=testid&SignatureNonce=1&Signature=x HTTP/1.1\r\nHost: x\r\n\r\n");

        Reply reply = replies().get(0);
        assertThat(reply.status()).isEqualTo(500);
        assertThat(SCHEMAS.validate(SchemaCatalog.errorPath(Vendor.ALIYUN), reply.body())).as(reply.body()).isEmpty();
    }

    @Test
    void anUnrenderableAnswerBecomesTheVendorsInternalErrorAndIsJournaledSo() {
        Reply reply = replyWhenRenderingThrows(new IllegalStateException("a serializer bug"));

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.body()).isEqualTo("{\"Code\":\"InternalError\"}");
        assertThat(journaled).containsExactly(500);
    }

    @Test
    void anAnswerThatFindsNoBufferMemoryBecomesTheVendorsRetryable503() {
        Reply reply = replyWhenRenderingThrows(new OutOfMemoryError("failed to allocate 32768 bytes of direct memory"));

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.body()).isEqualTo("{\"Code\":\"ServiceUnavailableTemp\"}");
        assertThat(journaled).containsExactly(503);
    }

    @Test
    void aClientHangingUpIsNoWarningWhileAnyOtherConnectionFailureIs(CapturedOutput output) {
        channel.pipeline().fireExceptionCaught(new IOException("recvAddress(..) failed: Connection reset by peer"));
        assertThatThrownBy(channel::checkException).hasMessageContaining("Connection reset by peer");
        assertThat(output).doesNotContain("API connection failed");

        channel.pipeline().fireExceptionCaught(new IllegalStateException("a codec bug"));
        assertThatThrownBy(channel::checkException).hasMessage("a codec bug");
        assertThat(output).contains("API connection failed: java.lang.IllegalStateException: a codec bug");
    }

    @Test
    void theAbsoluteFormOfATargetIsReadAsItsPathAndQuery() {
        assertThat(RawRequest.originForm("http://h:1/p?q=1")).isEqualTo("/p?q=1");
        assertThat(RawRequest.originForm("http://h:1?q=1")).isEqualTo("/?q=1");
        assertThat(RawRequest.originForm("http://h:1")).isEqualTo("/");
        assertThat(RawRequest.pathOf("/_emulator/health?x=1")).isEqualTo("/_emulator/health");
        assertThat(ApiChannelHandler.under("/_emulator", "/_emulator")).isTrue();
        assertThat(ApiChannelHandler.under("/_emulator/x", "/_emulator")).isTrue();
        assertThat(ApiChannelHandler.under("/_emulatorx", "/_emulator")).isFalse();
    }
}
