package dev.usagekit.emulator.throttle;

import dev.usagekit.emulator.core.RateLimit;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A token bucket per (account, action), refilled on the emulator's clock so tests can move time. A new limit for the
 * pair replaces its bucket, so sweeping limits through the control plane leaves one bucket, not one per limit tried.
 * A limit is new by identity, not value: each one the control plane sets is a new {@link RateLimit}, so a limit set
 * back to what it was (after "off", which never reaches a bucket) starts with its whole quota as well.
 */
public final class Bucket4jRateLimiter implements RateLimiter {

    private record Key(String accountId, String actionKey) {
    }

    private record LimitedBucket(RateLimit limit, Bucket bucket) {
    }

    /**
     * Beyond this many seconds from {@link #origin} the buckets' nanoseconds would soon overflow a long (292 years); every
     * bucket is full long before (the longest period is a minute), so the buckets start afresh from a new origin.
     */
    private static final long REANCHOR_AFTER_SECONDS = Duration.ofDays(100 * 365).toSeconds();

    private final ConcurrentMap<Key, LimitedBucket> buckets = new ConcurrentHashMap<>();
    private final Clock clock;
    private final TimeMeter timeMeter;
    /** The instant the buckets count their nanoseconds from; the virtual clock ranges over eight thousand years. */
    private volatile Instant origin;

    public Bucket4jRateLimiter(Clock clock) {
        this.clock = clock;
        this.origin = clock.instant();
        this.timeMeter = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                Instant from = origin;
                return (now.getEpochSecond() - from.getEpochSecond()) * 1_000_000_000L + now.getNano() - from.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    @Override
    public Decision tryAcquire(String accountId, String actionKey, RateLimit limit) {
        reanchorIfFar();
        Key key = new Key(accountId, actionKey);
        LimitedBucket held = buckets.get(key);
        if (held == null || held.limit() != limit) {
            held = buckets.compute(key, (k, current) -> current != null && current.limit() == limit ? current
                    : new LimitedBucket(limit, newBucket(limit)));
        }
        ConsumptionProbe probe = held.bucket().tryConsumeAndReturnRemaining(1);
        return new Decision(probe.isConsumed(), probe.getRemainingTokens(),
                Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private void reanchorIfFar() {
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - origin.getEpochSecond()) > REANCHOR_AFTER_SECONDS) {
            synchronized (this) {
                Instant current = clock.instant();
                if (Math.abs(current.getEpochSecond() - origin.getEpochSecond()) > REANCHOR_AFTER_SECONDS) {
                    buckets.clear();
                    origin = current;
                }
            }
        }
    }

    private Bucket newBucket(RateLimit limit) {
        // the clouds count calls per fixed window: all permits come back at once when the window turns
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.permits())
                        .refillIntervally(limit.permits(), limit.period()).build())
                .withCustomTimePrecision(timeMeter)
                .build();
    }

    /** How many buckets are held: one per (account, action) called since the last clear. */
    int size() {
        return buckets.size();
    }

    @Override
    public void clear() {
        buckets.clear();
    }
}
