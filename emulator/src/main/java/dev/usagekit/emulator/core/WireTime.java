package dev.usagekit.emulator.core;

import java.nio.charset.StandardCharsets;
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
        return formatRfc3339(instant.getEpochSecond(), offset);
    }

    /**
     * The same text as {@code uuuu-MM-dd'T'HH:mm:ssXXX}, written by hand: it runs once per data point, and the
     * formatter was the largest cost of a response. Offsets with seconds and years outside 0..9999 (never on the
     * wire) take the formatter.
     */
    public static String formatRfc3339(long epochSecond, ZoneOffset offset) {
        int offsetSeconds = offset.getTotalSeconds();
        long local = epochSecond + offsetSeconds;
        long epochDay = Math.floorDiv(local, 86400);
        int secondOfDay = (int) Math.floorMod(local, 86400);
        // civil date from days since 1970-01-01 (H. Hinnant's days_from_civil, inverted)
        long z = epochDay + 719468;
        long era = Math.floorDiv(z, 146097);
        long dayOfEra = z - era * 146097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        if (offsetSeconds % 60 != 0 || year < 0 || year > 9999) {
            return RFC3339_OUT.format(Instant.ofEpochSecond(epochSecond).atOffset(offset));
        }
        String zone = offset.getId(); // "Z" or "+hh:mm"
        byte[] text = new byte[19 + zone.length()];
        digits(text, 0, (int) year, 4);
        text[4] = '-';
        digits(text, 5, month, 2);
        text[7] = '-';
        digits(text, 8, day, 2);
        text[10] = 'T';
        digits(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        digits(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, secondOfDay % 60, 2);
        for (int i = 0; i < zone.length(); i++) {
            text[19 + i] = (byte) zone.charAt(i);
        }
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    private static void digits(byte[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
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
