package dev.usagekit.emulator.web;

import dev.usagekit.emulator.wire.WireCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * A body that is written when the answer is sent, straight into the server's buffers: the largest answer (megabytes
 * of points) then exists once, as the bytes on their way out, never also as an intermediate array.
 */
@FunctionalInterface
public interface ResponseBody {

    void writeTo(OutputStream out) throws IOException;

    /** The value as the vendors' JSON. */
    static ResponseBody json(Object value) {
        return out -> WireCodec.JSON.writeValue(out, value);
    }

    static ResponseBody of(byte[] bytes) {
        return out -> out.write(bytes);
    }

    /** The whole body as one array: for the self-check and for answers written below the routes. */
    default byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
