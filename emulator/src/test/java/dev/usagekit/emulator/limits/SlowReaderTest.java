package dev.usagekit.emulator.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.usagekit.emulator.fuzz.RawHttp;
import dev.usagekit.emulator.it.TestEmulator;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A client that pipelines large queries and reads the answers late, over a real socket: the emulator answers as fast
 * as the client reads, not ahead of it, so one such client cannot fill the server's buffer memory (each of these
 * answers is 2.2 MB), and the client still gets every answer, in order.
 */
class SlowReaderTest {

    private static final String ACTION = "DescribeLivePullToPushBandwidthData";
    private static final String BODY = "{\"GroupList\":[\"group001\",\"group002\",\"group003\"],\"DetailField\":[\"Group\"],"
            + "\"StartTime\":\"2026-10-20T00:00:00+08:00\",\"EndTime\":\"2026-11-20T00:00:00+08:00\",\"Aggregation\":300}";
    private static final int PIPELINED = 12;

    private final TestEmulator emulator = TestEmulator.unthrottled();

    private long served() {
        return emulator.get("/_emulator/journal/count?action=" + ACTION).json().get("count").asLong();
    }

    /** The count once it moved past {@code from} and then stood still for half a second (at most 20 s in all). */
    private long servedWhenSettled(long from) throws InterruptedException {
        long last = served();
        long deadline = System.nanoTime() + 20_000_000_000L;
        for (int quiet = 0; (quiet < 5 || last == from) && System.nanoTime() < deadline; ) {
            Thread.sleep(100);
            long now = served();
            quiet = now == last ? quiet + 1 : 0;
            last = now;
        }
        return last;
    }

    /** The most a TCP socket's send buffer may grow to on this machine (Linux's default 4 MB where unknown). */
    private static long kernelSendBufferCeiling() {
        try {
            String[] fields = Files.readString(Path.of("/proc/sys/net/ipv4/tcp_wmem")).trim().split("\\s+");
            return Long.parseLong(fields[fields.length - 1]);
        } catch (IOException | RuntimeException e) {
            return 4L << 20;
        }
    }

    @Test
    void pipelinedAnswersAreRenderedAsTheClientReadsThemNotAhead() throws Exception {
        String request = "POST /?Action=" + ACTION + "&Version=2023-01-01 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nAuthorization: HMAC-SHA256 Credential=" + TestEmulator.VOLC_AK
                + "/20261120/cn-north-1/live/request, SignedHeaders=x-date, Signature=" + "0".repeat(64) + "\r\n"
                + "Content-Length: " + BODY.length() + "\r\n\r\n" + BODY;
        long sendBufferCeiling = kernelSendBufferCeiling();
        assumeTrue(sendBufferCeiling < (PIPELINED - 3) * 2_000_000L, "the kernel's send buffers can grow to "
                + sendBufferCeiling + " bytes (net.ipv4.tcp_wmem), enough for every answer: back-pressure cannot show");
        long before = served();
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096); // before connecting, so the advertised window stays small
            socket.setSoTimeout(10_000);
            socket.connect(new InetSocketAddress("127.0.0.1", emulator.port()));
            socket.getOutputStream().write(request.repeat(PIPELINED).getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();

            long aheadOfReading = servedWhenSettled(before) - before;
            // one answer in Netty's output plus what the kernel's socket buffers hold (2-3 answers with Linux's
            // default 4 MB send buffer; the bound leaves room for machines tuned larger); without back-pressure, all
            assertThat(aheadOfReading).isBetween(1L, PIPELINED - 2L);

            InputStream in = socket.getInputStream();
            for (int i = 0; i < PIPELINED; i++) {
                RawHttp.Response answer = RawHttp.read(in);
                assertThat(answer.status()).as("answer %d", i).isEqualTo(200);
                assertThat(answer.body().length).as("answer %d", i).isGreaterThan(2_000_000);
            }
        }
        assertThat(served() - before).isEqualTo(PIPELINED);
    }
}
