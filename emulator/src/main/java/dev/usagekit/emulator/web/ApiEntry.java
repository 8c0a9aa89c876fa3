package dev.usagekit.emulator.web;

import dev.usagekit.emulator.core.ApiError;
import dev.usagekit.emulator.core.CallTrace;
import dev.usagekit.emulator.core.ErrorKind;
import dev.usagekit.emulator.core.Vendor;
import dev.usagekit.emulator.gateway.aliyun.AliyunErrors;
import dev.usagekit.emulator.gateway.aliyun.AliyunGateway;
import dev.usagekit.emulator.gateway.volcengine.VolcengineGateway;
import dev.usagekit.emulator.gateway.volcengine.VolcengineGatewayErrors;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where every API request enters: read the body (bounded), pick the vendor's gateway, write its answer. */
public final class ApiEntry {

    private static final Logger log = LoggerFactory.getLogger(ApiEntry.class);
    private static final byte[] EMPTY = new byte[0];

    private final VendorDetector detector;
    private final VolcengineGateway volcengine;
    private final AliyunGateway aliyun;
    private final long maxBodyBytes;
    private final CallObserver observer;

    /** A call answered by a gateway, with what it noted on the way. */
    private record Answer(RawRequest request, CallTrace trace, WireResponse response) {
        /** Injected latency, 0 when none. */
        long latencyMillis() {
            return trace.get("latencyMillis") instanceof Number n ? n.longValue() : 0;
        }
    }

    public ApiEntry(VendorDetector detector, VolcengineGateway volcengine, AliyunGateway aliyun, long maxBodyBytes) {
        this(detector, volcengine, aliyun, maxBodyBytes, CallObserver.NONE);
    }

    public ApiEntry(VendorDetector detector, VolcengineGateway volcengine, AliyunGateway aliyun, long maxBodyBytes,
            CallObserver observer) {
        this.detector = detector;
        this.volcengine = volcengine;
        this.aliyun = aliyun;
        this.maxBodyBytes = maxBodyBytes;
        this.observer = observer;
    }

    public Mono<ServerResponse> handle(ServerRequest request) {
        long started = System.nanoTime();
        // a declared length over the limit is refused before a byte of the body is read; chunked bodies are cut off
        // by the bounded join below as soon as they pass the limit
        return Mono.defer(() -> request.headers().contentLength().orElse(-1) > maxBodyBytes
                        ? Mono.just(tooLarge(raw(request, EMPTY)))
                        : BoundedBody.read(request, maxBodyBytes).map(body -> dispatch(raw(request, body))))
                .onErrorResume(DataBufferLimitException.class, e -> Mono.just(tooLarge(raw(request, EMPTY))))
                .onErrorResume(e -> {
                    log.warn("unreadable request: {}", e.toString());
                    return Mono.just(unreadable(raw(request, EMPTY)));
                })
                // injected latency waits on a timer, never on a thread
                .flatMap(a -> a.latencyMillis() > 0
                        ? Mono.just(a).delayElement(Duration.ofMillis(a.latencyMillis())) : Mono.just(a))
                .flatMap(a -> write(a, request.exchange().getResponse().bufferFactory(), started));
    }

    private Answer dispatch(RawRequest raw) {
        CallTrace trace = new CallTrace();
        Map<String, List<String>> aliyunParams = AliyunGateway.parameters(raw);
        WireResponse response = detector.detect(raw, aliyunParams) == Vendor.ALIYUN ? aliyun.handle(raw, aliyunParams, trace)
                : volcengine.handle(raw, trace);
        return new Answer(raw, trace, response);
    }

    private void observe(Answer a, Duration elapsed) {
        try {
            observer.answered(a.request(), a.trace(), a.response(), elapsed);
        } catch (RuntimeException e) {
            log.warn("call observer failed: {}", e.toString());
        }
    }

