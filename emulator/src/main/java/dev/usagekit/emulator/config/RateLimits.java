package dev.usagekit.emulator.config;

import dev.usagekit.emulator.core.ActionHandler;
import dev.usagekit.emulator.core.RateLimit;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The limit in force per action and account: an account's own override, else the action's override ("10/s",
 * "600/min", or none: "off"), else the documented limit.
 */
public final class RateLimits {

    private static final RateLimit OFF = new RateLimit(Integer.MAX_VALUE, Duration.ofSeconds(1));

    private volatile boolean enabled;
    private final Map<String, RateLimit> overrides = new ConcurrentHashMap<>();
    /** Per account id, per action. */
    private final Map<String, Map<String, RateLimit>> accountOverrides = new ConcurrentHashMap<>();

    /** Overrides come one by one ({@link #override}), so each bad one can be reported with its action. */
    public RateLimits(boolean enabled) {
        this.enabled = enabled;
    }

    /** The limit for any account without one of its own; null means unthrottled. */
    public RateLimit limitFor(ActionHandler<?> handler) {
        return limitFor(handler, null);
    }

    /** The limit for that account's calls; null means unthrottled. */
    public RateLimit limitFor(ActionHandler<?> handler, String accountId) {
        if (!enabled) {
            return null;
        }
        String action = handler.spec().action();
        Map<String, RateLimit> own = accountId == null || accountOverrides.isEmpty()
                ? null : accountOverrides.get(accountId);
        RateLimit limit = own == null ? null : own.get(action);
        if (limit == null) {
            limit = overrides.getOrDefault(action, handler.spec().rateLimit());
        }
        return limit == OFF ? null : limit;
    }

    public void override(String action, String spec) {
        overrides.put(action, parse(spec));
    }

    /** A limit for one account's calls of the action; the other accounts keep theirs. */
    public void override(String accountId, String action, String spec) {
        RateLimit limit = parse(spec);
        accountOverrides.computeIfAbsent(accountId, id -> new ConcurrentHashMap<>()).put(action, limit);
    }

    /** The actions' limits set for every account, as given ("off" for none), by action. */
    public Map<String, String> actionOverrides() {
        Map<String, String> shown = new TreeMap<>();
        overrides.forEach((action, limit) -> shown.put(action, asGiven(limit)));
        return shown;
    }

    /** The accounts' own limits, as given ("off" for none), by account id and action. */
    public Map<String, Map<String, String>> accountOverrides() {
        Map<String, Map<String, String>> shown = new TreeMap<>();
        accountOverrides.forEach((account, limits) -> {
            Map<String, String> byAction = new TreeMap<>();
            limits.forEach((action, limit) -> byAction.put(action, asGiven(limit)));
            shown.put(account, byAction);
        });
        return shown;
    }

    /** A limit as a setting or the control plane gives it, which {@link #parse} reads back. */
    private static String asGiven(RateLimit limit) {
        return limit == OFF ? "off" : limit.toString();
    }

    public void clearOverrides() {
        overrides.clear();
        accountOverrides.clear();
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
