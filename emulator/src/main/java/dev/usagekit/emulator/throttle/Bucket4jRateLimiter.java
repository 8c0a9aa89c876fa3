package dev.usagekit.emulator.throttle;

import dev.usagekit.emulator.core.RateLimit;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Token buckets per (account, action, limit), refilled on the emulator's clock so tests can move time. */
public final class Bucket4jRateLimiter implements RateLimiter {

    private record Key(String accountId, String actionKey, RateLimit limit) {
    }

    private final ConcurrentMap<Key, Bucket> buckets = new ConcurrentHashMap<>();
    private final TimeMeter timeMeter;

    public Bucket4jRateLimiter(Clock clock) {
        this.timeMeter = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                java.time.Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    @Override
    public Decision tryAcquire(String accountId, String actionKey, RateLimit limit) {
        Bucket bucket = buckets.computeIfAbsent(new Key(accountId, actionKey, limit), k -> newBucket(limit));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return new Decision(probe.isConsumed(), probe.getRemainingTokens(),
                Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private Bucket newBucket(RateLimit limit) {
        // the clouds count calls per fixed window: all permits come back at once when the window turns
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.permits())
                        .refillIntervally(limit.permits(), limit.period()).build())
                .withCustomTimePrecision(timeMeter)
                .build();
    }

    @Override
    public void clear() {
        buckets.clear();
    }
}
