package dev.usagekit.emulator.gateway;

import dev.usagekit.emulator.core.CallTrace;
import dev.usagekit.emulator.core.RateLimit;
import dev.usagekit.emulator.throttle.RateLimiter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/**
 * Logs why a call's signature was refused: the first {@link #AT_INFO} refusals of an account per minute of the
 * emulator clock at INFO, the rest at DEBUG. A client retrying a wrong secret in a loop would otherwise write a
 * multi-line entry per call (0.5 GB a day in the soak). The journal keeps every refusal's explanation either way.
 * The budget lives in the emulator's rate limiter, so a reset or a clock moved back gives it back.
 */
public final class RefusalLog {

    public static final RateLimit AT_INFO = RateLimit.perMinute(5);
    /** The limiter's bucket name; no action has it. */
    private static final String BUDGET = "signature refusals logged at INFO";

    private final RateLimiter budget;
    /** Accounts told that their further refusals go to DEBUG, until one is logged at INFO again. */
    private final Set<String> quieted = ConcurrentHashMap.newKeySet();

    public RefusalLog(RateLimiter budget) {
        this.budget = budget;
    }

    /**
     * @param log the refusing class's logger, so that its level settings keep working
     * @param trace the call's trace; its {@code account} note says whose budget the refusal takes
     */
    public void refused(Logger log, CallTrace trace, String format, Object... arguments) {
        String account = String.valueOf(trace.get("account"));
        if (budget.tryAcquire(account, BUDGET, AT_INFO).admitted()) {
            quieted.remove(account);
            log.info(format, arguments);
            return;
        }
        if (quieted.add(account)) {
            log.info("Request {}: more than {} signature refusals of account {} within a minute of the emulator clock:"
                    + " the next ones go to DEBUG until the clock has moved on or the emulator is reset; the journal"
                    + " explains each", trace.get("requestId"), AT_INFO.permits(), account);
        }
        log.debug(format, arguments);
    }
}
