package dev.usagekit.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * A constant-rate (open-loop) HTTP/1.1 load generator, for latency at a given request rate without coordinated
 * omission: every request has an intended send time on a fixed schedule, and its latency is measured from that time,
 * not from when a busy connection got round to sending it (as wrk2 does).
 *
 * <p>Usage: {@code OpenLoopLoad <host> <port> <requests-file> <rate/s> <seconds> <connections>}. The requests file is
 * what {@link SignedRequests} writes; lines are taken in turn across all connections, so a file of singly-usable
 * requests (Aliyun nonces) is never replayed while it lasts. The first 5 s at the same rate are a warm-up of the
 * generator's own JIT and are not counted. Prints one line of {@code key=value} pairs.
 */
public final class OpenLoopLoad {

    private OpenLoopLoad() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: OpenLoopLoad <host> <port> <requests-file> <rate/s> <seconds> <connections>");
            System.exit(2);
        }
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        List<byte[]> requests = load(Path.of(args[2]));
        double rate = Double.parseDouble(args[3]);
        double seconds = Double.parseDouble(args[4]);
        int connections = Integer.parseInt(args[5]);

        AtomicInteger next = new AtomicInteger();
        // the generator's own JIT warms up on an unmeasured pass first: its stalls would count as server latency
        measure(host, port, requests, next, rate, Math.min(WARMUP_SECONDS, seconds), connections);
        Outcome o = measure(host, port, requests, next, rate, seconds, connections);
        System.out.printf(Locale.ROOT,
                "target_rps=%.0f achieved_rps=%.0f completed=%d errors=%d p50_ms=%.3f p99_ms=%.3f p999_ms=%.3f "
                        + "max_ms=%.3f%n",
                rate, o.completed() / o.elapsedSeconds(), o.completed(), o.errors(),
                ms(o.latency().getValueAtPercentile(50)), ms(o.latency().getValueAtPercentile(99)),
                ms(o.latency().getValueAtPercentile(99.9)), ms(o.latency().getMaxValue()));
    }

    private static final double WARMUP_SECONDS = 5;

    private record Outcome(Histogram latency, long completed, long errors, double elapsedSeconds) {
    }

    private static Outcome measure(String host, int port, List<byte[]> requests, AtomicInteger next, double rate,
            double seconds, int connections) throws InterruptedException {
        AtomicLong errors = new AtomicLong();
        AtomicLong completed = new AtomicLong();
        long intervalNanos = (long) (1e9 * connections / rate);
        long perConnection = (long) (seconds * rate / connections);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Histogram h = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
            histograms.add(h);
            long phase = intervalNanos * c / connections;
            Thread t = new Thread(() -> drive(host, port, requests, next, start + phase, intervalNanos, perConnection,
                    h, errors, completed), "load-" + c);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        long deadline = start + (long) (seconds * 1e9) + TimeUnit.SECONDS.toNanos(30);
        for (Thread t : threads) {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        Histogram all = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        histograms.forEach(all::add);
        return new Outcome(all, completed.get(), errors.get(), elapsed);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void drive(String host, int port, List<byte[]> requests, AtomicInteger next, long first,
            long interval, long count, Histogram histogram, AtomicLong errors, AtomicLong completed) {
        Socket socket = null;
        try {
            for (long i = 0; i < count; i++) {
                long intended = first + i * interval;
                long wait = intended - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                byte[] request = requests.get(Math.floorMod(next.getAndIncrement(), requests.size()));
                int status;
                try {
                    if (socket == null) {
                        socket = new Socket();
                        socket.setTcpNoDelay(true);
                        socket.connect(new InetSocketAddress(host, port), 5000);
                        socket.setSoTimeout(30_000);
                    }
                    OutputStream out = socket.getOutputStream();
                    out.write(request);
                    out.flush();
                    status = readResponse(new BufferedInputStream(socket.getInputStream(), 65536), socket);
                } catch (IOException e) {
                    status = -1;
                    closeQuietly(socket);
                    socket = null;
                }
                histogram.recordValue(Math.min(System.nanoTime() - intended, histogram.getHighestTrackableValue()));
                completed.incrementAndGet();
                if (status != 200) {
                    errors.incrementAndGet();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(socket);
        }
    }

    /**
     * Reads one response and returns its status. A fresh buffered stream per response is safe: requests are not
     * pipelined, so nothing of the next response can have arrived yet.
     */
    static int readResponse(InputStream in, Socket socket) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line(in).split(";")[0].trim(), 16); size > 0;
                    size = Long.parseLong(line(in).split(";")[0].trim(), 16)) {
                skip(in, size);
                line(in);
            }
            while (!line(in).isEmpty()) {
                // trailers
            }
        } else if (length > 0) {
            skip(in, length);
        }
        if (close) {
            throw new IOException("server closed the connection");
        }
        return status;
    }

    private static void skip(InputStream in, long n) throws IOException {
        while (n > 0) {
            long skipped = in.skip(n);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed mid-body");
                }
                skipped = 1;
            }
            n -= skipped;
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                sb.append((char) b);
            }
        }
        return sb.toString();
    }

    /** Turns each line of a requests file into the bytes of an HTTP/1.1 request. */
    static List<byte[]> load(Path file) throws IOException {
        List<byte[]> requests = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\t", -1);
            byte[] body = parts[2].getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(parts[0]).append(' ').append(parts[1]).append(" HTTP/1.1\r\n");
            for (int i = 3; i < parts.length; i++) {
                head.append(parts[i]).append("\r\n");
            }
            if (body.length > 0) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
            byte[] request = new byte[headBytes.length + body.length];
            System.arraycopy(headBytes, 0, request, 0, headBytes.length);
            System.arraycopy(body, 0, request, headBytes.length, body.length);
            requests.add(request);
        }
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("no requests in " + file);
        }
        return requests;
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already broken
            }
        }
    }
}
