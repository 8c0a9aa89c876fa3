package dev.usagekit.emulator.web;

import dev.usagekit.emulator.core.CallTrace;
import java.time.Duration;

/** Told about every answered API call (journal, metrics). */
public interface CallObserver {

    CallObserver NONE = (request, trace, response, elapsed) -> {
    };

    void answered(RawRequest request, CallTrace trace, WireResponse response, Duration elapsed);
}
