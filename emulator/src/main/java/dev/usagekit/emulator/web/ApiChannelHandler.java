package dev.usagekit.emulator.web;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.channel.AbortedException;
import reactor.netty.NettyPipeline;
import reactor.netty.http.HttpConnectionLiveness;
import reactor.netty.http.IdleTimeoutHandler;

/**
 * Serves the API calls of one connection straight from the messages Netty's HTTP codec decodes, and writes each
 * answer back as one message; requests for other paths (the control plane, the actuator) pass on to Spring WebFlux
 * behind it. API calls are the hot path of every user's test suite: a call costs here a fraction of a trip through
 * WebFlux, and only the signature check, validation, data and rendering remain.
 * <p>
 * Answers leave in the order the requests came, also when a client pipelines them or an answer waits for injected
 * latency: while an answer is outstanding (ours, waiting, or Spring's, not yet complete), later requests are held and
 * the connection stops reading until it is written. The same holds while the connection cannot take more output (its
 * outgoing buffer over Netty's high-water mark): a client that pipelines queries without reading the answers is not
 * answered ahead of its reading, so it holds about one answer in the server's memory, not every answer it asked for.
 * <p>
 * Reactor Netty reads on demand (auto-read off): whoever consumes a read asks for the next. While Spring serves a
 * request it does so; otherwise the connection reads by itself (auto-read on), as asking for each read costs two
 * system calls per API call (interest in input set, then cleared).
 */
