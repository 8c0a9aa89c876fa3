package dev.usagekit.emulator.gateway;

import dev.usagekit.emulator.core.CallTrace;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far a request's signing time may be from the virtual clock ({@code emulator.signature-time-window}). A refusal
 * is explained in the journal and the log: SDKs sign with the machine's time, so a test that moved the clock sees
 * every call refused, and only the explanation says why and which setting helps.
 */
public final class SigningTimeWindow {

    private static final Logger log = LoggerFactory.getLogger(SigningTimeWindow.class);
    public static final String SETTING = "emulator.signature-time-window";

    private final Duration window;
    private final RefusalLog refusals;

    public SigningTimeWindow(Duration window, RefusalLog refusals) {
        this.window = window;
        this.refusals = refusals;
    }

    /** The configured window: how far either side of the clock a signing time may be. */
    public Duration duration() {
        return window;
    }

    /**
     * Within the configured window of the call's now; else noted in the trace and logged.
     *
     * @param now the virtual clock as the call read it on arrival, the one time all its rules go by
     */
    public boolean accepts(Instant signedAt, Instant now, CallTrace trace) {
        return accepts(signedAt, window, SETTING, now, trace);
    }

    /**
     * Within the request's own validity (e.g. Volcengine's X-Expires) of the clock.
     *
     * @param source where the validity came from, named in the explanation
     */
    public boolean accepts(Instant signedAt, Duration validity, String source, Instant now, CallTrace trace) {
        Duration skew = Duration.between(signedAt, now).abs();
        if (skew.compareTo(validity) <= 0) {
            return true;
        }
        trace.noteFields("signature", "result", "signing time outside the window", "signedAt", signedAt.toString(),
                "clock", now.toString(), "window", validity.toString(), "windowFrom", source);
        refusals.refused(log, trace, "Request {}: signing time {} is {} from the emulator clock {}, outside the window"
                + " of {} ({}). SDKs sign with the machine's time: after moving the virtual clock, widen {}.",
                trace.get("requestId"), signedAt, skew, now, validity, source, SETTING);
        return false;
    }
}
