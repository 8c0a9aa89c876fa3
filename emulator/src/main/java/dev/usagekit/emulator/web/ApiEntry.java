package dev.usagekit.emulator.web;

import dev.usagekit.emulator.core.CallTrace;
import dev.usagekit.emulator.core.Vendor;
import dev.usagekit.emulator.gateway.aliyun.AliyunErrors;
import dev.usagekit.emulator.gateway.aliyun.AliyunGateway;
import dev.usagekit.emulator.gateway.volcengine.VolcengineGateway;
import dev.usagekit.emulator.gateway.volcengine.VolcengineGatewayErrors;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Where every API request enters: read the body (bounded), pick the vendor's gateway, write its answer. */
public final class ApiEntry {

    private static final Logger log = LoggerFactory.getLogger(ApiEntry.class);
    private static final byte[] EMPTY = new byte[0];

    private final VendorDetector detector;
    private final VolcengineGateway volcengine;
    private final AliyunGateway aliyun;
    private final long maxBodyBytes;

    public ApiEntry(VendorDetector detector, VolcengineGateway volcengine, AliyunGateway aliyun, long maxBodyBytes) {
        this.detector = detector;
        this.volcengine = volcengine;
        this.aliyun = aliyun;
        this.maxBodyBytes = maxBodyBytes;
    }

    public Mono<ServerResponse> handle(ServerRequest request) {
        return request.bodyToMono(byte[].class)
                .defaultIfEmpty(EMPTY)
                .map(body -> dispatch(raw(request, body)))
                .onErrorResume(DataBufferLimitException.class, e -> Mono.just(tooLarge(raw(request, EMPTY))))
                .onErrorResume(e -> {
                    log.warn("unreadable request: {}", e.toString());
                    return Mono.just(unreadable(raw(request, EMPTY)));
                })
                .flatMap(ApiEntry::write);
    }

    private WireResponse dispatch(RawRequest raw) {
        CallTrace trace = new CallTrace();
        Map<String, List<String>> aliyunParams = AliyunGateway.parameters(raw);
        return detector.detect(raw, aliyunParams) == Vendor.ALIYUN ? aliyun.handle(raw, trace)
                : volcengine.handle(raw, trace);
    }

    private WireResponse tooLarge(RawRequest raw) {
        return detector.detect(raw, raw.query()) == Vendor.ALIYUN
                ? aliyun.renderEarlyError(raw, AliyunErrors.requestTooLarge(maxBodyBytes))
                : volcengine.renderEarlyError(raw, VolcengineGatewayErrors.requestTooLarge(maxBodyBytes));
    }

    private WireResponse unreadable(RawRequest raw) {
        return detector.detect(raw, raw.query()) == Vendor.ALIYUN
                ? aliyun.renderEarlyError(raw, AliyunErrors.internalError())
                : volcengine.renderEarlyError(raw, VolcengineGatewayErrors.internalError());
    }

    private static RawRequest raw(ServerRequest request, byte[] body) {
        String rawQuery = request.uri().getRawQuery();
        HttpHeaders headers = new HttpHeaders();
        request.headers().asHttpHeaders().forEach(headers::addAll);
        return new RawRequest(request.method().name(), request.path(), rawQuery == null ? "" : rawQuery,
                FormUrlEncoded.decode(rawQuery), headers, body);
    }

    private static Mono<ServerResponse> write(WireResponse response) {
        ServerResponse.BodyBuilder builder = ServerResponse.status(response.status())
                .contentType(MediaType.parseMediaType(response.contentType()));
        response.headers().forEach(builder::header);
        return builder.body(BodyInserters.fromValue(response.body()));
    }
}
