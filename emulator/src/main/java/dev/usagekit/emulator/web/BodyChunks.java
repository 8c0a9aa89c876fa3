package dev.usagekit.emulator.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * Collects a rendered body in fixed-size buffers of the server's allocator (pooled, direct on Netty). Unlike one
 * growing buffer, nothing is copied when the body outgrows a guess, so a body is held exactly once however large.
 */
final class BodyChunks extends OutputStream {

    /** Large enough for the common answers (the one-day series is ~19 KB) to be a single buffer. */
    static final int CHUNK_BYTES = 32 * 1024;

    private final DataBufferFactory factory;
    private final List<DataBuffer> chunks = new ArrayList<>(1);
    private DataBuffer current;
    private long length;

    BodyChunks(DataBufferFactory factory) {
        this.factory = factory;
    }

    /** The body rendered into buffers; on failure, whatever was allocated is released first. */
    static BodyChunks render(ResponseBody body, DataBufferFactory factory) {
        BodyChunks out = new BodyChunks(factory);
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
        current.write((byte) b);
        length++;
    }

    @Override
    public void write(byte[] bytes, int offset, int count) {
        while (count > 0) {
            ensureRoom();
            int n = Math.min(count, current.writableByteCount());
            current.write(bytes, offset, n);
            offset += n;
            count -= n;
            length += n;
        }
    }

    private void ensureRoom() {
        if (current == null || current.writableByteCount() == 0) {
            current = factory.allocateBuffer(CHUNK_BYTES);
            chunks.add(current);
        }
    }

    List<DataBuffer> buffers() {
        return chunks;
    }

    long length() {
        return length;
    }

    void release() {
        chunks.forEach(DataBufferUtils::release);
        chunks.clear();
    }
}
