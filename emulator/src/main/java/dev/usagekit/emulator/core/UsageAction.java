package dev.usagekit.emulator.core;

import dev.usagekit.emulator.rules.Rule;
import dev.usagekit.emulator.rules.TimeWindowRules;
import java.util.ArrayList;
import java.util.List;

/**
 * What every usage action has in common: its spec, its service's errors, and its rules, which are the time-window
 * rules of the spec (end after start, span, history) followed by the action's own. A subclass adds only how it
 * binds its query and builds its result.
 */
public abstract class UsageAction<Q extends TimeQuery> implements ActionHandler<Q> {

    private final ActionSpec spec;
    private final ServiceErrors errors;
    private final List<Rule<Q>> rules;

    /** @param ownRules the action's own rules, checked in this order after the time-window rules */
    protected UsageAction(ActionSpec spec, ServiceErrors errors, List<Rule<Q>> ownRules) {
        this.spec = spec;
        this.errors = errors;
        List<Rule<Q>> all = new ArrayList<>(TimeWindowRules.of(spec, errors));
        all.addAll(ownRules);
        this.rules = List.copyOf(all);
    }

    @Override
    public final ActionSpec spec() {
        return spec;
    }

    @Override
    public final ServiceErrors errors() {
        return errors;
    }

    @Override
    public final List<Rule<Q>> rules() {
        return rules;
    }
}
