package dev.usagekit.emulator.core;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Optional;

/** The two timestamp dialects on the wire: RFC 3339 with an offset (Volcengine) and ISO 8601 UTC seconds (Aliyun). */
public final class WireTime {

    /** RFC 3339: seconds required, optional fraction, offset required (Z or ±hh:mm), 'T'/'Z' in either case. */
    private static final DateTimeFormatter RFC3339 = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .appendOffset("+HH:MM", "Z")
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    private static final DateTimeFormatter RFC3339_OUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private static final DateTimeFormatter ALIYUN_UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC)
            .withResolverStyle(ResolverStyle.STRICT);

    /** Years outside this range cannot be a real query and would overflow bucket arithmetic. */
    private static final int MIN_YEAR = 1970;
    private static final int MAX_YEAR = 9999;

    private WireTime() {
    }

    public static Optional<OffsetDateTime> parseRfc3339(String text) {
        try {
            OffsetDateTime t = OffsetDateTime.parse(text, RFC3339);
            return t.getYear() >= MIN_YEAR && t.getYear() <= MAX_YEAR ? Optional.of(t) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static String formatRfc3339(Instant instant, ZoneOffset offset) {
        return RFC3339_OUT.format(instant.atOffset(offset));
    }

    public static Optional<Instant> parseAliyunUtc(String text) {
        try {
            Instant t = ALIYUN_UTC.parse(text, Instant::from);
            int year = t.atOffset(ZoneOffset.UTC).getYear();
            return year >= MIN_YEAR && year <= MAX_YEAR ? Optional.of(t) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static String formatAliyunUtc(Instant instant) {
        return ALIYUN_UTC.format(instant);
    }
}
