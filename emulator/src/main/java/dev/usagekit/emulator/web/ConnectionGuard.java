package dev.usagekit.emulator.web;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import reactor.netty.NettyPipeline;

/**
 * Two Netty handlers around Reactor Netty's HTTP decoder that keep abusive connections from reaching (or starving)
 * the application, and answer them in a vendor's envelope instead of Reactor Netty's bare status:
 * <ul>
 * <li>a request line or header block over the decoder's limits, or a request it cannot parse at all (HTTP/2's
 * preface among them), is answered 414, 431 or 400 and the connection closed: a 414 in Aliyun's envelope (only its
 * calls carry parameters in the URL), the others in the envelope of the vendor guessed from whatever was decoded;</li>
 * <li>a request whose head and body are not fully received within the request timeout of its first byte
 * (a slowloris client dribbling headers or a body) is answered 408 and the connection closed.</li>
 * </ul>
 * Idle keep-alive connections between requests are Reactor Netty's {@code server.netty.idle-timeout}.
 */
public final class ConnectionGuard {

    /** What went wrong before the request could reach a route. */
    public enum Problem {
        URL_TOO_LONG(414, "RequestURITooLong", "The request line is longer than the server accepts."),
        HEADERS_TOO_LARGE(431, "RequestHeaderFieldsTooLarge", "The request headers are larger than the server accepts."),
        MALFORMED(400, "MalformedRequest", "The request is not well-formed HTTP/1.1."),
        TIMEOUT(408, "RequestTimeout", "The request was not received completely in time.");

        private final int status;
        private final String code;
        private final String message;

        Problem(int status, String code, String message) {
            this.status = status;
            this.code = code;
            this.message = message;
        }

        public int status() {
            return status;
        }

        /** The emulator's own error code for it, in either vendor's envelope. */
        public String code() {
            return code;
        }

        public String message() {
            return message;
        }
    }

    /** Renders the answer to a refused request. */
    @FunctionalInterface
    public interface Responder {
        /**
         * @param partial what could be decoded of the request: nothing usable when its head was not
         * @param path the request's path: its decoded head's, or else as far as its request line came in; "" when
         *     neither shows one
         */
        WireResponse refuse(RawRequest partial, String path, Problem problem);
    }

    private static final long LINGER_MILLIS = 2000;
    private static final String FRONT = "usagekit.requestDeadline";
    private static final String BACK = "usagekit.decodeFailures";

    private ConnectionGuard() {
    }

    /** Adds the handlers to a server channel whose pipeline has Reactor Netty's HTTP/1.1 codec; else does nothing. */
    public static void install(Channel channel, Responder responder, Duration requestTimeout) {
        ChannelPipeline pipeline = channel.pipeline();
        if (pipeline.get(NettyPipeline.HttpCodec) == null || pipeline.get(FRONT) != null) {
            return;
        }
        State state = new State(responder, requestTimeout.toMillis());
        pipeline.addBefore(NettyPipeline.HttpCodec, FRONT, new RequestDeadline(state));
        pipeline.addAfter(NettyPipeline.HttpCodec, BACK, new DecodeFailures(state));
    }

    /**
     * Per connection: the raw end of the pipeline, the request being received and its deadline. One timer serves
     * the connection's requests: it is armed by a request that starts while none is pending, and when it fires it
     * refuses a request received for too long or re-arms for the one being received. Scheduling and cancelling a
     * timer per request showed as 5 % of a call's allocation.
     */
    private static final class State {
        final Responder responder;
        /** Transport time, like the scheduler's own: not the emulator's virtual clock. */
        final long timeoutNanos;
        ChannelHandlerContext raw;
        HttpRequest head;
        /** The request's first bytes, for its path while its head is not decoded. */
        final RequestLineStart lineStart = new RequestLineStart();
        boolean receiving;
        boolean refused;
        long startedNanos;
        ScheduledFuture<?> deadline;

        State(Responder responder, long timeoutMillis) {
            this.responder = responder;
            this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        }

