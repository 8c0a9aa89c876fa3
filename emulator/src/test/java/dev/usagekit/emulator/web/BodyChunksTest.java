package dev.usagekit.emulator.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.NettyDataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;

class BodyChunksTest {

    /** A factory on Netty's unpooled allocator that remembers every buffer it gave out, to check releases. */
    private static final class Tracking extends NettyDataBufferFactory {
        final List<ByteBuf> given = new ArrayList<>();

        Tracking() {
            super(new UnpooledByteBufAllocator(false));
        }

        @Override
        public NettyDataBuffer allocateBuffer(int initialCapacity) {
            NettyDataBuffer buffer = super.allocateBuffer(initialCapacity);
            given.add(buffer.getNativeBuffer());
            return buffer;
        }
    }

    private static byte[] joined(List<DataBuffer> buffers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (DataBuffer b : buffers) {
            byte[] bytes = new byte[b.readableByteCount()];
            b.read(bytes);
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    /** However a body is written (in any slices), the buffers hold exactly its bytes, each at most one chunk. */
    @Property(tries = 200)
    void buffersHoldExactlyTheBody(@ForAll @IntRange(max = 200_000) int size, @ForAll @IntRange(min = 1, max = 70_000) int slice,
            @ForAll long seed) {
        byte[] body = new byte[size];
        new Random(seed).nextBytes(body);
        ResponseBody sliced = out -> {
            for (int at = 0; at < body.length; at += slice) {
                if (slice == 1) {
                    out.write(body[at]);
                } else {
                    out.write(body, at, Math.min(slice, body.length - at));
                }
            }
        };
        Tracking factory = new Tracking();
        BodyChunks chunks = BodyChunks.render(sliced, factory);

        assertThat(chunks.length()).isEqualTo(size);
        assertThat(chunks.buffers()).hasSize((size + BodyChunks.CHUNK_BYTES - 1) / BodyChunks.CHUNK_BYTES);
        assertThat(chunks.buffers()).allSatisfy(b -> assertThat(b.capacity()).isEqualTo(BodyChunks.CHUNK_BYTES));
        assertThat(joined(chunks.buffers())).isEqualTo(body);
        chunks.release();
        assertThat(factory.given).allSatisfy(b -> assertThat(b.refCnt()).isZero());
    }

    @Test
    void aBodyThatFailsHalfWayLeavesNoBufferBehind() {
        Tracking factory = new Tracking();
        ResponseBody failing = out -> {
            out.write(new byte[BodyChunks.CHUNK_BYTES * 2 + 10]);
            throw new IOException("renderer broke");
        };

        assertThatThrownBy(() -> BodyChunks.render(failing, factory)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("renderer broke");
        assertThat(factory.given).hasSize(3).allSatisfy(b -> assertThat(b.refCnt()).isZero());
    }

    @Test
    void anEmptyBodyIsNoBuffer() {
        BodyChunks chunks = BodyChunks.render(out -> { }, new Tracking());
        assertThat(chunks.buffers()).isEmpty();
        assertThat(chunks.length()).isZero();
    }
}
