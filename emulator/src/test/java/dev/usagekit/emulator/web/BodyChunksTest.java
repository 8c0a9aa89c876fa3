package dev.usagekit.emulator.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BodyChunksTest {

    /** Netty's unpooled allocator, remembering every buffer it gave out, to check releases. */
    private static final class Tracking extends AbstractByteBufAllocator {
        final List<ByteBuf> given = new ArrayList<>();

        @Override
        protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
            return newDirectBuffer(initialCapacity, maxCapacity);
        }

        @Override
        protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
            ByteBuf buffer = UnpooledByteBufAllocator.DEFAULT.directBuffer(initialCapacity, maxCapacity);
            given.add(buffer);
            return buffer;
        }

        @Override
        public boolean isDirectBufferPooled() {
            return false;
        }
    }

    private static byte[] joined(ByteBuf whole) {
        byte[] bytes = new byte[whole.readableBytes()];
        whole.getBytes(whole.readerIndex(), bytes);
        return bytes;
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

        assertThat(chunks.buffers()).hasSize((size + BodyChunks.CHUNK_BYTES - 1) / BodyChunks.CHUNK_BYTES);
        assertThat(chunks.buffers()).allSatisfy(b -> assertThat(b.capacity()).isEqualTo(BodyChunks.CHUNK_BYTES));
        ByteBuf whole = chunks.toByteBuf();
        assertThat(whole.readableBytes()).isEqualTo(size);
        assertThat(joined(whole)).isEqualTo(body);
        whole.release();
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
        assertThat(chunks.toByteBuf().readableBytes()).isZero();
    }
}
