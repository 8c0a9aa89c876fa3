package dev.usagekit.emulator.web;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * The first bytes of the request being received, as they came off the socket, until its head is decoded. A request
 * refused before that (its headers dribbled past the request timeout, its request line too long) is told by the path
 * its request line shows, so that a control-plane request gets the control plane's answer and stays out of the API
 * journal. One array per connection, reused by each of its requests.
 *
 * <p>A request whose line began in the read that ended the one before is not told: that read was the earlier
 * request's, so its line's start went by. It is answered as an API call, as a request of unknown path is.
 */
final class RequestLineStart {

    /** A method and path, as far as the request line shows them. */
    record Line(String method, String path) {
        static final Line UNKNOWN = new Line("", "");
    }

    /** Enough for a method and the path of any control-plane or actuator endpoint; a longer path shows its start. */
    static final int CAPACITY = 256;

    private final byte[] bytes = new byte[CAPACITY];
    private int length;

    /** A new request starts: nothing of it is kept yet. */
    void clear() {
        length = 0;
    }

    /** Keeps the read's bytes, up to the capacity, leaving the buffer as it was. */
    void append(ByteBuf read) {
        int taken = Math.min(read.readableBytes(), CAPACITY - length);
        read.getBytes(read.readerIndex(), bytes, length, taken);
        length += taken;
    }

    /**
     * The method and path the bytes kept show, or {@link Line#UNKNOWN} while they show none: a method, a space and a
     * target whose path a space, {@code ?} or the line's end closes, or that runs past what is kept.
     */
    Line line() {
        int space = 0;
        while (space < length && isTokenChar(bytes[space])) {
            space++;
        }
        if (space == 0 || space == length || bytes[space] != ' ') {
            return Line.UNKNOWN;
        }
        int end = space + 1;
        while (end < length && bytes[end] != ' ' && bytes[end] != '?' && bytes[end] != '\r' && bytes[end] != '\n') {
            end++;
        }
        if (end == length && length < CAPACITY) {
            return Line.UNKNOWN; // the path may go on in bytes still to come
        }
        String target = new String(bytes, space + 1, end - space - 1, StandardCharsets.ISO_8859_1);
        return new Line(new String(bytes, 0, space, StandardCharsets.ISO_8859_1), RawRequest.pathOf(target));
    }

    /** A character of a method name: RFC 9110's tchar. */
    private static boolean isTokenChar(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(b) >= 0;
    }
}
