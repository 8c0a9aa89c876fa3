package dev.usagekit.emulator.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.io.IOException;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.slf4j.LoggerFactory;

/**
 * Every buffer the emulator takes from Netty's allocator goes back to it, whatever the client sends or does: with
 * Netty's leak detector tracking every buffer (its paranoid level), the fuzzer's mix of both vendors, every kind of
 * call, the largest legal query and clients that hang up before their answer leave no buffer unreleased. The
 * emulator's own process runs without the detector (see {@code EmulatorApplication.applyProcessDefaults}); this is
 * where leaks are caught. Runs in a JVM of its own (see the emulator pom): the state changes of
 * {@link #sendEveryKindOfCall} stay with it.
 */
class BufferLeakTest extends FuzzedCalls {

    private static final String DETECTOR = "io.netty.util.ResourceLeakDetector";
    private static final int FUZZED_CALLS = 300;

    private static ResourceLeakDetector.Level levelBefore;
    private static final ListAppender<ILoggingEvent> REPORTS = new ListAppender<>();

    @BeforeContainer
    static void trackEveryBuffer() {
        levelBefore = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    }

    @AfterContainer
    static void trackAsBefore() {
        ((Logger) LoggerFactory.getLogger(DETECTOR)).detachAppender(REPORTS);
        ResourceLeakDetector.setLevel(levelBefore);
    }

    /** Listens to the detector's reports; after the emulator has started, whose logging setup would drop it. */
    private void listen() {
        Logger logger = (Logger) LoggerFactory.getLogger(DETECTOR);
        if (!REPORTS.isStarted()) {
            REPORTS.start();
            logger.addAppender(REPORTS);
        }
        REPORTS.list.clear();
    }

    @Example
    void noCallLeavesABufferUnreleased() throws IOException, InterruptedException {
        listen();
        sendEveryKindOfCall();
        for (FuzzInputs.VolcengineCase c : FuzzInputs.volcengine().sampleStream().limit(FUZZED_CALLS).toList()) {
            http.send(requests.volcengine(c));
        }
        for (FuzzInputs.AliyunCase c : FuzzInputs.aliyun().sampleStream().limit(FUZZED_CALLS).toList()) {
            http.send(aliyunRequests.aliyun(c));
        }
        for (int i = 0; i < 10; i++) {
            http.sendAndHangUp(requests.volcengine(largestLegalQuery()));
        }
        assertThat(emulator.get("/actuator/health").status()).isEqualTo(200);

        assertThat(leaksReported(5)).isEmpty();
    }

    /** The check above can fail: a buffer dropped without its release is reported. */
    @Example
    void aBufferDroppedWithoutItsReleaseIsReported() throws InterruptedException {
        listen();
        ByteBuf dropped = ByteBufAllocator.DEFAULT.directBuffer(64);
        dropped.writeLong(42);
        dropped = null;

        assertThat(leaksReported(20)).hasSize(1).first().asString().contains("LEAK: ByteBuf.release() was not called");
    }

    /**
     * The detector's reports once buffers nobody holds were collected: it finds them when a later buffer is tracked,
     * so each round collects, then takes and releases a buffer; stops at the first round with a report.
     */
    private static List<String> leaksReported(int rounds) throws InterruptedException {
        for (int i = 0; i < rounds && REPORTS.list.isEmpty(); i++) {
            System.gc();
            Thread.sleep(100);
            ByteBufAllocator.DEFAULT.directBuffer(64).release();
        }
        return REPORTS.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
