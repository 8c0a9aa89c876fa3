package dev.usagekit.emulator.core;

import dev.usagekit.emulator.rules.Rule;
import dev.usagekit.emulator.rules.RuleContext;
import java.util.List;

/**
 * One action: how its parameters bind to a typed query, which rules the query must pass, and how the usage model
 * answers it. Handlers know nothing of envelopes or HTTP.
 */
public interface ActionHandler<Q extends TimeQuery> {

    ActionSpec spec();

    ServiceErrors errors();

    /**
     * Binds the parameters the request schema has already checked (types, required members, enumerations, patterns),
     * and checks what a schema cannot say, such as a blank id or a time that is not a real one.
     */
    Q parse(ParamReader params, RuleContext context);

    /** Semantic rules in the order the vendor applies them. */
    List<Rule<Q>> rules();

    /** Builds the result over the served buckets; the returned object is rendered as the vendor's Result. */
    Object handle(Q query, BucketGrid buckets, RuleContext context);
}
