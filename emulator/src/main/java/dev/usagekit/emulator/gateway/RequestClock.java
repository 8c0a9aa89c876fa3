package dev.usagekit.emulator.gateway;

import dev.usagekit.emulator.core.ApiError;
import dev.usagekit.emulator.core.CallTrace;
import dev.usagekit.emulator.core.ServiceErrors;
import dev.usagekit.emulator.time.EmulatorClock;
import dev.usagekit.emulator.time.InstantText;
import java.time.Instant;

/**
 * The "now" of one call: the virtual clock, or the instant its {@value #HEADER} header names. Tests that share an
 * emulator can each pin the time their own calls see (history windows, data delay, default ranges, late data) without
 * moving the clock under the others. Signing times, throttle refills, request ids and the journal keep to the clock.
 */
public final class RequestClock {

    public static final String HEADER = "X-Emulator-Clock";
    public static final String SETTING = "emulator.clock.request-header";

    private final boolean headerHonoured;

    /** @param headerHonoured whether {@value #HEADER} is read; when not, it is ignored like any unknown header */
    public RequestClock(boolean headerHonoured) {
        this.headerHonoured = headerHonoured;
    }

    /**
     * The call's now: the header's instant (in the forms of {@link InstantText}, as the clock is set), noted in the
     * trace, or the clock's as the call read it on arrival. A header that is not such an instant in the clock's range
     * is the action's own invalid-parameter error naming the header.
     */
    public Instant now(String header, Instant arrivedAt, ServiceErrors errors, CallTrace trace) {
        if (!headerHonoured || header == null) {
            return arrivedAt;
        }
        Instant pinned = InstantText.parse(header).filter(EmulatorClock::canStandAt).orElseThrow(() -> errors
                .invalidValue(HEADER, "must be an ISO-8601 instant from " + EmulatorClock.EARLIEST + " to "
                        + EmulatorClock.LATEST + ", such as " + InstantText.EXAMPLE)
                .byRule("clock-header"));
        trace.noteFields("clock", "now", pinned.toString(), "from", HEADER);
        return pinned;
    }
}
