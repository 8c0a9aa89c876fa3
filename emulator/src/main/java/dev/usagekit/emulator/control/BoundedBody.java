package dev.usagekit.emulator.control;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/**
 * A request body read as raw bytes, whatever its Content-Type claims: Spring's decoders parse that header first and
 * answer a bare 500 when they cannot (e.g. "application/json; charset=latin-1").
 */
final class BoundedBody {

    private static final byte[] EMPTY = new byte[0];

    private BoundedBody() {
    }

    /** The body, empty when there is none; fails with {@link DataBufferLimitException} past {@code maxBytes}. */
    static Mono<byte[]> read(ServerRequest request, long maxBytes) {
        return DataBufferUtils.join(request.exchange().getRequest().getBody(), (int) Math.min(maxBytes, Integer.MAX_VALUE))
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(EMPTY);
    }
}
