package dev.usagekit.emulator.web;

import dev.usagekit.emulator.core.ApiError;
import dev.usagekit.emulator.core.CallTrace;
import dev.usagekit.emulator.core.ErrorKind;
import dev.usagekit.emulator.core.Vendor;
import dev.usagekit.emulator.gateway.aliyun.AliyunErrors;
import dev.usagekit.emulator.gateway.aliyun.AliyunGateway;
import dev.usagekit.emulator.gateway.volcengine.VolcengineGateway;
import dev.usagekit.emulator.gateway.volcengine.VolcengineGatewayErrors;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every API request enters, whatever carried it: picks the vendor's gateway, and renders and records its
 * answer. {@link ApiChannelHandler} brings the requests off the connections and writes the answers back.
 */
public final class ApiEntry {

    private static final Logger log = LoggerFactory.getLogger(ApiEntry.class);

    /** The setting of the largest body taken, for the messages and descriptions that name it. */
    public static final String MAX_BODY_SETTING = "emulator.max-body-size";

    /** Long enough for the clients holding the memory to read some of their answers. */
    private static final Duration RETRY_AFTER_UNAVAILABLE = Duration.ofSeconds(1);

    private final VendorDetector detector;
    private final VolcengineGateway volcengine;
    private final AliyunGateway aliyun;
    private final long maxBodyBytes;
    private final CallObserver observer;
    private final ResponseDate date;
    private final Clock clock;
    /**
     * Calls received and not yet answered, across all connections: graceful shutdown waits for them. An adder, as
     * every event loop counts every call.
     */
    private final LongAdder callsInFlight = new LongAdder();

    /**
     * A call answered by a gateway, with what it noted on the way, and the observer's generation when it started.
     */
    public record Answer(RawRequest request, CallTrace trace, WireResponse response, long generation) {
        /** Injected latency, 0 when none. */
        public long latencyMillis() {
            return trace.get("latencyMillis") instanceof Number n ? n.longValue() : 0;
        }
    }

    /**
     * An answer as it goes out: its status and headers, its body rendered into the server's buffers, and its
     * {@code Date} header.
     */
    public record Sent(WireResponse response, ByteBuf body, String date) {
    }

    /** @param clock the virtual clock, which the answers' {@code Date} header tells */
    public ApiEntry(VendorDetector detector, VolcengineGateway volcengine, AliyunGateway aliyun, long maxBodyBytes,
            CallObserver observer, Clock clock) {
        this.detector = detector;
        this.volcengine = volcengine;
        this.aliyun = aliyun;
        this.maxBodyBytes = maxBodyBytes;
        this.observer = observer;
        this.date = new ResponseDate(clock);
        this.clock = clock;
    }

    /** A call was received whole; its answer is still to be written. */
    void callStarted() {
        callsInFlight.increment();
    }

    /** A call's answer was written, or its connection was gone by then. */
    void callEnded() {
        callsInFlight.decrement();
    }

    /** Calls received and not yet answered: those waiting on injected latency, mostly. */
    public long callsInFlight() {
        return callsInFlight.sum();
    }

    /** The largest request body served; larger ones get {@link #tooLarge}. */
    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /** The gateway's answer to a completely received request; an emulator bug becomes the vendor's internal error. */
    public Answer answer(RawRequest raw) {
        long generation = observer.generation();
        // read once: the signing window and the data window of one call must not see two times of a moving clock
        Instant arrivedAt = clock.instant();
        try {
            CallTrace trace = new CallTrace();
            // a Volcengine-signed call never needs the Aliyun parameters, a form body among them, parsed
            Vendor signedFor = detector.bySignature(raw).orElse(null);
            if (signedFor == Vendor.VOLCENGINE) {
                return new Answer(raw, trace, volcengine.handle(raw, trace, arrivedAt), generation);
            }
            Map<String, List<String>> aliyunParams = AliyunGateway.parameters(raw);
            Vendor vendor = signedFor != null ? signedFor : detector.byParameters(raw, aliyunParams);
            WireResponse response = vendor == Vendor.ALIYUN
                    ? aliyun.handle(raw, aliyunParams, trace, arrivedAt)
                    : volcengine.handle(raw, trace, arrivedAt);
            return new Answer(raw, trace, response, generation);
        } catch (RuntimeException e) {
            log.error("answering the call failed", e);
            return internalError(raw, generation);
        }
    }

    /**
     * The vendor's internal error; if even that cannot be made (a bug in the error path itself), a fixed one that
     * needs no clock, request id or renderer, so the client still gets an answer rather than a closed connection.
     *
     * @param generation the observer's generation when the call started, which its answer is recorded in
     */
    private Answer internalError(RawRequest raw, long generation) {
        try {
            return early(raw, AliyunErrors.internalError(), VolcengineGatewayErrors.internalError(), generation);
        } catch (RuntimeException e) {
            log.error("answering with the vendor's internal error failed too", e);
            return lastResort(raw, generation);
        }
    }

