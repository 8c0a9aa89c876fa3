package dev.usagekit.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * A constant-rate (open-loop) HTTP/1.1 load generator, for latency at a given request rate without coordinated
 * omission: request k is due at {@code start + k / rate}, and its latency is measured from that time, not from when a
 * free connection got round to sending it (as wrk2 does, which Debian does not package).
 *
 * <p>One thread serves every connection through a selector and wakes about once per request (see
 * {@link #awaitDueOrAnswer}), so the generator takes less of the two cores it shares with the server: a thread per
 * connection, or a thread that wakes the selector when a request is due, cost about 100-110 µs of CPU per request, as
 * much as the server being measured. A due request goes out on any idle connection (as a client's connection pool
 * does), or waits in line for one; the wait counts as latency.
 *
 * <p>Usage: {@code OpenLoopLoad <host> <port> <requests-file> <rate/s> <seconds> <connections> [trace-file]}. The
 * requests file is what {@link SignedRequests} writes; lines are taken in turn, so a file of singly-usable requests
 * (Aliyun nonces) is never replayed while it lasts. The first 5 s at the same rate are a warm-up of the generator's own
 * JIT and are not counted; they are the same loop on the same connections as the measured seconds, only left out of
 * the figures afterwards (see {@link CallLog}). Prints one line of {@code key=value} pairs, the generator's own CPU
 * time per request included. With a trace file, also writes each measured request's due time and latency there, so
 * slow answers can be lined up with the server's GC log.
 */
public final class OpenLoopLoad {

    private static final double WARMUP_SECONDS = 5;
    /** From this wait on, the selector waits (in whole milliseconds) and wakes for any answer. */
    private static final long SELECT_AT_LEAST_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    /** How long after the last due time answers are still waited for. */
    private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final InetSocketAddress server;
    private final List<ByteBuffer> requests;
    private int nextRequest;

    private OpenLoopLoad(InetSocketAddress server, List<ByteBuffer> requests) {
        this.server = server;
        this.requests = requests;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6 && args.length != 7) {
            System.err.println(
                    "usage: OpenLoopLoad <host> <port> <requests-file> <rate/s> <seconds> <connections> [trace-file]");
            System.exit(2);
        }
        List<ByteBuffer> requests = load(Path.of(args[2])).stream().map(ByteBuffer::wrap).toList();
        OpenLoopLoad load = new OpenLoopLoad(new InetSocketAddress(args[0], Integer.parseInt(args[1])), requests);
        double rate = Double.parseDouble(args[3]);
        double seconds = Double.parseDouble(args[4]);
        int connections = Integer.parseInt(args[5]);

        processCpuNanos(); // loads the management classes now, not when the measured seconds start
        Outcome o = load.run(rate, Math.min(WARMUP_SECONDS, seconds), seconds, connections);
        if (args.length == 7) {
            o.calls().writeTrace(Path.of(args[6]), o.measuredFrom(), o.measuredFromEpochMillis());
        }
        Histogram latency = o.calls().latencies(o.measuredFrom());
        long completed = latency.getTotalCount();
        System.out.printf(Locale.ROOT,
                "target_rps=%.0f achieved_rps=%.0f completed=%d errors=%d p50_ms=%.3f p99_ms=%.3f p999_ms=%.3f "
                        + "max_ms=%.3f generator_cpu_us=%.1f%n",
                rate, completed / o.elapsedSeconds(), completed, o.calls().failures(o.measuredFrom()) + o.unanswered(),
                ms(latency.getValueAtPercentile(50)), ms(latency.getValueAtPercentile(99)),
                ms(latency.getValueAtPercentile(99.9)), ms(latency.getMaxValue()),
                completed == 0 ? 0 : o.cpuNanos() / 1e3 / completed);
    }

    /**
     * @param measuredFrom the due time (System.nanoTime) of the first measured request
     * @param cpuNanos the generator's CPU time from then to the last answer
     * @param elapsedSeconds from then to the last answer
     * @param unanswered requests never answered within the drain time (the last ones, so measured)
     */
    private record Outcome(CallLog calls, long measuredFrom, long measuredFromEpochMillis, long cpuNanos,
            double elapsedSeconds, long unanswered) {
    }

    /** One connection of the pool: idle, or waiting for the answer to the request due at {@code due}. */
    private static final class Connection {
        SocketChannel channel;
        SelectionKey key;
        ResponseReader reader;
        ByteBuffer sending;
        long due;
    }

    private Outcome run(double rate, double warmupSeconds, double seconds, int connections) throws IOException {
        double interval = 1e9 / rate;
        long warmupRequests = (long) (warmupSeconds * rate);
        long total = warmupRequests + (long) (seconds * rate);
        CallLog calls = new CallLog(total);
        ByteBuffer in = ByteBuffer.allocateDirect(256 * 1024);
        ArrayDeque<Connection> idle = new ArrayDeque<>();
        ArrayDeque<Long> waiting = new ArrayDeque<>();
        long completed = 0;
        try (Selector selector = Selector.open()) {
            List<Connection> all = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                Connection conn = new Connection();
                open(conn, selector);
                all.add(conn);
                idle.add(conn);
            }
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
            long measuredFrom = dueTime(start, interval, warmupRequests);
            long measuredFromEpochMillis = Clock.systemUTC().millis()
                    + TimeUnit.NANOSECONDS.toMillis(measuredFrom - System.nanoTime());
            CpuAt cpuAtMeasuredFrom = new CpuAt(measuredFrom);
            long issued = 0;
            long deadline = start + (long) ((warmupSeconds + seconds) * 1e9) + DRAIN_NANOS;
            try {
                while (completed < total && System.nanoTime() < deadline) {
                    long now = System.nanoTime();
                    while (issued < total && dueTime(start, interval, issued) <= now) {
                        waiting.add(dueTime(start, interval, issued++));
                    }
                    while (!waiting.isEmpty() && !idle.isEmpty()) {
                        Connection conn = idle.poll();
                        long due = waiting.poll();
                        if (!send(conn, due, selector)) { // the connection broke and was opened anew
                            completed++;
                            record(calls, due, true);
                            idle.add(conn);
                        }
                    }
                    awaitDueOrAnswer(selector, issued < total ? dueTime(start, interval, issued) : deadline);
                    for (SelectionKey key : selector.selectedKeys()) {
                        Connection conn = (Connection) key.attachment();
                        ResponseReader.Response done;
                        try {
                            done = receive(conn, key, in);
                        } catch (IOException | RuntimeException e) {
                            done = new ResponseReader.Response(-1, true);
                        }
                        if (done == null) {
                            continue;
                        }
                        completed++;
                        record(calls, conn.due, done.status() != 200);
                        if (done.closes()) {
                            reopen(conn, selector);
                        }
                        idle.add(conn);
                    }
                    selector.selectedKeys().clear();
                }
            } finally {
                for (Connection conn : all) {
                    conn.channel.close();
                }
            }
            long end = System.nanoTime();
            long cpu = processCpuNanos() - cpuAtMeasuredFrom.get();
            return new Outcome(calls, measuredFrom, measuredFromEpochMillis, cpu, (end - measuredFrom) / 1e9,
                    total - completed);
        }
    }

    /**
     * The generator's CPU time at a given moment, read by a thread of its own that sleeps until then: a read from the
     * loop would be a branch taken once, which the JIT answers by compiling the loop again.
     */
    private static final class CpuAt {
        private final Thread reader;
        private volatile long cpuNanos = -1;

        CpuAt(long atNanos) {
            reader = new Thread(() -> {
                for (long wait; (wait = atNanos - System.nanoTime()) > 0; ) {
                    LockSupport.parkNanos(wait);
                }
                cpuNanos = processCpuNanos();
            }, "cpu-at-measured-start");
            reader.setDaemon(true);
            reader.start();
        }

        /** The CPU time then; waits for the moment if it has not come yet (a run cut short). */
        long get() {
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return cpuNanos;
        }
    }

    private static long dueTime(long start, double interval, long k) {
        return start + (long) (k * interval);
    }

    private static void record(CallLog calls, long due, boolean failed) {
        calls.add(due, Math.max(0, System.nanoTime() - due), failed);
    }

    /**
     * Waits until the next request is due, or an answer comes if that is a while away. Sleeping through a short wait
     * and then collecting what has come costs one wake-up a request; a timer thread waking the selector at each due
     * time, on top of a wake-up for each answer, cost 100-113 µs a request against 84-92. An answer that arrives during
     * such a sleep is seen at most one interval (1/rate) late.
     */
    private static void awaitDueOrAnswer(Selector selector, long until) throws IOException {
        long wait = until - System.nanoTime();
        if (wait >= SELECT_AT_LEAST_NANOS) {
            selector.select(TimeUnit.NANOSECONDS.toMillis(wait));
        } else {
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            selector.selectNow();
        }
    }

    private void open(Connection conn, Selector selector) throws IOException {
        SocketChannel channel = SocketChannel.open();
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.connect(server);
        channel.configureBlocking(false);
        conn.channel = channel;
        conn.key = channel.register(selector, 0, conn);
        conn.reader = new ResponseReader();
    }

    private void reopen(Connection conn, Selector selector) {
        try {
            conn.channel.close();
            open(conn, selector);
        } catch (IOException e) {
            throw new IllegalStateException("cannot reconnect to " + server, e);
        }
    }

    /** Sends the next request on an idle connection; false when the connection broke (it is opened anew). */
    private boolean send(Connection conn, long due, Selector selector) {
        ByteBuffer request = requests.get(nextRequest).duplicate();
        nextRequest = (nextRequest + 1) % requests.size();
        conn.due = due;
        try {
            conn.channel.write(request);
            conn.sending = request.hasRemaining() ? request : null;
            conn.key.interestOps(request.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
            return true;
        } catch (IOException e) {
            reopen(conn, selector);
            return false;
        }
    }

    /** Writes what is left of the request, or reads what has come of the answer; the answer once complete. */
    private static ResponseReader.Response receive(Connection conn, SelectionKey key, ByteBuffer in)
            throws IOException {
        if (conn.sending != null) {
            conn.channel.write(conn.sending);
            if (!conn.sending.hasRemaining()) {
                conn.sending = null;
                key.interestOps(SelectionKey.OP_READ);
            }
            return null;
        }
        while (true) {
            in.clear();
            int n = conn.channel.read(in);
            if (n < 0) {
                throw new IOException("the server closed the connection");
            }
            if (n == 0) {
                return null;
            }
            in.flip();
            ResponseReader.Response done = conn.reader.read(in);
            if (done != null) {
                key.interestOps(0);
                return done;
            }
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
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

}
