package dev.usagekit.emulator.core;

import java.time.Duration;

/** How a service reports a query window that breaks its documented limits. */
public interface TimeRuleErrors {

    ApiError endNotAfterStart(TimeQuery query);

    ApiError spanTooLong(TimeQuery query, Duration maxSpan);

    ApiError startBeforeHistory(TimeQuery query, Duration history);
}
