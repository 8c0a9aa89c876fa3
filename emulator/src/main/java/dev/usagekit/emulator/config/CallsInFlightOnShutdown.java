package dev.usagekit.emulator.config;

import dev.usagekit.emulator.web.ApiEntry;
import java.time.Duration;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;

/**
 * Graceful shutdown waits for the API calls in flight (in practice those waiting on injected latency), as it waits for
 * Spring's own requests: API calls are served below Spring, so its shutdown does not see them, and their clients used
 * to get a closed connection instead of the answer. Stops just before the web server's graceful shutdown, while the
 * event loops still run, and gives up after {@code spring.lifecycle.timeout-per-shutdown-phase} as every phase does.
 * A call whose client hung up is not waited for; calls that come in meanwhile are, up to that timeout.
 */
final class CallsInFlightOnShutdown implements SmartLifecycle {

    private static final long POLL_MILLIS = 10;

    private final ApiEntry entry;
    private final boolean graceful;
    private final Duration timeout;
    private volatile boolean running;

    /**
     * @param graceful whether the server shuts down gracefully ({@code server.shutdown}); if not, nothing waits
     * @param timeout  how long to wait at most, the phase timeout: the waiting thread ends then too
     */
    CallsInFlightOnShutdown(ApiEntry entry, boolean graceful, Duration timeout) {
        this.entry = entry;
        this.graceful = graceful;
        this.timeout = timeout;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public void stop(Runnable callback) {
        running = false;
        if (!graceful || entry.callsInFlight() == 0) {
            callback.run();
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Thread waiter = new Thread(() -> {
            try {
                while (entry.callsInFlight() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(POLL_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                callback.run();
            }
        }, "usagekit-calls-in-flight");
        waiter.setDaemon(true);
        waiter.start();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE + 1;
    }
}
