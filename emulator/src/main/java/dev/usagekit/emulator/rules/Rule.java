package dev.usagekit.emulator.rules;

import dev.usagekit.emulator.core.ApiError;

/** One named semantic rule of an action; throws the vendor's error when the request breaks it. */
public interface Rule<Q> {

    String name();

    void check(Q query, RuleContext context) throws ApiError;

    static <Q> Rule<Q> of(String name, Check<Q> check) {
        return new Rule<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void check(Q query, RuleContext context) {
                check.check(query, context);
            }
        };
    }

    /** The body of a rule. */
    @FunctionalInterface
    interface Check<Q> {
        void check(Q query, RuleContext context) throws ApiError;
    }
}
