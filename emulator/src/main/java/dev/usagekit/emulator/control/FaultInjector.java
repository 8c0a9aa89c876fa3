package dev.usagekit.emulator.control;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.usagekit.emulator.core.ApiError;
import dev.usagekit.emulator.core.CallTrace;
import dev.usagekit.emulator.core.ErrorKind;
import dev.usagekit.emulator.pipeline.FaultPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongFunction;
import java.util.random.RandomGenerator;

/** Faults set through the control plane: errors and latency for matching calls, by count or probability. */
public final class FaultInjector implements FaultPlan {

    /**
     * The longest a fault delays a call, and the faults a call meets together: a minute, past a client's timeout.
     * Nothing else ends the wait (emulator.request-timeout stops once the request is in, and the idle timeout is off
     * while an answer waits), so a typo of a few zeros would hold the call and its connection for hours.
     */
    static final long MAX_LATENCY_MS = 60_000;

    /**
     * A fault's added latency, as the control plane shows it: fixed ({@code minMs == maxMs}), uniform in [minMs,
     * maxMs], or, with {@code medianMs} and {@code sigma}, log-normal around the median (the long tail of real
     * services), kept within [minMs, maxMs].
     */
    record Latency(long minMs, long maxMs, @JsonInclude(JsonInclude.Include.NON_NULL) Long medianMs,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double sigma) {

        static final Latency NONE = new Latency(0, 0, null, null);

        static Latency between(long minMs, long maxMs) {
            return new Latency(minMs, maxMs, null, null);
        }

        /** Whether a call is ever delayed. */
        boolean adds() {
            return maxMs > 0;
        }

        /** One call's delay in milliseconds. */
        long draw(RandomGenerator random) {
            if (medianMs != null) {
                long drawn = Math.round(medianMs * Math.exp(sigma * random.nextGaussian()));
                return Math.max(minMs, Math.min(maxMs, drawn));
            }
            return maxMs <= minMs ? minMs : random.nextLong(minMs, maxMs + 1);
        }
    }

    /**
     * One injected fault. Null action or account matches any; null code means latency only; times < 0 means
     * unlimited; probability 1 fires always.
     */
    public record Fault(long id, String action, String account, String code, int status, Integer codeN,
            String message, int times, double probability, Latency latency) {

        boolean matches(String callAction, String callAccount) {
            return (action == null || action.equals(callAction)) && (account == null || account.equals(callAccount));
        }

        Fault usedOnce() {
            return new Fault(id, action, account, code, status, codeN, message, times - 1, probability, latency);
        }

        ApiError error() {
            return codeN != null ? ApiError.gateway(ErrorKind.FAULT, status, code, codeN, message)
                    : ApiError.of(ErrorKind.FAULT, status, code, message);
        }

        Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("action", action);
            m.put("account", account);
            boolean answers = code != null; // a latency-only fault never answers, so it has no status to show
            m.put("code", code);
            m.put("status", answers ? status : null);
            m.put("codeN", codeN);
            m.put("message", answers ? message : null);
            m.put("timesLeft", times < 0 ? null : times);
            m.put("probability", probability);
            m.put("latency", latency);
            return m;
        }
    }

    /** A fault just added: its id, and the faults in force right after it, itself the last. */
    record Added(long id, List<Map<String, Object>> inForce) {}

    private final List<Fault> faults = new ArrayList<>();
    /** The id of the last fault added; clearing the faults does not lower it. */
    private long lastId;
    /** Every call checks every fault under one lock, so a script adding faults in a loop must meet a limit. */
    private final int maxInForce;

    /** @param maxInForce the faults that may be in force at once; one that has run out its times no longer counts */
    public FaultInjector(int maxInForce) {
        if (maxInForce < 1) {
            throw new IllegalArgumentException("must be at least 1: " + maxInForce);
        }
        this.maxInForce = maxInForce;
    }

    public int maxInForce() {
        return maxInForce;
    }

    /**
     * Adds the fault {@code numbered} makes with the next id, or returns empty and changes nothing when
     * {@link #maxInForce()} are in force already. The id is taken under the lock of that check, so a refused fault
     * takes none and the faults added are numbered 1, 2, 3... in the order they apply. The faults in force are listed
     * under the same lock, so another caller's add, or a call using up a fault, after this one does not show in them.
     */
    synchronized Optional<Added> add(LongFunction<Fault> numbered) {
        if (faults.size() >= maxInForce) {
            return Optional.empty();
        }
        long id = lastId + 1;
        faults.add(numbered.apply(id));
        lastId = id;
        return Optional.of(new Added(id, list()));
    }

    public synchronized List<Map<String, Object>> list() {
        return faults.stream().map(Fault::describe).toList();
    }

    public synchronized void clear() {
        faults.clear();
    }

    /**
     * The faults that match a call, in the order they were added, up to the first that answers with an error: their
     * latencies add up (to {@link #MAX_LATENCY_MS} at most), so "slow every call" and "fail the next two" both hold
     * for the same calls.
     */
    @Override
    public synchronized ApiError apply(String action, String accountId, CallTrace trace) {
        if (faults.isEmpty()) {
            return null; // the usual case: nothing to allocate or note
        }
        long latency = 0;
        List<Long> fired = new ArrayList<>();
        ApiError error = null;
        for (var it = faults.listIterator(); it.hasNext() && error == null;) {
            Fault f = it.next();
            if (!f.matches(action, accountId)
                    || (f.probability() < 1 && ThreadLocalRandom.current().nextDouble() >= f.probability())) {
                continue;
            }
            if (f.times() > 0) {
                Fault used = f.usedOnce();
                if (used.times() == 0) {
                    it.remove();
                } else {
                    it.set(used);
                }
            }
            latency = Math.min(MAX_LATENCY_MS, latency + f.latency().draw(ThreadLocalRandom.current()));
            fired.add(f.id());
            if (f.code() != null) {
                error = f.error();
            }
        }
        if (fired.isEmpty()) {
            return null;
        }
        if (latency > 0) {
            trace.note("latencyMillis", latency);
        }
        trace.noteFields("fault", "ids", fired, "code", error == null ? "latency" : error.code());
        return error;
    }
}
