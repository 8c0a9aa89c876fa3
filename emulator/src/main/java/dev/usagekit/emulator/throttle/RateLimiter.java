package dev.usagekit.emulator.throttle;

import dev.usagekit.emulator.core.RateLimit;
import java.time.Duration;

/** Admits or refuses one call of (account, action). In-memory now; a shared store can implement it later. */
public interface RateLimiter {

    /** The decision, with tokens left and how long until the next token. */
    record Decision(boolean admitted, long tokensLeft, Duration waitForToken) {
    }

    /** @param limit the limit in force; another instance than the last one of the pair starts it afresh */
    Decision tryAcquire(String accountId, String actionKey, RateLimit limit);

    /** Forgets every bucket (reset, or the clock jumped). */
    void clear();
}
