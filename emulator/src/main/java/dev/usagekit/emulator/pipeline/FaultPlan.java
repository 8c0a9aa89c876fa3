package dev.usagekit.emulator.pipeline;

import dev.usagekit.emulator.core.ApiError;
import dev.usagekit.emulator.core.CallTrace;

/** Injected failures and latency, consulted before throttling. */
public interface FaultPlan {

    FaultPlan NONE = (action, accountId, trace) -> null;

    /** The error to answer with (kind FAULT), or null to go on; may note "fault" and "latencyMillis" in the trace. */
    ApiError apply(String action, String accountId, CallTrace trace);
}
