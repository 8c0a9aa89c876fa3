package dev.usagekit.emulator.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client over one kept-alive socket that sends exactly the bytes it is given (any request line,
 * any header value, any body), which java.net.http refuses to do. Reconnects when the server closes. Not thread-safe.
 */
public final class RawHttp implements AutoCloseable {

    /** A request as it goes on the wire; Host and Content-Length are added here. */
    public record Request(String method, String target, List<Map.Entry<String, String>> headers, byte[] body) {
    }

    /** An answer as read off the wire; header names lower-cased. */
    public record Response(int status, Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String host;
    private final int port;
    private final int readTimeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    public RawHttp(String host, int port, int readTimeoutMillis) {
        this.host = host;
        this.port = port;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    public String hostHeader() {
        return host + ":" + port;
    }

    public Response send(Request request) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            return exchange(request);
        } catch (IOException first) {
            // the server may have closed a kept-alive connection between two requests: retry once on a new one
            connect();
            return exchange(request);
        }
    }

    private void connect() throws IOException {
        close();
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(readTimeoutMillis);
        socket.connect(new InetSocketAddress(host, port), readTimeoutMillis);
        in = new java.io.BufferedInputStream(socket.getInputStream(), 16384);
        out = new java.io.BufferedOutputStream(socket.getOutputStream(), 16384);
    }

    /** Sends the request on a connection of its own and closes it at once: a client gone before its answer. */
    public void sendAndHangUp(Request request) throws IOException {
        connect();
        write(request);
        socket.setSoLinger(true, 0); // a reset, as a killed client leaves it
        close();
    }

    private Response exchange(Request request) throws IOException {
        write(request);
        Response response = read(in);
        if ("close".equalsIgnoreCase(response.header("connection"))) {
            close();
        }
        return response;
    }

    private void write(Request request) throws IOException {
        StringBuilder head = new StringBuilder(request.method()).append(' ').append(request.target())
                .append(" HTTP/1.1\r\nHost: ").append(hostHeader()).append("\r\n");
        for (Map.Entry<String, String> h : request.headers()) {
            head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        head.append("Content-Length: ").append(request.body().length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        out.write(request.body());
        out.flush();
    }

    /** Reads one response: status line, headers, then a Content-Length or chunked body. */
    public static Response read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new java.io.EOFException("connection closed before a response");
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
            int colon = l.indexOf(':');
            headers.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
                buffer.write(in.readNBytes(size));
                line(in);
            }
            line(in);
            body = buffer.toByteArray();
        } else {
            body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
        }
        return new Response(status, headers, body);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(128);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                byte[] bytes = b.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a socket the server already closed
            }
            socket = null;
        }
    }
}
