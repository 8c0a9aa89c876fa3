package dev.usagekit.emulator.time;

import dev.usagekit.emulator.core.WireTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instants a user types to steer time: the control plane's clock {@code set}, journal {@code since} and provider
 * state times, and a call's {@code X-Emulator-Clock} header. One reader, so a time that sets the clock also pins a
 * call's clock: an ISO-8601 date and time with an offset, such as {@value #EXAMPLE}.
 */
public final class InstantText {

    public static final String EXAMPLE = "2026-11-20T12:00:00Z";

    /** A local date and time, then an offset past ±18:00 (a ZoneOffset's limit) below ±24:00. */
    private static final Pattern BEYOND_ZONE_OFFSETS = Pattern.compile(
            "(.+)([+-])(1[89]|2[0-3])(?::([0-5][0-9])(?::([0-5][0-9]))?)?");

    private InstantText() {
    }

    /**
     * The instant the text names, blanks around it ignored: seconds and their fraction optional
     * ({@code 2026-11-20T12:00Z}), the offset {@code Z}, {@code ±hh}, {@code ±hh:mm} or {@code ±hh:mm:ss} below
     * ±24:00 (as far as a Volcengine API time goes), {@code T} and {@code Z} in either case. Empty for anything else,
     * a date or time alone or a time without an offset among them.
     */
    public static Optional<Instant> parse(String text) {
        String stripped = text.strip();
        try {
            return Optional.of(OffsetDateTime.parse(stripped).toInstant());
        } catch (DateTimeParseException e) {
            return beyondZoneOffsets(stripped);
        }
    }

    private static Optional<Instant> beyondZoneOffsets(String text) {
        Matcher m = BEYOND_ZONE_OFFSETS.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDateTime local = LocalDateTime.parse(m.group(1), DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            int seconds = Integer.parseInt(m.group(3)) * 3600 + minutesOrSeconds(m.group(4)) * 60
                    + minutesOrSeconds(m.group(5));
            return Optional.of(WireTime.Rfc3339Time.of(local, "-".equals(m.group(2)) ? -seconds : seconds).instant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static int minutesOrSeconds(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }
}
