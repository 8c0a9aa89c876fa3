package dev.usagekit.emulator.gateway;

import dev.usagekit.emulator.catalogue.Account;
import dev.usagekit.emulator.core.ActionHandler;
import dev.usagekit.emulator.core.ApiError;
import dev.usagekit.emulator.core.CallTrace;
import dev.usagekit.emulator.core.EmulatorState;
import dev.usagekit.emulator.core.Outcome;
import dev.usagekit.emulator.pipeline.Pipeline;
import dev.usagekit.emulator.rules.RuleContext;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * Hands a parsed call to the pipeline with one consistent view of its time (the clock, or its X-Emulator-Clock header),
 * the catalogue and the data model.
 */
public final class CallRunner {

    private final Pipeline pipeline;
    private final EmulatorState state;
    private final RequestClock clock;

    public CallRunner(Pipeline pipeline, EmulatorState state, RequestClock clock) {
        this.pipeline = pipeline;
        this.state = state;
        this.clock = clock;
    }

    /**
     * @param clockHeader the call's {@value RequestClock#HEADER} header, or null
     * @param arrivedAt   the virtual clock as the call read it on arrival, which its signature was checked against
     */
    public Outcome run(ActionHandler<?> handler, Account account, JsonNode params, String requestId, CallTrace trace,
            String clockHeader, Instant arrivedAt) {
        Instant now;
        try {
            now = clock.now(clockHeader, arrivedAt, handler.errors(), trace);
        } catch (ApiError e) {
            trace.note("rule", e.rule());
            return Outcome.failure(e);
        }
        RuleContext context = new RuleContext(account, state.catalogue(), now, state.model(), requestId, trace);
        return pipeline.run(handler, params, context, trace);
    }

    public EmulatorState state() {
        return state;
    }
}