    /** Neither vendor documents this answer; both dialects give the same code, in their own envelope. */
    private Answer tooLarge(RawRequest raw) {
        ApiError error = ApiError.of(ErrorKind.BIND, 413, "RequestEntityTooLarge",
                "The request body exceeds " + maxBodyBytes + " bytes.");
        return early(raw, error, error);
    }

    /**
     * Answers a request refused below the routes (by {@link ConnectionGuard}): too long a request line, too large
     * headers, not HTTP at all, or too slow a client. Journaled like any other call.
     */
    public WireResponse refuse(RawRequest partial, ConnectionGuard.Problem problem) {
        ApiError error = switch (problem) {
            case URL_TOO_LONG -> ApiError.of(ErrorKind.BIND, problem.status(), "RequestURITooLong",
                    "The request line is longer than the server accepts.");
            case HEADERS_TOO_LARGE -> ApiError.of(ErrorKind.BIND, problem.status(), "RequestHeaderFieldsTooLarge",
                    "The request headers are larger than the server accepts.");
            case MALFORMED -> ApiError.of(ErrorKind.BIND, problem.status(), "MalformedRequest",
                    "The request is not well-formed HTTP/1.1.");
            case TIMEOUT -> ApiError.of(ErrorKind.BIND, problem.status(), "RequestTimeout",
                    "The request was not received completely in time.");
        };
        Answer answer = early(partial, error, error);
        observe(answer, Duration.ZERO);
        return answer.response();
    }

    private Answer unreadable(RawRequest raw) {
        return early(raw, AliyunErrors.internalError(), VolcengineGatewayErrors.internalError());
    }

    /** An error before any gateway could route the call, in the dialect the request seems to speak. */
    private Answer early(RawRequest raw, ApiError aliyunError, ApiError volcengineError) {
        boolean isAliyun = detector.detect(raw, raw.query()) == Vendor.ALIYUN;
        ApiError error = isAliyun ? aliyunError : volcengineError;
        CallTrace trace = new CallTrace().note("vendor", isAliyun ? Vendor.ALIYUN.name() : Vendor.VOLCENGINE.name())
                .note("errorCode", error.code()).note("errorKind", error.kind().name());
        WireResponse response = isAliyun ? aliyun.renderEarlyError(raw, error)
                : volcengine.renderEarlyError(raw, error);
        return new Answer(raw, trace, response);
    }

    private static RawRequest raw(ServerRequest request, byte[] body) {
        String rawQuery = request.uri().getRawQuery();
        HttpHeaders headers = new HttpHeaders();
        request.headers().asHttpHeaders().forEach(headers::addAll);
        return new RawRequest(request.method().name(), request.path(), rawQuery == null ? "" : rawQuery,
                FormUrlEncoded.decode(rawQuery), headers, body);
    }

    /**
     * Renders the body into the server's buffers before the status line is committed, so that a body that cannot be
     * rendered (an emulator bug) still gets the vendor's internal-error envelope instead of a broken answer; the
     * journal and meters then record what was sent.
     */
    private Mono<ServerResponse> write(Answer answer, DataBufferFactory buffers, long started) {
        Answer sent = answer;
        BodyChunks body;
        try {
            body = BodyChunks.render(answer.response().body(), buffers);
        } catch (RuntimeException e) {
            log.error("rendering the answer failed", e);
            sent = unreadable(answer.request());
            body = BodyChunks.render(sent.response().body(), buffers);
        }
        observe(sent, Duration.ofNanos(System.nanoTime() - started));
        WireResponse response = sent.response();
        ServerResponse.BodyBuilder builder = ServerResponse.status(response.status())
                .contentType(MediaType.parseMediaType(response.contentType()))
                .contentLength(body.length());
        response.headers().forEach(builder::header);
        return builder.body(BodyInserters.fromDataBuffers(Flux.fromIterable(body.buffers())
                .doOnDiscard(DataBuffer.class, DataBufferUtils::release)));
    }
}
