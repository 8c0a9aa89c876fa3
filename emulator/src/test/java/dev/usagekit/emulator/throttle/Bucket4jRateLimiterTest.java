package dev.usagekit.emulator.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.core.RateLimit;
import dev.usagekit.emulator.time.EmulatorClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class Bucket4jRateLimiterTest {

    private final EmulatorClock clock = new EmulatorClock(Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"),
            ZoneOffset.UTC));
    private final Bucket4jRateLimiter limiter = new Bucket4jRateLimiter(clock);

    private long admitted(String account, String action, RateLimit limit, int calls) {
        long admitted = 0;
        for (int i = 0; i < calls; i++) {
            admitted += limiter.tryAcquire(account, action, limit).admitted() ? 1 : 0;
        }
        return admitted;
    }

    @Test
    void sweepingLimitsForOneActionKeepsOneBucket() {
        for (int permits = 1; permits <= 1000; permits++) {
            limiter.tryAcquire("2100000001", "DescribeLiveProducerUsageData", RateLimit.perSecond(permits));
        }
        assertThat(limiter.size()).isEqualTo(1);
    }

    @Test
    void eachAccountAndActionHasItsOwnBucket() {
        RateLimit limit = RateLimit.perSecond(2);
        assertThat(admitted("a", "X", limit, 5)).isEqualTo(2);
        assertThat(admitted("a", "Y", limit, 5)).isEqualTo(2);
        assertThat(admitted("b", "X", limit, 5)).isEqualTo(2);
        assertThat(limiter.size()).isEqualTo(3);
    }

    @Test
    void anUnchangedLimitKeepsCountingInItsWindow() {
        RateLimit limit = RateLimit.perSecond(3);
        assertThat(admitted("a", "X", limit, 2)).isEqualTo(2);
        assertThat(admitted("a", "X", limit, 5)).isEqualTo(1);
    }

    @Test
    void aNewLimitStartsWithItsWholeQuota() {
        assertThat(admitted("a", "X", RateLimit.perSecond(2), 5)).isEqualTo(2);
        assertThat(admitted("a", "X", RateLimit.perSecond(4), 9)).isEqualTo(4);
        assertThat(admitted("a", "X", RateLimit.perSecond(2), 5)).isEqualTo(2);
    }

    /** The control plane sets a limit as a new RateLimit: set again (after "off", say), it starts afresh too. */
    @Test
    void aLimitSetAnewStartsWithItsWholeQuotaThoughItEqualsTheOldOne() {
        assertThat(admitted("a", "X", RateLimit.perSecond(2), 5)).isEqualTo(2);
        assertThat(admitted("a", "X", RateLimit.perSecond(2), 5)).isEqualTo(2);
    }

    @Test
    void allPermitsComeBackWhenTheWindowTurns() {
        RateLimit limit = RateLimit.perSecond(5);
        assertThat(admitted("a", "X", limit, 5)).isEqualTo(5);
        RateLimiter.Decision refused = limiter.tryAcquire("a", "X", limit);
        assertThat(refused.admitted()).isFalse();
        assertThat(refused.waitForToken()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));

        clock.advance(Duration.ofMillis(999));
        assertThat(limiter.tryAcquire("a", "X", limit).admitted()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(admitted("a", "X", limit, 7)).isEqualTo(5);
    }

    @Test
    void clearForgetsEveryBucket() {
        assertThat(admitted("a", "X", RateLimit.perMinute(1), 3)).isEqualTo(1);
        limiter.clear();
        assertThat(limiter.size()).isZero();
        assertThat(admitted("a", "X", RateLimit.perMinute(1), 3)).isEqualTo(1);
    }
}
