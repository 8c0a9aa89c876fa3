package dev.usagekit.emulator.core;

import java.time.Duration;

/** A documented request quota: at most {@code permits} calls per {@code period}, per account. */
public record RateLimit(int permits, Duration period) {

    public RateLimit {
        if (permits < 1 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("rate limit needs permits >= 1 and a positive period");
        }
    }

    public static RateLimit perSecond(int permits) {
        return new RateLimit(permits, Duration.ofSeconds(1));
    }

    public static RateLimit perMinute(int permits) {
        return new RateLimit(permits, Duration.ofMinutes(1));
    }

    @Override
    public String toString() {
        return permits + "/" + (period.equals(Duration.ofSeconds(1)) ? "s"
                : period.equals(Duration.ofMinutes(1)) ? "min" : period.toString());
    }
}
