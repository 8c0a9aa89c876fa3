package dev.usagekit.emulator.gateway;

import dev.usagekit.emulator.core.ApiError;
import dev.usagekit.emulator.core.CallTrace;
import dev.usagekit.emulator.core.ServiceErrors;
import dev.usagekit.emulator.time.EmulatorClock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

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
     * The call's now: the header's instant (with an offset: {@code 2026-11-20T12:00:00Z} or {@code ...+08:00}), noted in
     * the trace, or the clock's as the call read it on arrival. A header that is not such an instant in the clock's
     * range is the action's own invalid-parameter error naming the header.
     */
    public Instant now(String header, Instant arrivedAt, ServiceErrors errors, CallTrace trace) {
        if (!headerHonoured || header == null) {
            return arrivedAt;
        }
        Instant pinned = parse(header.trim());
        if (pinned == null) {
            ApiError refused = errors.invalidValue(HEADER, "must be an ISO-8601 instant from "
                    + EmulatorClock.EARLIEST + " to " + EmulatorClock.LATEST + ", such as 2026-11-20T12:00:00Z");
            throw refused.byRule("clock-header");
        }
        trace.noteFields("clock", "now", pinned.toString(), "from", HEADER);
        return pinned;
    }

    private static Instant parse(String text) {
        try {
            Instant instant = OffsetDateTime.parse(text).toInstant();
            return EmulatorClock.canStandAt(instant) ? instant : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