public final class ApiChannelHandler extends ChannelDuplexHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiChannelHandler.class);

    static final String NAME = "usagekit.api";
    /** Pipelined messages held beyond this mean a client that never reads its answers: the connection is closed. */
    static final int MAX_HELD = 1024;

    private final ApiEntry entry;
    private final Predicate<String> springPath;

    private final ArrayDeque<Object> held = new ArrayDeque<>();
    /** The API request being received, null between requests. */
    private HttpRequest head;
    private long startedNanos;
    private byte[] body;
    private int bodyLength;
    /** The rest of a request that was already answered (its body too large) is dropped. */
    private boolean discarding;
    /**
     * The answer closed the connection while its request's body was still coming: output is shut, and the connection
     * closes once the body is in (or at the request timeout), so the client gets to read the answer.
     */
    private boolean closeWhenDiscarded;
    /** The request being received goes to Spring. */
    private boolean passing;
    /** Requests passed to Spring whose answer has not been written completely. */
    private int springOpen;
    /** An answer of ours waits for its injected latency. */
    private boolean waiting;
    /** Held requests are being served; a write that drains the output must not start serving them again. */
    private boolean resuming;
    /** The idle timeout taken off the connection while an answer waits for its latency; 0 when none was. */
    private long idleTimeoutMillis;
    /** The answer waiting for its latency, if one does: a client that hangs up meanwhile is not waited for. */
    private ScheduledFuture<?> delayedAnswer;

    /** @param springPath whether a request path is Spring's (control plane, actuator) rather than an API call */
    public ApiChannelHandler(ApiEntry entry, Predicate<String> springPath) {
        this.entry = entry;
        this.springPath = springPath;
    }

    /** Adds the handler to a server channel right behind Reactor Netty's HTTP/1.1 codec; else does nothing. */
    public static void install(Channel channel, ApiEntry entry, Predicate<String> springPath) {
        ChannelPipeline pipeline = channel.pipeline();
        if (pipeline.get(NettyPipeline.HttpCodec) != null && pipeline.get(NAME) == null) {
            pipeline.addAfter(NettyPipeline.HttpCodec, NAME, new ApiChannelHandler(entry, springPath));
        }
    }

    /** Whether the request being received was already answered (its body too large) and the rest is dropped. */
    boolean answeredBeforeReceived() {
        return discarding;
    }

    /** A path under the given prefix ({@code /_emulator} covers {@code /_emulator} and {@code /_emulator/x}). */
    public static boolean under(String path, String prefix) {
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!held.isEmpty() || (msg instanceof HttpRequest && answerOutstanding(ctx))) {
            hold(ctx, msg);
            return;
        }
        process(ctx, msg);
    }

    /** Whether a new request must wait: an answer is not written yet, or the client is not reading them. */
    private boolean answerOutstanding(ChannelHandlerContext ctx) {
        return waiting || springOpen > 0 || !ctx.channel().isWritable();
    }

    private void hold(ChannelHandlerContext ctx, Object msg) {
        held.add(msg);
        ctx.channel().config().setAutoRead(false);
        if (held.size() > MAX_HELD) {
            releaseHeld();
            ctx.close();
        }
    }

    private void process(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof HttpObject)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (msg instanceof HttpRequest request) {
            if (springPath.test(RawRequest.pathOf(request.uri()))) {
                passing = true;
                springOpen++;
                ctx.channel().config().setAutoRead(false); // Spring reads on demand
            } else {
                begin(ctx, request);
            }
        }
        if (passing) {
            passing = !(msg instanceof LastHttpContent);
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            if (msg instanceof HttpContent content) {
                receive(ctx, content);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void begin(ChannelHandlerContext ctx, HttpRequest request) {
        head = request;
        startedNanos = System.nanoTime();
        discarding = false;
        body = null;
        bodyLength = 0;
        boolean continueExpected = HttpUtil.is100ContinueExpected(request);
        if (HttpUtil.getContentLength(request, -1L) > entry.maxBodyBytes()) {
            // refused before a byte of the body is read; a client waiting for 100 Continue will not send it, so the
            // connection cannot carry on for another request: it ends once the body is in, or at the request timeout
            answerTooLarge(ctx, !continueExpected);
        } else if (continueExpected) {
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE,
                    Unpooled.EMPTY_BUFFER));
        }
    }

    private void receive(ChannelHandlerContext ctx, HttpContent content) {
        boolean last = content instanceof LastHttpContent;
        if (discarding || head == null) {
            discarding &= !last;
            if (last && closeWhenDiscarded) {
                ctx.close();
            }
            return;
        }
        ByteBuf bytes = content.content();
        int n = bytes.readableBytes();
        if ((long) bodyLength + n > entry.maxBodyBytes()) {
            answerTooLarge(ctx, true); // a chunked body, cut off at the limit
            discarding = !last;
            return;
        }
        if (n > 0) {
            if (body == null || body.length - bodyLength < n) {
                body = body == null ? new byte[Math.max(n, 256)]
                        : Arrays.copyOf(body, Math.max(body.length * 2, bodyLength + n));
            }
            bytes.getBytes(bytes.readerIndex(), body, bodyLength, n);
            bodyLength += n;
        }
        if (last) {
            answer(ctx);
        }
    }

    private void answer(ChannelHandlerContext ctx) {
        HttpRequest request = head;
        head = null;
        byte[] received = body == null ? RawRequest.noBody()
                : body.length == bodyLength ? body : Arrays.copyOf(body, bodyLength);
        body = null;
        entry.callStarted();
        boolean answeredNow = true;
        try {
            ApiEntry.Answer answer = entry.answer(RawRequest.of(request, received));
            long latency = answer.latencyMillis();
            Persistence keepAlive = Persistence.of(request, true);
            if (latency <= 0) {
                write(ctx, answer, keepAlive, startedNanos);
            } else {
                answerLater(ctx, answer, keepAlive, latency);
                answeredNow = false;
            }
        } finally {
            if (answeredNow) {
                entry.callEnded();
            }
        }
    }

    /** Injected latency waits on a timer, never on a thread; the connection's later requests wait behind it. */
    private void answerLater(ChannelHandlerContext ctx, ApiEntry.Answer answer, Persistence keepAlive, long latency) {
        long started = startedNanos;
        waiting = true;
        // Reactor Netty's idle timeout counts from the last read and knows nothing of this request: a latency longer
        // than server.netty.idle-timeout would close the connection instead of answering late
        if (ctx.pipeline().get(NettyPipeline.IdleTimeoutHandler) instanceof IdleStateHandler idle) {
            idleTimeoutMillis = idle.getAllIdleTimeInMillis();
            ctx.pipeline().remove(idle);
        }
        delayedAnswer = ctx.executor().schedule(() -> {
            delayedAnswer = null;
            try {
                waiting = false;
                write(ctx, answer, keepAlive, started);
                restoreIdleTimeout(ctx);
                resume(ctx);
            } finally {
                entry.callEnded();
            }
        }, latency, TimeUnit.MILLISECONDS);
    }

    /** The idle timeout counts again from the late answer, as from any other. */
    private void restoreIdleTimeout(ChannelHandlerContext ctx) {
        if (idleTimeoutMillis > 0 && ctx.channel().isActive()) {
            IdleTimeoutHandler.addIdleTimeoutHandler(ctx.pipeline(), Duration.ofMillis(idleTimeoutMillis),
                    HttpConnectionLiveness.CLOSE);
        }
        idleTimeoutMillis = 0;
    }

    private void answerTooLarge(ChannelHandlerContext ctx, boolean keepAlive) {
        HttpRequest request = head;
        head = null;
        discarding = true;
        write(ctx, entry.tooLarge(RawRequest.of(request, RawRequest.noBody())), Persistence.of(request, keepAlive),
                startedNanos);
    }

    /** Whether the connection carries on after an answer, and whether the answer must say so (HTTP/1.0). */
    private enum Persistence {
        CLOSE, KEEP_ALIVE, KEEP_ALIVE_SAID;

        static Persistence of(HttpRequest request, boolean possible) {
            if (!possible || !HttpUtil.isKeepAlive(request)) {
                return CLOSE;
            }
            return request.protocolVersion().isKeepAliveDefault() ? KEEP_ALIVE : KEEP_ALIVE_SAID;
        }
    }

    private void write(ChannelHandlerContext ctx, ApiEntry.Answer answer, Persistence keepAlive, long started) {
        ApiEntry.Sent sent = entry.send(answer, ctx.alloc(), started);
        WireResponse response = sent.response();
        FullHttpResponse message = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.status()), sent.body());
        HttpHeaders headers = message.headers();
        headers.set(HttpHeaderNames.CONTENT_TYPE, response.contentType());
        headers.set(HttpHeaderNames.CONTENT_LENGTH, sent.body().readableBytes());
        headers.set(HttpHeaderNames.DATE, sent.date());
        response.headers().forEach(headers::set);
        if (keepAlive == Persistence.CLOSE) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(message).addListener(written -> closeOnceReceived(ctx));
            return;
        }
        if (keepAlive == Persistence.KEEP_ALIVE_SAID) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        ctx.writeAndFlush(message);
    }

    /**
     * Closes after an answer that ends the connection. A client still sending the body of a refused request (urllib
     * and fetch send it whole before they read) would have its write reset by a close with its bytes unread, and
     * never read the answer: the output is shut now, the connection closed once the body is in.
     */
    private void closeOnceReceived(ChannelHandlerContext ctx) {
        if (discarding && ctx.channel() instanceof DuplexChannel duplex && ctx.channel().isActive()) {
            closeWhenDiscarded = true;
            duplex.shutdownOutput();
            // a shut output is never writable, which would keep the connection from reading by itself again
            ctx.channel().config().setAutoRead(true);
        } else {
            ctx.close();
        }
    }

    /** Spring's answers pass here on their way out: a complete one lets the held requests go on. */
    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        boolean completes = msg instanceof LastHttpContent && !(msg instanceof HttpResponse response
                && response.status().codeClass() == HttpStatusClass.INFORMATIONAL);
        ctx.write(msg, promise);
        if (completes && springOpen > 0) {
            springOpen--;
            resume(ctx);
        }
    }

    /** Serves held requests until one of them has to wait again; reads by itself again once none is left. */
    private void resume(ChannelHandlerContext ctx) {
        if (resuming) {
            return; // an answer written below drained the output: the loop below carries on by itself
        }
        resuming = true;
        try {
            while (!held.isEmpty() && !(held.peek() instanceof HttpRequest && answerOutstanding(ctx))) {
                process(ctx, held.poll());
            }
        } finally {
            resuming = false;
        }
        readByItselfWhenIdle(ctx);
    }

    /** The client read enough of its answers for the output to take more: the requests it sent meanwhile go on. */
    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            resume(ctx);
        }
        ctx.fireChannelWritabilityChanged();
    }

    /**
     * A connection starts out reading on demand, as Reactor Netty sets it up; once a read went to this handler rather
     * than to Spring, Spring will not ask for the next one, so the connection goes on reading by itself.
     */
    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.fireChannelReadComplete();
        readByItselfWhenIdle(ctx);
    }

    /** Once nothing waits for Spring or for an answer of ours, the connection reads by itself again. */
    private void readByItselfWhenIdle(ChannelHandlerContext ctx) {
        if (!passing && !answerOutstanding(ctx) && held.isEmpty() && !ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (AbortedException.isConnectionReset(cause)) {
            // the client hung up (load generators do so at the end of every run): nothing went wrong here
            log.debug("API connection reset by the client: {}", cause.toString());
        } else {
            log.warn("API connection failed: {}", cause.toString(), cause);
        }
        ctx.fireExceptionCaught(cause);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (delayedAnswer != null && delayedAnswer.cancel(false)) {
            delayedAnswer = null;
            entry.callEnded(); // nobody to answer: graceful shutdown need not wait for it
        }
        releaseHeld();
        body = null;
        ctx.fireChannelInactive();
    }

    private void releaseHeld() {
        held.forEach(ReferenceCountUtil::release);
        held.clear();
    }
}
