package dev.usagekit.emulator.rules;

import dev.usagekit.emulator.core.ActionSpec;
import dev.usagekit.emulator.core.TimeQuery;
import dev.usagekit.emulator.core.TimeRuleErrors;
import java.time.Duration;
import java.util.List;

/** The query-window rules every usage action has, with the numbers of its spec and the codes of its service. */
public final class TimeWindowRules {

    private TimeWindowRules() {
    }

    public static <Q extends TimeQuery> List<Rule<Q>> of(ActionSpec spec, TimeRuleErrors errors) {
        return List.of(endAfterStart(errors), spanWithinLimit(spec, errors), startWithinHistory(spec, errors));
    }

    public static <Q extends TimeQuery> Rule<Q> endAfterStart(TimeRuleErrors errors) {
        return Rule.of("end-after-start", (q, ctx) -> {
            if (!q.end().isAfter(q.start())) {
                throw errors.endNotAfterStart(q);
            }
        });
    }

    public static <Q extends TimeQuery> Rule<Q> spanWithinLimit(ActionSpec spec, TimeRuleErrors errors) {
        return Rule.of("span-within-limit", (q, ctx) -> {
            Duration max = spec.maxSpan(q.granularity());
            if (Duration.between(q.start(), q.end()).compareTo(max) > 0) {
                throw errors.spanTooLong(q, max);
            }
        });
    }

    public static <Q extends TimeQuery> Rule<Q> startWithinHistory(ActionSpec spec, TimeRuleErrors errors) {
        return Rule.of("start-within-history", (q, ctx) -> {
            if (q.start().isBefore(ctx.now().minus(spec.history()))) {
                throw errors.startBeforeHistory(q, spec.history());
            }
        });
    }
}
