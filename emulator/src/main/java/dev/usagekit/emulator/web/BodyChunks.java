package dev.usagekit.emulator.web;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects a rendered body in fixed-size buffers of the server's allocator (pooled, direct). Unlike one growing
 * buffer, nothing is copied when the body outgrows a guess, so a body is held exactly once however large.
 */
final class BodyChunks extends OutputStream {

    /** Large enough for the common answers (the one-day series is ~19 KB) to be a single buffer. */
    static final int CHUNK_BYTES = 32 * 1024;

    private final ByteBufAllocator allocator;
    private final List<ByteBuf> chunks = new ArrayList<>(1);
    private ByteBuf current;

    BodyChunks(ByteBufAllocator allocator) {
        this.allocator = allocator;
    }

    /** The body rendered into buffers; on failure, whatever was allocated is released first. */
    static BodyChunks render(ResponseBody body, ByteBufAllocator allocator) {
        BodyChunks out = new BodyChunks(allocator);
        try {
            body.writeTo(out);
            return out;
        } catch (IOException e) {
            out.release();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            out.release();
            throw e;
        }
    }

    @Override
    public void write(int b) {
        ensureRoom();
        current.writeByte(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int count) {
        while (count > 0) {
            ensureRoom();
            int n = Math.min(count, current.writableBytes());
            current.writeBytes(bytes, offset, n);
            offset += n;
            count -= n;
        }
    }

    private void ensureRoom() {
        if (current == null || !current.isWritable()) {
            current = allocator.directBuffer(CHUNK_BYTES, CHUNK_BYTES);
            chunks.add(current);
        }
    }

    List<ByteBuf> buffers() {
        return chunks;
    }


    /** The whole body as one buffer that owns the chunks (no copy): the caller releases it. */
    ByteBuf toByteBuf() {
        if (chunks.isEmpty()) {
            return Unpooled.EMPTY_BUFFER;
        }
        if (chunks.size() == 1) {
            return chunks.get(0);
        }
        CompositeByteBuf whole = allocator.compositeDirectBuffer(chunks.size());
        whole.addComponents(true, chunks);
        return whole;
    }

    void release() {
        chunks.forEach(ByteBuf::release);
        chunks.clear();
    }
}
