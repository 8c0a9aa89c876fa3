package dev.usagekit.emulator.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The method and path of a request whose head was never decoded, from its first bytes alone. */
class RequestLineStartTest {

    private static RequestLineStart.Line lineOf(String... reads) {
        RequestLineStart start = new RequestLineStart();
        for (String read : reads) {
            ByteBuf buffer = Unpooled.copiedBuffer(read, StandardCharsets.ISO_8859_1);
            start.append(buffer);
            buffer.release();
        }
        return start.line();
    }

    @Test
    void aLineWhoseHeadersNeverCameHasItsMethodAndPath() {
        assertThat(lineOf("POST /_emulator/reset HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slo"))
                .isEqualTo(new RequestLineStart.Line("POST", "/_emulator/reset"));
        assertThat(lineOf("HEAD /_emulator/jour", "nal?action=x HTTP/1.1"))
                .isEqualTo(new RequestLineStart.Line("HEAD", "/_emulator/journal"));
        assertThat(lineOf("GET http://127.0.0.1:8080/_emulator/info HTTP/1.1\r\n"))
                .isEqualTo(new RequestLineStart.Line("GET", "/_emulator/info"));
    }

    /** A path still coming in could go on to another one: /_emulator to /_emulatorX, an API path. */
    @Test
    void aPathNotYetClosedIsUnknown() {
        assertThat(lineOf("POST /_emulator")).isEqualTo(RequestLineStart.Line.UNKNOWN);
        assertThat(lineOf("POST")).isEqualTo(RequestLineStart.Line.UNKNOWN);
    }

    @Test
    void aPathLongerThanWhatIsKeptShowsItsStart() {
        String path = "/_emulator/" + "x".repeat(RequestLineStart.CAPACITY);
        assertThat(lineOf("GET " + path + " HTTP/1.1\r\n").path())
                .isEqualTo(path.substring(0, RequestLineStart.CAPACITY - "GET ".length()));
    }

    /** The middle of a request (its line's start went by with the request before it) shows no method. */
    @Test
    void bytesThatDoNotStartARequestLineShowNothing() {
        assertThat(lineOf("ulator/reset HTTP/1.1\r\n")).isEqualTo(RequestLineStart.Line.UNKNOWN);
        assertThat(lineOf("Host: 127.0.0.1\r\n")).isEqualTo(RequestLineStart.Line.UNKNOWN);
        assertThat(lineOf("\u0016\u0003\u0001\u0002\u0000")).isEqualTo(RequestLineStart.Line.UNKNOWN);
    }
}
