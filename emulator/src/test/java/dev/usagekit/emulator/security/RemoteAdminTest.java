package dev.usagekit.emulator.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.usagekit.emulator.fuzz.RawHttp;
import dev.usagekit.emulator.it.TestEmulator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/**
 * The control plane refuses a caller whose address is not loopback, over real HTTP: the test connects from this
 * machine's own non-loopback address (the server sees e.g. 192.0.2.2, not 127.0.0.1), so no stub is involved.
 * Forwarded headers cannot pretend to be loopback. The emulated APIs stay open to that caller.
 */
class RemoteAdminTest {

    private static InetAddress nonLoopbackAddress() throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a instanceof java.net.Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                        return a;
                    }
                }
            }
        }
        return null;
    }

    private static RawHttp.Response call(InetAddress from, int port, String head) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(10_000);
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(from, port), 10_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "Host: emulator\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return RawHttp.read(socket.getInputStream());
        }
    }

    @Test
    void aNonLoopbackCallerIsRefusedEvenWithForwardedHeadersButMayCallTheApis() throws IOException {
        InetAddress remote = nonLoopbackAddress();
        assumeTrue(remote != null, "this machine has no non-loopback IPv4 address to call from");
        int port = TestEmulator.unthrottled().port();
        for (String path : new String[] {"/_emulator/clock", "/_emulator/journal", "/_emulator/faults"}) {
            var r = call(remote, port, "GET " + path + " HTTP/1.1\r\n");
            assertThat(r.status()).as(path).isEqualTo(403);
            assertThat(r.text()).contains("loopback callers only");
        }
        var reset = call(remote, port, "POST /_emulator/reset HTTP/1.1\r\n");
        assertThat(reset.status()).isEqualTo(403);
        var spoofed = call(remote, port, "GET /_emulator/clock HTTP/1.1\r\nX-Forwarded-For: 127.0.0.1\r\n"
                + "Forwarded: for=127.0.0.1\r\nX-Real-IP: 127.0.0.1\r\n");
        assertThat(spoofed.status()).isEqualTo(403);
        var api = call(remote, port, "POST /?Action=DescribeLiveTranscodeData&Version=2023-01-01 HTTP/1.1\r\n");
        assertThat(api.status()).isNotEqualTo(403).isLessThan(500);
        // the same path from loopback is served
        assertThat(TestEmulator.unthrottled().get("/_emulator/clock").status()).isEqualTo(200);
    }

    @Test
    void allowRemoteOpensTheControlPlaneToThatCaller() throws IOException {
        InetAddress remote = nonLoopbackAddress();
        assumeTrue(remote != null, "this machine has no non-loopback IPv4 address to call from");
        int port = TestEmulator.named("allow-remote", "emulator.limits.enabled=false",
                "emulator.admin.allow-remote=true").port();
        assertThat(call(remote, port, "GET /_emulator/clock HTTP/1.1\r\n").status()).isEqualTo(200);
    }
}
