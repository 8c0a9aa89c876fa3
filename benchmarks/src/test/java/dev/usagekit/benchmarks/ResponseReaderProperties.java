package dev.usagekit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ResponseReaderProperties {

    record Sample(int status, int bodyLength, boolean chunked, boolean closes) {
        byte[] bytes() {
            StringBuilder head = new StringBuilder("HTTP/1.1 " + status + " Whatever It Says\r\n")
                    .append("Content-Type: application/json\r\n");
            if (closes) {
                head.append("Connection: close\r\n");
            }
            String body = "x".repeat(bodyLength);
            if (chunked) {
                head.append("Transfer-Encoding: chunked\r\n\r\n");
                for (int at = 0; at < body.length(); at += 1000) {
                    String piece = body.substring(at, Math.min(body.length(), at + 1000));
                    head.append(Integer.toHexString(piece.length())).append(";ext=1\r\n").append(piece).append("\r\n");
                }
                head.append("0\r\nTrailer: yes\r\n\r\n");
            } else {
                head.append("Content-Length: ").append(bodyLength).append("\r\n\r\n").append(body);
            }
            return head.toString().getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    /** However the socket cuts the answers up, each is reported once, at its last byte, with its status. */
    @Property(tries = 300)
    void everyAnswerIsReportedAtItsLastByte(@ForAll("samples") List<Sample> answers,
            @ForAll @IntRange(min = 1, max = 5000) int pieceBytes) {
        ResponseReader reader = new ResponseReader();
        for (Sample answer : answers) {
            byte[] bytes = answer.bytes();
            List<ResponseReader.Response> reported = new ArrayList<>();
            for (int at = 0; at < bytes.length; at += pieceBytes) {
                ByteBuffer piece = ByteBuffer.wrap(bytes, at, Math.min(pieceBytes, bytes.length - at));
                ResponseReader.Response done = reader.read(piece);
                if (done != null) {
                    assertThat(at + pieceBytes).as("reported before the last byte")
                            .isGreaterThanOrEqualTo(bytes.length);
                    assertThat(piece.hasRemaining()).isFalse();
                    reported.add(done);
                }
            }
            assertThat(reported).containsExactly(new ResponseReader.Response(answer.status(), answer.closes()));
        }
    }

    @Example
    void somethingElseThanHttpIsRefused() {
        ByteBuffer notHttp = ByteBuffer.wrap("SSH-2.0\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> new ResponseReader().read(notHttp)).isInstanceOf(IllegalStateException.class);
    }

    @Provide
    Arbitrary<List<Sample>> samples() {
        Arbitrary<Sample> sample = Combinators.combine(Arbitraries.of(200, 204, 400, 413, 500),
                Arbitraries.integers().between(0, 40_000), Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((status, length, chunked, closes) -> new Sample(status, status == 204 ? 0 : length, chunked,
                        closes));
        return sample.list().ofMinSize(1).ofMaxSize(5);
    }
}
