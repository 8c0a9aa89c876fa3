package dev.usagekit.emulator.control;

import dev.usagekit.emulator.core.CallTrace;
import dev.usagekit.emulator.web.CallObserver;
import dev.usagekit.emulator.web.RawRequest;
import dev.usagekit.emulator.web.WireResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;

/** Writes every answered API call to the journal and to the usagekit.* meters. */
public final class CallRecorder implements CallObserver {

    private final RequestJournal journal;
    private final MeterRegistry meters;
    private final Clock clock;
    /** Registered once per tag set: building and looking up a meter on every call showed in the profile. */
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();
    private final Map<List<String>, Timer> timers = new ConcurrentHashMap<>();

    public CallRecorder(RequestJournal journal, MeterRegistry meters, Clock clock) {
        this.journal = journal;
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public long generation() {
        return journal.generation();
    }

    @Override
    public void answered(RawRequest request, CallTrace trace, WireResponse response, Duration elapsed,
            long generation) {
        // the call is over: its trace is taken apart rather than copied
        String vendor = text(trace.remove("vendor"), "UNKNOWN");
        String routed = text(trace.remove("action"), null);
        // the journal keeps what an unrouted call asked for; the meters only the actions there are, so a client's
        // made-up names cannot add meters without end
        String action = routed != null ? routed : request.firstQuery("Action");
        String account = text(trace.remove("account"), null);
        String errorCode = text(trace.remove("errorCode"), null);
        String kind = text(trace.remove("errorKind"), null);
        String outcome = CallOutcome.of(response.status(), kind).wireName();
        journal.record(generation, clock.instant(), vendor, action, account, response.status(), errorCode, outcome,
                detailsJson(trace.details()), text(trace.get("requestId"), null));
        String actionTag = routed == null ? "unknown" : routed;
        counters.computeIfAbsent(List.of(actionTag, vendor, outcome), k -> Counter.builder("usagekit.requests")
                .description("API requests by action, vendor and outcome")
                .tag("action", actionTag).tag("vendor", vendor).tag("outcome", outcome)
                .register(meters)).increment();
        timers.computeIfAbsent(List.of(actionTag, vendor), k -> Timer.builder("usagekit.request.latency")
                .description("API answer time, injected latency included")
                .tag("action", actionTag).tag("vendor", vendor).publishPercentileHistogram()
                .register(meters)).record(elapsed);
    }

    /**
     * Written as UTF-8 and read back: the journal serves this text as raw JSON in UTF-8, and Jackson's text writer
     * lets an unpaired surrogate from a client's body through, which the UTF-8 writer then refuses, failing every
     * journal read. The UTF-8 writer escapes it as {@code \uD800}.
     */
    static String detailsJson(Map<String, Object> details) {
        try {
            return utf8Json(details);
        } catch (JacksonException e) { // a stage noted something JSON cannot hold: say so rather than lose the call
            return utf8Json(Map.of("unwritableDetails", String.valueOf(e.getMessage())));
        }
    }

    private static String utf8Json(Object value) {
        return new String(ControlApi.JSON.writeValueAsBytes(value), StandardCharsets.UTF_8);
    }

    private static String text(Object value, String fallback) {
        return value == null ? fallback : value.toString();
    }
}