        void started() {
            if (!receiving && timeoutNanos > 0) {
                receiving = true;
                startedNanos = System.nanoTime();
                if (deadline == null) {
                    arm(timeoutNanos);
                }
            }
        }

        void received() {
            receiving = false;
            // the next request starts with neither a head nor bytes of its line: kept apart from the timer, which a
            // request timeout under a millisecond leaves unarmed
            head = null;
            lineStart.clear();
        }

        private void arm(long delayNanos) {
            deadline = raw.executor().schedule(this::deadlineReached, delayNanos, TimeUnit.NANOSECONDS);
        }

        private void deadlineReached() {
            deadline = null;
            if (!receiving) {
                return; // between requests: the next one arms the timer again
            }
            long left = startedNanos + timeoutNanos - System.nanoTime();
            if (left > 0) {
                arm(left);
            } else if (answeredEarly()) {
                // answered before it was all received (413): a second answer to one request would break the
                // connection's framing for the client, so it is only closed
                refused = true;
                lingeringClose();
            } else {
                refuse(Problem.TIMEOUT);
            }
        }

        private boolean answeredEarly() {
            ApiChannelHandler api = raw.pipeline().get(ApiChannelHandler.class);
            return api != null && api.answeredBeforeReceived();
        }

        void cancel() {
            if (deadline != null) {
                deadline.cancel(false);
                deadline = null;
            }
        }

        /** Writes the vendor's answer straight onto the socket, under the codec, and closes the connection. */
        void refuse(Problem problem) {
            if (refused || !raw.channel().isActive()) {
                return;
            }
            refused = true;
            cancel();
            boolean decoded = decoded(head);
            RawRequest partial = decoded ? RawRequest.of(head, RawRequest.noBody()) : RawRequest.undecodable();
            RequestLineStart.Line line = decoded ? new RequestLineStart.Line(partial.method(), partial.path())
                    : lineStart.line();
            WireResponse response = responder.refuse(partial, line.path(), problem);
            // an answer to HEAD has no content (RFC 9110, 9.3.2), though its Content-Length says what GET would get
            raw.writeAndFlush(Unpooled.wrappedBuffer(bytes(response, !"HEAD".equals(line.method()))))
                    .addListener(written -> lingeringClose());
        }

        /**
         * Half-closes, then drops whatever the client still sends for a moment before closing: closing with unread
         * input makes the kernel send a reset, which can destroy the answer before the client has read it.
         */
        void lingeringClose() {
            Channel channel = raw.channel();
            if (channel instanceof DuplexChannel duplex && channel.isActive()) {
                duplex.shutdownOutput();
                raw.executor().schedule(() -> channel.close(), LINGER_MILLIS, TimeUnit.MILLISECONDS);
            } else {
                channel.close();
            }
        }
    }

    /** Whether the decoder made a usable head of the request: method, path, query and headers. */
    private static boolean decoded(HttpRequest head) {
        return head != null && !(head.decoderResult().cause() instanceof TooLongHttpLineException)
                && !isPlaceholder(head);
    }

    /**
     * The request Netty's decoder makes up for bytes that never were one ({@code GET /bad-request}): its method would
     * make the vendor look like Aliyun's, which nothing the client sent says.
     */
    private static boolean isPlaceholder(HttpRequest head) {
        return head.decoderResult().isFailure() && "/bad-request".equals(head.uri());
    }

