package dev.usagekit.emulator.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;
import dev.usagekit.emulator.wire.AsciiDigits;
import dev.usagekit.emulator.wire.DigitPairs;

/** The two timestamp dialects on the wire: RFC 3339 with an offset (Volcengine) and ISO 8601 UTC seconds (Aliyun). */
public final class WireTime {

    /**
     * RFC 3339: seconds required, optional fraction, offset required (Z or ±hh:mm), 'T'/'Z' in either case as the RFC
     * allows (the request schemas' patterns then refuse lower case, as Go's parser does). The usual shape is read by
     * hand, and a property holds the two together. Offsets beyond ±18:00, which a ZoneOffset cannot hold, are the hand
     * reader's alone.
     */
    static final DateTimeFormatter RFC3339 = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .appendOffset("+HH:MM", "Z")
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    /** The local date and time of {@code uuuu-MM-dd'T'HH:mm:ssXXX}, for what the hand-written writer leaves. */
    private static final DateTimeFormatter LOCAL_OUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private static final DateTimeFormatter DIGITS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private static final DateTimeFormatter ALIYUN_UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC)
            .withResolverStyle(ResolverStyle.STRICT);

    /**
     * The years of four digits. A time before 1970 is still a time: the history rules refuse it with the vendor's error
     * for a start too far back, as the clouds do, not as a malformed value. Beyond 9999 bucket arithmetic could overflow.
     */
    private static final int MIN_YEAR = 0;
    private static final int MAX_YEAR = 9999;

    private WireTime() {
    }

    /**
     * An instant as an RFC 3339 text wrote it: the instant, and the offset of its local time in seconds east of UTC.
     * The offset is whole minutes up to ±23:59 (RFC 3339's time-hour and time-minute, as Go's time.Parse reads them),
     * beyond the ±18:00 a ZoneOffset holds.
     */
    public record Rfc3339Time(Instant instant, int offsetSeconds) {

        /** The one place a local time and its offset make an instant: local time less the offset. */
        public static Rfc3339Time of(LocalDateTime local, int offsetSeconds) {
            return new Rfc3339Time(Instant.ofEpochSecond(local.toEpochSecond(ZoneOffset.UTC) - offsetSeconds,
                    local.getNano()), offsetSeconds);
        }
    }

    /** The time an RFC 3339 text names, with a local date in years 0000..9999; empty for anything else. */
    public static Optional<Rfc3339Time> parseRfc3339(String text) {
        Rfc3339Time plain = readPlainRfc3339(text);
        if (plain != null) {
            return Optional.of(plain); // its year is four digits
        }
        try {
            OffsetDateTime t = OffsetDateTime.parse(text, RFC3339);
            return t.getYear() >= MIN_YEAR && t.getYear() <= MAX_YEAR
                    ? Optional.of(new Rfc3339Time(t.toInstant(), t.getOffset().getTotalSeconds())) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** True when the text is the usual shape of RFC 3339 with a real date, time and offset (see below). */
    public static boolean isPlainRfc3339(String text) {
        return readPlainRfc3339(text) != null;
    }

    /**
     * The usual shape, {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±hh:mm)} with a real date, time and offset, read by hand:
     * every call reads two, and the formatter was a few percent of a call. Null for anything else, which the formatter
     * then decides.
     */
    private static Rfc3339Time readPlainRfc3339(String text) {
        int n = text.length();
        if (n < 20 || !isPlainDateTime(text)) {
            return null;
        }
        int at = 19;
        int nanos = 0;
        if (text.charAt(at) == '.') {
            int first = ++at;
            while (at < n && at - first < 9 && AsciiDigits.all(text, at, at + 1)) {
                at++;
            }
            if (at == first) {
                return null;
            }
            nanos = AsciiDigits.value(text, first, at) * POWERS_OF_TEN[9 - (at - first)];
        }
        try {
            return Rfc3339Time.of(LocalDateTime.of(AsciiDigits.value(text, 0, 4), AsciiDigits.value(text, 5, 7),
                    AsciiDigits.value(text, 8, 10), AsciiDigits.value(text, 11, 13), AsciiDigits.value(text, 14, 16),
                    AsciiDigits.value(text, 17, 19), nanos), plainOffsetSeconds(text, at));
        } catch (DateTimeException e) {
            return null; // not a real date, time or offset
        }
    }

    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
        100_000_000};

    private static boolean isPlainDateTime(String text) {
        return AsciiDigits.all(text, 0, 4) && text.charAt(4) == '-' && AsciiDigits.all(text, 5, 7)
                && text.charAt(7) == '-' && AsciiDigits.all(text, 8, 10)
                && (text.charAt(10) == 'T' || text.charAt(10) == 't') && AsciiDigits.all(text, 11, 13)
                && text.charAt(13) == ':' && AsciiDigits.all(text, 14, 16) && text.charAt(16) == ':'
                && AsciiDigits.all(text, 17, 19);
    }

    /** The offset in seconds that ends the text from {@code at}: "Z" (either case) or "±hh:mm" up to ±23:59. */
    private static int plainOffsetSeconds(String text, int at) {
        int n = text.length();
        if (at == n - 1 && (text.charAt(at) == 'Z' || text.charAt(at) == 'z')) {
            return 0;
        }
        char sign = at < n ? text.charAt(at) : ' ';
        if (at != n - 6 || (sign != '+' && sign != '-') || !AsciiDigits.all(text, at + 1, at + 3)
                || text.charAt(at + 3) != ':' || !AsciiDigits.all(text, at + 4, at + 6)) {
            throw new DateTimeException("no offset of the usual shape");
        }
        int hours = AsciiDigits.value(text, at + 1, at + 3);
        int minutes = AsciiDigits.value(text, at + 4, at + 6);
        if (hours > 23 || minutes > 59) {
            throw new DateTimeException("an offset beyond RFC 3339's time-hour or time-minute");
        }
        return (sign == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
    }

    public static String formatRfc3339(Instant instant, ZoneOffset offset) {
        return formatRfc3339(instant.getEpochSecond(), offset.getTotalSeconds());
    }

    /**
     * The same text as {@code uuuu-MM-dd'T'HH:mm:ssXXX}, written by hand: it runs once per data point, and the
     * formatter was the largest cost of a response. Any offset, ±23:59 as a request may give too.
     */
    public static String formatRfc3339(long epochSecond, int offsetSeconds) {
        String text = plainRfc3339(epochSecond, offsetSeconds);
        return text != null ? text
                : LOCAL_OUT.format(LocalDateTime.ofEpochSecond(epochSecond + offsetSeconds, 0, ZoneOffset.UTC))
                        + offsetText(offsetSeconds);
    }

    /** The offset as {@code XXX} writes it: "Z", or "±hh:mm" (seconds of an offset left out). */
    private static String offsetText(int offsetSeconds) {
        int total = Math.abs(offsetSeconds);
        return offsetSeconds == 0 ? "Z" : String.format(Locale.ROOT, "%s%02d:%02d", offsetSeconds < 0 ? "-" : "+",
                total / 3600, total / 60 % 60);
    }

    /** What {@link #writeRfc3339} writes, as a string; null where only a formatter writes the instant. */
    private static String plainRfc3339(long epochSecond, int offsetSeconds) {
        byte[] text = new byte[RFC3339_MAX_CHARS];
        int length = writeRfc3339(epochSecond, offsetSeconds, text);
        return length < 0 ? null : new String(text, 0, length, StandardCharsets.US_ASCII);
    }

    /**
     * {@code yyyyMMddHHmmss} at the offset, the stamp a Volcengine request id starts with: the RFC 3339 text without
     * its separators (the formatter was 1.3 % of a call).
     */
    public static String formatDigits(long epochSecond, ZoneOffset offset) {
        byte[] text = new byte[RFC3339_MAX_CHARS];
        if (writeRfc3339(epochSecond, offset.getTotalSeconds(), text) < 0) {
            return DIGITS.format(Instant.ofEpochSecond(epochSecond).atOffset(offset));
        }
        byte[] digits = new byte[14];
        int at = 0;
        for (int i = 0; i < "uuuu-MM-ddTHH:mm:ss".length(); i++) { // the text before its offset
            if (text[i] >= '0' && text[i] <= '9') {
                digits[at++] = text[i];
            }
        }
        return new String(digits, StandardCharsets.US_ASCII);
    }

    /** Longest text {@link #writeRfc3339} writes: date, time and a "+hh:mm" offset. */
    public static final int RFC3339_MAX_CHARS = 25;

    /**
     * Writes the RFC 3339 text of the instant as ASCII into {@code into} (at least {@link #RFC3339_MAX_CHARS} long) and
     * returns its length, or -1 for what only the formatter writes: offsets with seconds and years outside
     * 0..9999, both never on the wire.
     */
    public static int writeRfc3339(long epochSecond, int offsetSeconds, byte[] into) {
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
            return -1;
        }
        DigitPairs.write(into, 0, (int) year / 100); // 0..9999, checked above
        DigitPairs.write(into, 2, (int) year % 100);
        into[4] = '-';
        DigitPairs.write(into, 5, month);
        into[7] = '-';
        DigitPairs.write(into, 8, day);
        into[10] = 'T';
        DigitPairs.write(into, 11, secondOfDay / 3600);
        into[13] = ':';
        DigitPairs.write(into, 14, secondOfDay / 60 % 60);
        into[16] = ':';
        DigitPairs.write(into, 17, secondOfDay % 60);
        if (offsetSeconds == 0) {
            into[19] = 'Z';
            return 20;
        }
        into[19] = (byte) (offsetSeconds < 0 ? '-' : '+');
        int minutes = Math.abs(offsetSeconds) / 60;
        DigitPairs.write(into, 20, minutes / 60);
        into[22] = ':';
        DigitPairs.write(into, 23, minutes % 60);
        return RFC3339_MAX_CHARS;
    }

    private static final VarHandle LONG_AT = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    /** "hh:mm:" of each minute of the day in the low six bytes of a long, for the time of day in one write. */
    private static final long[] HH_MM = new long[24 * 60];
    /** "ss" of each second of the minute in the top two bytes of a long, to go with {@link #HH_MM}. */
    private static final long[] SS = new long[60];

    static {
        byte[] text = new byte[8];
        for (int minute = 0; minute < HH_MM.length; minute++) {
            DigitPairs.write(text, 0, minute / 60);
            text[2] = ':';
            DigitPairs.write(text, 3, minute % 60);
            text[5] = ':';
            HH_MM[minute] = (long) LONG_AT.get(text, 0) & 0xFFFF_FFFF_FFFFL;
        }
        byte[] seconds = new byte[8]; // only its last two bytes are written
        for (int second = 0; second < SS.length; second++) {
            DigitPairs.write(seconds, 6, second);
            SS[second] = (long) LONG_AT.get(seconds, 0);
        }
    }

    /**
     * Writes the RFC 3339 texts of many instants in one offset, as a series walks through them, each between the same
     * fixed bytes (a data point's JSON around its time stamp): the date, the offset and those bytes are put together
     * once per local day, and each instant copies them in one piece and writes its time of day.
     */
    public static final class Rfc3339Series {
        private final int offsetSeconds;
        /** Where the time stamp starts in the text written. */
        private final int timeAt;
        private final byte[] after;
        private final byte[] dayText;
        private final byte[] time = new byte[RFC3339_MAX_CHARS];
        /** The first local second of the day {@link #dayText} holds: none yet. */
        private long dayStart = Long.MAX_VALUE;
        private int length;

        public Rfc3339Series(int offsetSeconds) {
            this(offsetSeconds, new byte[0], new byte[0]);
        }

        /** Each text is written with {@code before} in front of it and {@code after} behind it. */
        public Rfc3339Series(int offsetSeconds, byte[] before, byte[] after) {
            this.offsetSeconds = offsetSeconds;
            this.timeAt = before.length;
            this.after = after.clone();
            this.dayText = new byte[before.length + RFC3339_MAX_CHARS + after.length];
            System.arraycopy(before, 0, dayText, 0, before.length);
        }

        /**
         * Like {@link #writeRfc3339} with the fixed bytes around, into {@code into} from {@code at}: the length
         * written, or -1 (and nothing written) for what only the formatter writes.
         */
        public int write(long epochSecond, byte[] into, int at) {
            long local = epochSecond + offsetSeconds;
            if (local < dayStart || local >= dayStart + 86400) { // a series walks through a day before the next
                long localDay = Math.floorDiv(local, 86400);
                dayStart = localDay * 86400;
                int timeLength = writeRfc3339(epochSecond, offsetSeconds, time);
                if (timeLength < 0) {
                    length = -1;
                } else {
                    System.arraycopy(time, 0, dayText, timeAt, timeLength);
                    System.arraycopy(after, 0, dayText, timeAt + timeLength, after.length);
                    length = timeAt + timeLength + after.length;
                }
            }
            if (length < 0) {
                return -1;
            }
            System.arraycopy(dayText, 0, into, at, length);
            int secondOfDay = (int) (local - dayStart);
            int minuteOfDay = secondOfDay / 60;
            LONG_AT.set(into, at + timeAt + 11, HH_MM[minuteOfDay] | SS[secondOfDay - minuteOfDay * 60]);
            return length;
        }
    }

    public static Optional<Instant> parseAliyunUtc(String text) {
        Instant t = readPlainAliyunUtc(text);
        if (t == null) {
            try {
                t = ALIYUN_UTC.parse(text, Instant::from);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        int year = t.atOffset(ZoneOffset.UTC).getYear();
        return year >= MIN_YEAR && year <= MAX_YEAR ? Optional.of(t) : Optional.empty();
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ssZ} with a real date and time, read by the RFC 3339 reader (Aliyun's form is its
     * usual shape at UTC, without a fraction and in capitals): an Aliyun call reads three (Timestamp, StartTime,
     * EndTime), and the formatter was 5 % of one. Null for anything else, which the formatter then decides.
     */
    private static Instant readPlainAliyunUtc(String text) {
        if (text.length() != 20 || text.charAt(10) != 'T' || text.charAt(19) != 'Z') {
            return null;
        }
        Rfc3339Time t = readPlainRfc3339(text);
        return t == null ? null : t.instant();
    }

    /**
     * The text of {@link Instant#toString}, written by hand when the instant is a whole second of years 0000-9999 (the
     * journal notes one per call, and the JDK's formatter was half a percent of one).
     */
    public static String formatInstant(Instant instant) {
        String text = instant.getNano() == 0 ? plainRfc3339(instant.getEpochSecond(), 0) : null;
        return text != null ? text : instant.toString();
    }

    /** {@code yyyy-MM-ddTHH:mm:ssZ}: the RFC 3339 text at UTC, which ends in "Z" as Aliyun's does. */
    public static String formatAliyunUtc(Instant instant) {
        return formatRfc3339(instant.getEpochSecond(), 0);
    }
}
