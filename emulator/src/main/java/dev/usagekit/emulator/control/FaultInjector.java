package dev.usagekit.emulator.control;

import dev.usagekit.emulator.core.ApiError;
import dev.usagekit.emulator.core.CallTrace;
import dev.usagekit.emulator.core.ErrorKind;
import dev.usagekit.emulator.pipeline.FaultPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Faults set through the control plane: errors and latency for matching calls, by count or probability. */
public final class FaultInjector implements FaultPlan {

    /** A fault's added latency, as the control plane shows it. */
    record Latency(long minMs, long maxMs) {}

    /**
     * One injected fault. Null action or account matches any; null code means latency only; times < 0 means
     * unlimited; probability 1 fires always.
     */
    public record Fault(long id, String action, String account, String code, int status, Integer codeN,
            String message, int times, double probability, long minLatencyMillis, long maxLatencyMillis) {

        boolean matches(String callAction, String callAccount) {
            return (action == null || action.equals(callAction)) && (account == null || account.equals(callAccount));
        }

        Fault usedOnce() {
            return new Fault(id, action, account, code, status, codeN, message, times - 1, probability,
                    minLatencyMillis, maxLatencyMillis);
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
            m.put("latency", new Latency(minLatencyMillis, maxLatencyMillis));
            return m;
        }
    }

    private final List<Fault> faults = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    public long nextId() {
        return ids.incrementAndGet();
    }

    public synchronized void add(Fault fault) {
        faults.add(fault);
    }

    public synchronized List<Map<String, Object>> list() {
        return faults.stream().map(Fault::describe).toList();
    }

    public synchronized void clear() {
        faults.clear();
    }

    @Override
    public synchronized ApiError apply(String action, String accountId, CallTrace trace) {
        for (var it = faults.listIterator(); it.hasNext();) {
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
            long latency = f.maxLatencyMillis() <= f.minLatencyMillis() ? f.minLatencyMillis()
                    : ThreadLocalRandom.current().nextLong(f.minLatencyMillis(), f.maxLatencyMillis() + 1);
            if (latency > 0) {
                trace.note("latencyMillis", latency);
            }
            trace.noteFields("fault", "id", f.id(), "code", f.code() == null ? "latency" : f.code());
            return f.code() == null ? null : f.error();
        }
        return null;
    }
}