    static byte[] bytes(WireResponse response, boolean withBody) {
        byte[] body = response.body().toBytes();
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(response.status()).append(' ')
                .append(HttpResponseStatus.valueOf(response.status()).reasonPhrase()).append("\r\nContent-Type: ")
                .append(response.contentType()).append("\r\nContent-Length: ").append(body.length)
                .append("\r\nConnection: close\r\n");
        response.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + body.length);
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (withBody) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    static Problem problem(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return Problem.URL_TOO_LONG;
        }
        if (cause instanceof TooLongHttpHeaderException || cause instanceof TooLongFrameException) {
            return Problem.HEADERS_TOO_LARGE;
        }
        return Problem.MALFORMED;
    }

    /**
     * A Transfer-Encoding that does not end in chunked: the body's length cannot be told (RFC 9112, 6.3), and the
     * decoder would read the body as the next request (request smuggling). Refused with 400 and a close, as the RFC
     * asks.
     */
    static boolean bodyLengthUnknown(HttpRequest request) {
        if (!request.headers().contains(HttpHeaderNames.TRANSFER_ENCODING)) {
            return false; // the usual request, without the list getAll makes
        }
        List<String> codings = request.headers().getAll(HttpHeaderNames.TRANSFER_ENCODING);
        if (codings.isEmpty()) {
            return false;
        }
        String last = codings.get(codings.size() - 1);
        return !last.substring(last.lastIndexOf(',') + 1).trim().equalsIgnoreCase("chunked");
    }

    /**
     * Whether Spring would refuse to build the request's URI (a stray '%' in the query, a blank in the Host) and
     * answer a bare 400 before any route: such requests are answered here instead.
     */
    static boolean unusableUri(HttpRequest request) {
        return unusableUri(request.headers().get("Host", "localhost"), request.uri());
    }

    static boolean unusableUri(String host, String uri) {
        if (PlainUriText.isHost(host) && PlainUriText.isRequestTarget(uri)) {
            return false; // the usual request: parsing it as a URI (2 % of a call) could only agree
        }
        return uriParseRefuses(host, uri);
    }

    /** The full check: the URIs Spring builds from the request's Host and target. */
    static boolean uriParseRefuses(String host, String uri) {
        try {
            new URI("http://" + host + "/");
            new URI("http://localhost" + (uri.startsWith("/") ? "" : "/") + uri);
            return false;
        } catch (URISyntaxException e) {
            return true;
        }
    }

    /** Before the codec: the first byte of a request starts its deadline. */
    private static final class RequestDeadline extends ChannelInboundHandlerAdapter {
        private final State state;

        RequestDeadline(State state) {
            this.state = state;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            state.raw = ctx;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (state.refused) {
                ReferenceCountUtil.release(msg); // the answer is on its way and the connection closing
                return;
            }
            if (msg instanceof ByteBuf buf && buf.isReadable()) {
                state.started();
                if (state.head == null) {
                    state.lineStart.append(buf);
                }
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            state.cancel();
            ctx.fireChannelInactive();
        }
    }

    /** After the codec: requests it failed to decode are answered here; a complete request stops the deadline. */
    private static final class DecodeFailures extends ChannelInboundHandlerAdapter {
        private final State state;

        DecodeFailures(State state) {
            this.state = state;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (state.refused) {
                ReferenceCountUtil.release(msg); // the rest of a refused request, decoded from the same read
                return;
            }
            if (msg instanceof HttpRequest request) {
                // a head decoded from the read that ended the previous request starts its own deadline here: the
                // read's own start was taken by the previous request
                state.started();
                state.head = request;
                // an HTTP/2 client's preface ("PRI * HTTP/2.0") decodes as a request of version 2.0: not one we serve
                Problem problem = request.decoderResult().isFailure() ? problem(request.decoderResult().cause())
                        : request.protocolVersion().majorVersion() != 1 || unusableUri(request)
                                || bodyLengthUnknown(request) ? Problem.MALFORMED
                        : null;
                if (problem != null) {
                    ReferenceCountUtil.release(msg);
                    state.refuse(problem);
                    return;
                }
            }
            if (msg instanceof LastHttpContent) {
                if (!(msg instanceof HttpRequest) && ((LastHttpContent) msg).decoderResult().isFailure()) {
                    ReferenceCountUtil.release(msg);
                    state.refuse(Problem.MALFORMED);
                    return;
                }
                state.received();
            }
            ctx.fireChannelRead(msg);
        }
    }
}
