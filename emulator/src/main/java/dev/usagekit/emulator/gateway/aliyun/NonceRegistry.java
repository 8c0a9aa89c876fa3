package dev.usagekit.emulator.gateway.aliyun;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Signature nonces seen inside the timestamp window, per access key. Bounded: entries older than the window are
 * dropped, and past the capacity the oldest go first, so a flood of requests cannot grow memory without limit.
 */
public final class NonceRegistry {

    private record Seen(String key, Instant at) {
    }

    private final Clock clock;
    private final Duration window;
    private final int capacity;
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Seen> order = new ConcurrentLinkedQueue<>();

    public NonceRegistry(Clock clock, Duration window, int capacity) {
        this.clock = clock;
        this.window = window;
        this.capacity = capacity;
    }

    /** Records the nonce; false when it was already used inside the window. */
    public boolean firstUse(String accessKeyId, String nonce) {
        Instant now = clock.instant();
        evict(now);
        String key = accessKeyId + '\n' + nonce;
        Instant previous = seen.putIfAbsent(key, now);
        if (previous != null && Duration.between(previous, now).abs().compareTo(window) <= 0) {
            return false;
        }
        if (previous != null) {
            seen.put(key, now);
        }
        order.add(new Seen(key, now));
        return true;
    }

    private void evict(Instant now) {
        Seen head;
        while ((head = order.peek()) != null
                && (seen.size() >= capacity || Duration.between(head.at(), now).compareTo(window) > 0)) {
            if (order.remove(head)) {
                seen.remove(head.key(), head.at());
            }
        }
    }

    public void clear() {
        seen.clear();
        order.clear();
    }

    public int size() {
        return seen.size();
    }
}
