package dev.usagekit.emulator.pipeline;

import dev.usagekit.emulator.core.ActionHandler;
import dev.usagekit.emulator.core.ApiError;
import dev.usagekit.emulator.core.BucketGrid;
import dev.usagekit.emulator.core.CallTrace;
import dev.usagekit.emulator.core.Outcome;
import dev.usagekit.emulator.core.ParamReader;
import dev.usagekit.emulator.core.RateLimit;
import dev.usagekit.emulator.core.TimeQuery;
import dev.usagekit.emulator.core.WireTime;
import dev.usagekit.emulator.rules.Rule;
import dev.usagekit.emulator.rules.RuleContext;
import dev.usagekit.emulator.schema.RequestSchemaCheck;
import dev.usagekit.emulator.throttle.RateLimiter;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The vendor-neutral path of every call, in order: injected faults → throttle → validate (request schema, bind, then
 * rules) → data-delay window → handler. Each step either passes or ends the call with the service's error, and notes
 * its decision in the trace.
 */
public final class Pipeline {

    private static final Logger log = LoggerFactory.getLogger(Pipeline.class);

    private final RateLimiter rateLimiter;
    private final BiFunction<ActionHandler<?>, String, RateLimit> limits;
    private final RequestSchemaCheck schemaCheck;
    private final FaultPlan faults;

    /** @param limits the limit in force for an action and account id, or null when throttling is off for it */
    public Pipeline(RateLimiter rateLimiter, BiFunction<ActionHandler<?>, String, RateLimit> limits,
            RequestSchemaCheck schemaCheck, FaultPlan faults) {
        this.rateLimiter = rateLimiter;
        this.limits = limits;
        this.schemaCheck = schemaCheck;
        this.faults = faults;
    }

    public Outcome run(ActionHandler<?> handler, JsonNode params, RuleContext context, CallTrace trace) {
        trace.note("action", handler.spec().action());
        try {
            injectFault(handler, context, trace);
            throttle(handler, context, trace);
            return Outcome.success(validateAndHandle(handler, params, context, trace));
        } catch (ApiError e) {
            if (e.rule() != null) {
                trace.note("rule", e.rule());
            }
            return Outcome.failure(e);
        } catch (RuntimeException e) {
            log.error("internal error in {}", handler.spec().action(), e);
            trace.note("internalError", e.getClass().getSimpleName());
            return Outcome.failure(handler.errors().internal());
        }
    }

    private void injectFault(ActionHandler<?> handler, RuleContext context, CallTrace trace) {
        ApiError fault = faults.apply(handler.spec().action(), context.account().accountId(), trace);
        if (fault != null) {
            throw fault.byRule("fault");
        }
    }

    private void throttle(ActionHandler<?> handler, RuleContext context, CallTrace trace) {
        RateLimit limit = limits.apply(handler, context.account().accountId());
        if (limit == null) {
            trace.note("throttle", "off");
            return;
        }
        RateLimiter.Decision d = rateLimiter.tryAcquire(context.account().accountId(), handler.spec().key(), limit);
        trace.noteFields("throttle", "limit", limit.toString(), "admitted", d.admitted(),
                "tokensLeft", d.tokensLeft(), "refillInMillis", d.waitForToken().toMillis());
        if (!d.admitted()) {
            throw handler.errors().throttled().withRetryAfter(d.waitForToken()).byRule("throttle");
        }
    }

    private <Q extends TimeQuery> Object validateAndHandle(ActionHandler<Q> handler, JsonNode params,
            RuleContext context, CallTrace trace) {
        try {
            schemaCheck.check(handler, params);
        } catch (ApiError e) {
            throw e.byRule("schema");
        }
        Q query;
        try {
            query = handler.parse(new ParamReader(params, handler.errors()), context);
        } catch (ApiError e) {
            throw e.rule() == null ? e.byRule("bind") : e;
        }
        for (Rule<Q> rule : handler.rules()) {
            try {
                rule.check(query, context);
            } catch (ApiError e) {
                throw e.byRule(rule.name());
            }
        }
        BucketGrid grid = BucketGrid.of(query, context.now(), handler.spec().dataDelay());
        trace.noteFields("buckets", "total", grid.count(), "served", grid.served(),
                "withheldByDataDelay", grid.withheld(), "servedUntil", WireTime.formatInstant(grid.servedUntil()));
        return handler.handle(query, grid, context);
    }
}
