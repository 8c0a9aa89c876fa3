package dev.usagekit.emulator.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.fuzz.FuzzInputs.AliyunCase;
import dev.usagekit.emulator.fuzz.FuzzInputs.VolcengineCase;
import dev.usagekit.emulator.it.TestEmulator;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.blockhound.BlockHound;

/**
 * Nothing the emulator does while answering blocks an event-loop thread: BlockHound watches every call of the fuzzer's
 * mix (both vendors, signed and broken, all actions), the largest legal query and the control plane. Blocking there
 * would stall every connection served by that thread. Runs in a JVM of its own (see the emulator pom). Class loading
 * on a first call is blocking by nature, so a warm-up call of each kind is made before BlockHound is installed.
 */
class EventLoopBlockingTest extends FuzzedCalls {

    private static final List<String> BLOCKED = new CopyOnWriteArrayList<>();


    @BeforeContainer
    static void watchEventLoops() throws IOException {
        EventLoopBlockingTest warmUp = new EventLoopBlockingTest();
        warmUp.everyKindOfCall();
        warmUp.http.close();
        // Netty's and Reactor's integrations say which threads must not block (event loops, parallel schedulers)
        BlockHound.builder().loadIntegrations()
                .blockingMethodCallback(method -> BLOCKED.add(method + " on " + Thread.currentThread().getName() + "\n"
                        + Arrays.stream(new Throwable().getStackTrace()).limit(90).map(f -> "    at " + f)
                                .collect(Collectors.joining("\n"))))
                .install();
        forgetDecisionsMadeDuringInstall();
    }

    /**
     * BlockHound decides once per thread whether to watch it, the first time the thread calls a method it watches.
     * While install() runs, that decision is made with an interim predicate that watches nothing, and it is never made
     * again: a server loop that happened to call such a method then (allowed ones count) went unwatched for good, and
     * the self-check below failed in 3 of 27 runs. Each loop (started now if it was not) decides anew, with the final
     * predicate.
     */
    private static void forgetDecisionsMadeDuringInstall() {
        ThreadLocal<?> decision = blockHoundDecisions();
        for (io.netty.util.concurrent.EventExecutor loop : serverLoops()) {
            try {
                loop.submit(decision::remove).get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The event loops the strict emulator's server runs on (its own, not Reactor Netty's global ones). */
    private static io.netty.channel.EventLoopGroup serverLoops() {
        return TestEmulator.strictNow().context().getBean(ReactorResourceFactory.class).getLoopResources()
                .onServer(true);
    }

    /** The check itself works: a blocking call on the server's event loop is reported. */
    @Example
    void aBlockingCallOnTheServersEventLoopIsReported() throws Exception {
        int before = BLOCKED.size();
        String[] loop = new String[1];
        serverLoops().next().submit(() -> {
            sleepBriefly();
            loop[0] = describe(Thread.currentThread());
        }).get(10, TimeUnit.SECONDS);
        assertThat(BLOCKED).as("a sleep on %s", loop[0]).hasSizeGreaterThan(before);
        BLOCKED.subList(before, BLOCKED.size()).clear();
    }

    /** A loop that install() left unwatched is watched again once its decision is forgotten. */
    @Example
    void aLoopPassedOverDuringInstallIsWatchedAfterTheReset() throws Exception {
        io.netty.util.concurrent.EventExecutor loop = serverLoops().next();
        @SuppressWarnings("unchecked")
        ThreadLocal<Object> decision = (ThreadLocal<Object>) blockHoundDecisions();
        loop.submit(() -> decision.set(null)).get(10, TimeUnit.SECONDS); // what install()'s interim predicate leaves
        int before = BLOCKED.size();
        loop.submit(EventLoopBlockingTest::sleepBriefly).get(10, TimeUnit.SECONDS);
        assertThat(BLOCKED).as("unwatched loop").hasSize(before);

        forgetDecisionsMadeDuringInstall();
        loop.submit(EventLoopBlockingTest::sleepBriefly).get(10, TimeUnit.SECONDS);
        assertThat(BLOCKED).as("watched again").hasSizeGreaterThan(before);
        BLOCKED.subList(before, BLOCKED.size()).clear();
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The thread, and what BlockHound decided about it (null: not watched). */
    private static String describe(Thread thread) {
        return thread + " (" + thread.getClass().getName() + ", BlockHound's decision " + blockHoundDecisions().get()
                + ")";
    }

    /** BlockHound's per-thread decision to watch a thread or not, which it keeps to itself. */
    private static ThreadLocal<?> blockHoundDecisions() {
        try {
            java.lang.reflect.Field field = Class.forName("reactor.blockhound.BlockHoundRuntime")
                    .getDeclaredField("STATE");
            field.setAccessible(true);
            return (ThreadLocal<?>) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("BlockHound's per-thread state moved: see forgetDecisionsMadeDuringInstall",
                    e);
        }
    }

    @Example
    void everyKindOfCall() throws IOException {
        sendEveryKindOfCall();
    }

    @Property(tries = 200)
    void volcengineCalls(@ForAll("volcengine") VolcengineCase c) throws IOException {
        http.send(requests.volcengine(c));
    }

    @Property(tries = 200)
    void aliyunCalls(@ForAll("aliyun") AliyunCase c) throws IOException {
        http.send(aliyunRequests.aliyun(c));
    }

    @AfterProperty
    void nothingBlocked() {
        http.close();
        assertThat(BLOCKED).as("blocking calls on non-blocking threads").isEmpty();
    }
}
