package dev.usagekit.emulator.web;

import dev.usagekit.emulator.core.CallTrace;
import java.time.Duration;

/** Told about every answered API call (journal, metrics). */
public interface CallObserver {

    CallObserver NONE = new CallObserver() {
        @Override
        public long generation() {
            return 0;
        }

        @Override
        public void answered(RawRequest request, CallTrace trace, WireResponse response, Duration elapsed,
                long generation) {
        }
    };

    /** What a call starting now belongs to: a reset of the observer starts a new generation. */
    long generation();

    /**
     * @param generation {@link #generation} when the call started: a call answered after a reset (one that waited on
     *                   injected latency) is not one of the new generation's
     */
    void answered(RawRequest request, CallTrace trace, WireResponse response, Duration elapsed, long generation);
}
