package dev.usagekit.emulator.config;

import dev.usagekit.emulator.core.ActionHandler;
import dev.usagekit.emulator.core.RateLimit;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The limit in force per action: the documented one, an override ("10/s", "600/min"), or none ("off"). */
public final class RateLimits {

    private static final RateLimit OFF = new RateLimit(Integer.MAX_VALUE, Duration.ofSeconds(1));

    private volatile boolean enabled;
    private final Map<String, RateLimit> overrides = new ConcurrentHashMap<>();

    /** Overrides come one by one ({@link #override}), so each bad one can be reported with its action. */
    public RateLimits(boolean enabled) {
        this.enabled = enabled;
    }

    /** Null means unthrottled. */
    public RateLimit limitFor(ActionHandler<?> handler) {
        if (!enabled) {
            return null;
        }
        RateLimit limit = overrides.getOrDefault(handler.spec().action(), handler.spec().rateLimit());
        return limit == OFF ? null : limit;
    }

    public void override(String action, String spec) {
        overrides.put(action, parse(spec));
    }

    public void clearOverrides() {
        overrides.clear();
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }

    private static RateLimit parse(String spec) {
        String s = spec.trim();
        if (s.equalsIgnoreCase("off")) {
            return OFF;
        }
        int slash = s.indexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException("rate limit must look like 10/s, 600/min or off: " + spec);
        }
        int permits;
        try {
            permits = Integer.parseInt(s.substring(0, slash).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("rate limit must start with a whole number of calls: " + spec);
        }
        if (permits < 1) {
            throw new IllegalArgumentException("rate limit must allow at least 1 call (or be off): " + spec);
        }
        return switch (s.substring(slash + 1).trim()) {
            case "s", "sec", "second" -> RateLimit.perSecond(permits);
            case "min", "minute" -> RateLimit.perMinute(permits);
            default -> throw new IllegalArgumentException("rate limit period must be s or min: " + spec);
        };
    }
}
