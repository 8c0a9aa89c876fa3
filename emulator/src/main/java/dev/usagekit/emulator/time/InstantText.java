package dev.usagekit.emulator.time;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The instants a user types to steer time: the control plane's clock {@code set}, journal {@code since} and provider
 * state times, and a call's {@code X-Emulator-Clock} header. One reader, so a time that sets the clock also pins a
 * call's clock: an ISO-8601 date and time with an offset, such as {@value #EXAMPLE}.
 */
public final class InstantText {

    public static final String EXAMPLE = "2026-11-20T12:00:00Z";

    private InstantText() {
    }

    /**
     * The instant the text names, blanks around it ignored: seconds and their fraction optional
     * ({@code 2026-11-20T12:00Z}), the offset {@code Z}, {@code ±hh}, {@code ±hh:mm} or {@code ±hh:mm:ss} up to
     * ±18:00, {@code T} and {@code Z} in either case. Empty for anything else, a date or time alone or a time without
     * an offset among them.
     */
    public static Optional<Instant> parse(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text.strip()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