    private Answer lastResort(RawRequest raw, long generation) {
        Vendor vendor;
        try {
            vendor = detector.detect(raw, raw.query());
        } catch (RuntimeException e) {
            vendor = Vendor.VOLCENGINE;
        }
        return vendor == Vendor.ALIYUN
                ? new Answer(raw, errorTrace(vendor, AliyunErrors.internalError()), AliyunGateway.fixedInternalError(),
                        generation)
                : new Answer(raw, errorTrace(vendor, VolcengineGatewayErrors.internalError()),
                        VolcengineGateway.fixedInternalError(), generation);
    }

    /** What the journal and meters learn of an error answered here rather than by a gateway. */
    private static CallTrace errorTrace(Vendor vendor, ApiError error) {
        return new CallTrace().note("vendor", vendor.name()).noteError(error);
    }

    private void observe(Answer a, Duration elapsed) {
        try {
            observer.answered(a.request(), a.trace(), a.response(), elapsed, a.generation());
        } catch (RuntimeException e) {
            log.warn("call observer failed: {}", e.toString());
        }
    }

    /** Neither vendor documents this answer; both dialects give the same code, in their own envelope. */
    public Answer tooLarge(RawRequest raw) {
        ApiError error = ApiError.of(ErrorKind.BIND, 413, "RequestEntityTooLarge",
                "The request body exceeds " + maxBodyBytes + " bytes.");
        return early(raw, error, error, observer.generation());
    }

    /**
     * Answers a request refused below the routes (by {@link ConnectionGuard}): too long a request line, too large
     * headers, not HTTP at all, or too slow a client. Journaled like any other call.
     */
    public WireResponse refuse(RawRequest partial, ConnectionGuard.Problem problem) {
        ApiError error = ApiError.of(ErrorKind.BIND, problem.status(), problem.code(), problem.message());
        // only Aliyun's RPC style puts a call's parameters in the URL; a Volcengine call's query is Action and Version
        Vendor vendor = problem == ConnectionGuard.Problem.URL_TOO_LONG ? Vendor.ALIYUN
                : detector.detect(partial, partial.query());
        Answer answer = early(partial, vendor, error, error, observer.generation());
        observe(answer, Duration.ZERO);
        WireResponse response = answer.response();
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        headers.put("Date", date.now());
        return new WireResponse(response.status(), response.contentType(), response.body(), headers);
    }

    /** The vendor's "temporarily unavailable", for an answer the emulator had no memory to hold. */
    private Answer unavailable(RawRequest raw, long generation) {
        ApiError volcengine = VolcengineGatewayErrors.serviceUnavailable().withRetryAfter(RETRY_AFTER_UNAVAILABLE);
        return early(raw, AliyunErrors.serviceUnavailable(), volcengine, generation);
    }

    /** An error before any gateway could route the call, in the dialect the request seems to speak. */
    private Answer early(RawRequest raw, ApiError aliyunError, ApiError volcengineError, long generation) {
        return early(raw, detector.detect(raw, raw.query()), aliyunError, volcengineError, generation);
    }

    private Answer early(RawRequest raw, Vendor vendor, ApiError aliyunError, ApiError volcengineError,
            long generation) {
        boolean isAliyun = vendor == Vendor.ALIYUN;
        ApiError error = isAliyun ? aliyunError : volcengineError;
        CallTrace trace = errorTrace(isAliyun ? Vendor.ALIYUN : Vendor.VOLCENGINE, error);
        WireResponse response = isAliyun ? aliyun.renderEarlyError(raw, error, trace)
                : volcengine.renderEarlyError(raw, error, trace);
        return new Answer(raw, trace, response, generation);
    }

    /**
     * Renders the body into the server's buffers before anything is written, so that a body that cannot be rendered
     * (an emulator bug) still goes out as the vendor's internal-error envelope instead of a broken answer; the journal
     * and meters then record what was sent.
     */
    public Sent send(Answer answer, ByteBufAllocator buffers, long startedNanos) {
        Answer sent = answer;
        ByteBuf body;
        try {
            body = BodyChunks.render(answer.response().body(), buffers).toByteBuf();
        } catch (OutOfMemoryError e) {
            // the buffer memory is full, typically of answers that clients are slow to read; what was rendered is
            // released, and the vendor's 503, which the SDKs retry, goes out from the heap
            log.warn("no memory left to buffer an answer, answering 503: {}", e.toString());
            sent = unavailable(answer.request(), answer.generation());
            body = Unpooled.wrappedBuffer(sent.response().body().toBytes());
        } catch (RuntimeException e) {
            log.error("rendering the answer failed", e);
            sent = internalError(answer.request(), answer.generation());
            try {
                body = BodyChunks.render(sent.response().body(), buffers).toByteBuf();
            } catch (RuntimeException again) {
                log.error("rendering the internal error failed too", again);
                sent = lastResort(answer.request(), answer.generation());
                body = Unpooled.wrappedBuffer(sent.response().body().toBytes());
            }
        }
        // every answer in its place carries the generation the call started in
        observe(sent, Duration.ofNanos(System.nanoTime() - startedNanos));
        return new Sent(sent.response(), body, date.now());
    }
}
