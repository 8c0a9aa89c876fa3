package dev.usagekit.emulator.gateway.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.time.EmulatorClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Example;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The registry keeps digests in its own hash table; it must answer every call as the plain map-and-queue bookkeeping
 * it replaced: a nonce is refused while its last use is inside the window, the oldest uses go first past the
 * capacity, and a virtual clock that jumps back or forth is taken as it comes.
 */
class NonceRegistryProperties {

    private static final Duration WINDOW = Duration.ofMinutes(15);

    /** One call: the clock moves by {@code stepSeconds} (maybe backwards), then a key uses a nonce. */
    record Use(int stepSeconds, String accessKeyId, String nonce) {
    }

    @Property(tries = 300)
    void answersAsTheMapAndQueueItReplaced(@ForAll("capacities") int capacity,
            @ForAll("uses") List<Use> uses) {
        EmulatorClock clock = new EmulatorClock(Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC));
        clock.freeze();
        NonceRegistry registry = new NonceRegistry(WINDOW, capacity);
        Reference reference = new Reference(clock, capacity);
        int refused = 0;
        for (Use use : uses) {
            clock.advance(Duration.ofSeconds(use.stepSeconds()));
            boolean expected = reference.firstUse(use.accessKeyId(), use.nonce());
            assertThat(registry.firstUse(use.accessKeyId(), use.nonce(), clock.instant())).as("%s", use)
                    .isEqualTo(expected);
            assertThat(registry.size()).isEqualTo(reference.size());
            refused += expected ? 0 : 1;
        }
        Statistics.label("some refused").collect(refused > 0);
        Statistics.label("past the first ring").collect(uses.size() > 1024 && capacity > 1024);
        Statistics.label("some refused").coverage(c -> c.check(true).percentage(p -> p > 15));
        Statistics.label("past the first ring").coverage(c -> c.check(true).percentage(p -> p > 5));
    }

    @Example
    void clearForgetsEveryNonce() {
        Instant now = Instant.parse("2026-11-20T12:00:00Z");
        NonceRegistry registry = new NonceRegistry(WINDOW, 10);
        assertThat(registry.firstUse("AK", "n1", now)).isTrue();
        assertThat(registry.firstUse("AK", "n1", now)).isFalse();
        assertThat(registry.firstUse("AK2", "n1", now)).as("nonces are per access key").isTrue();
        registry.clear();
        assertThat(registry.size()).isZero();
        assertThat(registry.firstUse("AK", "n1", now)).isTrue();
    }

    @Provide
    Arbitrary<Integer> capacities() {
        // small ones fill up and evict; large ones make the ring grow past its first 1024 slots
        return Arbitraries.oneOf(Arbitraries.integers().between(1, 300), Arbitraries.integers().between(1025, 3000));
    }

    @Provide
    Arbitrary<List<Use>> uses() {
        // mostly small steps, so nonces meet again inside the window; now and then a jump past it, either way
        Arbitrary<Integer> step = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.integers().between(0, 5)),
                Tuple.of(1, Arbitraries.integers().between(-1200, 1200)));
        Arbitrary<String> key = Arbitraries.of("AKa", "AKb", "AKc");
        Arbitrary<String> nonce = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 60).map(i -> "n" + i),
                Arbitraries.integers().between(0, 100_000).map(i -> "fresh-" + i));
        Arbitrary<Use> use = Combinators.combine(step, key, nonce).as(Use::new);
        return Arbitraries.oneOf(use.list().ofMaxSize(200), use.list().ofMinSize(1100).ofMaxSize(2500));
    }

    /** The bookkeeping of strings, a map and a queue that the registry's arrays stand for. */
    private static final class Reference {
        /** One use; identity matters: a later use of the same nonce is another Seen. */
        private static final class Seen {
            final String key;
            final long at;

            Seen(String key, long at) {
                this.key = key;
                this.at = at;
            }
        }

        private final Clock clock;
        private final int capacity;
        private final Map<String, Seen> seen = new HashMap<>();
        private final ArrayDeque<Seen> order = new ArrayDeque<>();

        Reference(Clock clock, int capacity) {
            this.clock = clock;
            this.capacity = capacity;
        }

        boolean firstUse(String accessKeyId, String nonce) {
            long now = clock.millis();
            while (!order.isEmpty()
                        && (order.size() >= capacity || now - order.peek().at > WINDOW.toMillis())) {
                Seen head = order.poll();
                if (seen.get(head.key) == head) {
                    seen.remove(head.key);
                }
            }
            String key = accessKeyId + '\n' + nonce;
            Seen previous = seen.get(key);
            if (previous != null && Math.abs(now - previous.at) <= WINDOW.toMillis()) {
                return false;
            }
            Seen use = new Seen(key, now);
            seen.put(key, use);
            order.add(use);
            return true;
        }

        int size() {
            return seen.size();
        }
    }
}
