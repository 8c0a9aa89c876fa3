package dev.usagekit.benchmarks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Follows HTTP/1.1 responses through whatever pieces the socket hands over, without copying their bodies: only the
 * head and chunk-size lines are kept, a body is counted off. One reader per connection; responses are not pipelined,
 * so a read holds the end of one response at most.
 */
final class ResponseReader {

    /** What a finished response said. */
    record Response(int status, boolean closes) {
    }

    /** Longest head or chunk line kept; a longer one is a broken response. */
    private static final int MAX_LINE_BYTES = 16 * 1024;

    private enum State { HEAD, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS }

    private final byte[] line = new byte[MAX_LINE_BYTES];
    private int lineLength;
    private State state = State.HEAD;
    private long remaining;
    private int status;
    private boolean closes;
    private boolean chunked;
    private long contentLength;
    private boolean firstLine = true;

    /**
     * Consumes the readable bytes of {@code in} and returns the response they complete, or null when more bytes are
     * needed.
     *
     * @throws IllegalStateException when the bytes are not an HTTP/1.1 response
     */
    Response read(ByteBuffer in) {
        while (in.hasRemaining()) {
            switch (state) {
                case BODY, CHUNK_DATA -> {
                    int n = (int) Math.min(remaining, in.remaining());
                    in.position(in.position() + n);
                    remaining -= n;
                    if (remaining == 0) {
                        if (state == State.BODY) {
                            return finish();
                        }
                        state = State.CHUNK_END;
                    }
                }
                default -> {
                    if (!lineFrom(in)) {
                        return null;
                    }
                    Response done = onLine();
                    if (done != null) {
                        return done;
                    }
                }
            }
        }
        return null;
    }

    /** True when a whole line (CRLF or LF ended) has been taken into {@link #line}. */
    private boolean lineFrom(ByteBuffer in) {
        while (in.hasRemaining()) {
            byte b = in.get();
            if (b == '\n') {
                if (lineLength > 0 && line[lineLength - 1] == '\r') {
                    lineLength--;
                }
                return true;
            }
            if (lineLength == MAX_LINE_BYTES) {
                throw new IllegalStateException("a response line of over " + MAX_LINE_BYTES + " bytes");
            }
            line[lineLength++] = b;
        }
        return false;
    }

    private Response onLine() {
        String text = new String(line, 0, lineLength, StandardCharsets.ISO_8859_1);
        lineLength = 0;
        switch (state) {
            case HEAD -> {
                if (firstLine) {
                    firstLine = false;
                    String[] parts = text.split(" ", 3);
                    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                        throw new IllegalStateException("not a status line: " + text);
                    }
                    status = Integer.parseInt(parts[1]);
                    return null;
                }
                if (!text.isEmpty()) {
                    header(text);
                    return null;
                }
                if (chunked) {
                    state = State.CHUNK_SIZE;
                    return null;
                }
                remaining = Math.max(0, contentLength);
                state = State.BODY;
                return remaining == 0 ? finish() : null;
            }
            case CHUNK_SIZE -> {
                int extension = text.indexOf(';');
                remaining = Long.parseLong((extension < 0 ? text : text.substring(0, extension)).trim(), 16);
                state = remaining == 0 ? State.TRAILERS : State.CHUNK_DATA;
                return null;
            }
            case CHUNK_END -> {
                state = State.CHUNK_SIZE;
                return null;
            }
            case TRAILERS -> {
                return text.isEmpty() ? finish() : null;
            }
            default -> throw new IllegalStateException("line in state " + state);
        }
    }

    private void header(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return;
        }
        String name = text.substring(0, colon).trim();
        String value = text.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
        if (name.equalsIgnoreCase("Content-Length")) {
            contentLength = Long.parseLong(value);
        } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
            chunked = value.contains("chunked");
        } else if (name.equalsIgnoreCase("Connection")) {
            closes = value.contains("close");
        }
    }

    private Response finish() {
        Response done = new Response(status, closes);
        state = State.HEAD;
        firstLine = true;
        chunked = false;
        closes = false;
        contentLength = 0;
        remaining = 0;
        status = 0;
        return done;
    }
}
