package dev.usagekit.emulator.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;

class WireTimeProperties {

    private static final DateTimeFormatter REFERENCE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    /** The hand-written formatter says exactly what the pattern says, for every instant of years 1970..9999. */
    @Property(tries = 5000)
    void rfc3339TextMatchesTheFormatterPattern(@ForAll @LongRange(min = 0, max = 253_402_300_799L) long epochSecond,
            @ForAll @IntRange(min = -18 * 4, max = 18 * 4) int quarterHours) {
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(quarterHours * 900);
        assertThat(WireTime.formatRfc3339(epochSecond, offset.getTotalSeconds()))
                .isEqualTo(REFERENCE.format(Instant.ofEpochSecond(epochSecond).atOffset(offset)));
    }

    /**
     * Beyond ±18:00, where no ZoneOffset reaches and the pattern cannot write: the local time at the offset, then the
     * offset, in any year (past 9999 too).
     */
    @Property(tries = 5000)
    void rfc3339TextOfAnOffsetBeyondEighteenHoursIsItsLocalTimeAndOffset(
            @ForAll @LongRange(min = 0, max = 400_000_000_000L) long epochSecond,
            @ForAll @IntRange(min = 18 * 60 + 1, max = 23 * 60 + 59) int offsetMinutes, @ForAll boolean west) {
        int offsetSeconds = (west ? -60 : 60) * offsetMinutes;
        String local = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
                .format(LocalDateTime.ofEpochSecond(epochSecond + offsetSeconds, 0, ZoneOffset.UTC));
        String offset = String.format(Locale.ROOT, "%s%02d:%02d", west ? "-" : "+", offsetMinutes / 60,
                offsetMinutes % 60);
        assertThat(WireTime.formatRfc3339(epochSecond, offsetSeconds)).isEqualTo(local + offset);
    }

    /** The request-id stamp is the pattern's, in years 1970..9999 and (through the formatter) beyond. */
    @Property(tries = 5000)
    void digitsMatchTheFormatterPattern(@ForAll @LongRange(min = 0, max = 400_000_000_000L) long epochSecond,
            @ForAll @IntRange(min = -18 * 4, max = 18 * 4) int quarterHours) {
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(quarterHours * 900);
        assertThat(WireTime.formatDigits(epochSecond, offset)).isEqualTo(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
                .format(Instant.ofEpochSecond(epochSecond).atOffset(offset)));
    }

    /** The journal's instants read as {@link Instant#toString} writes them, whole seconds or not, any year. */
    @Property(tries = 5000)
    void instantTextIsTheJdksText(@ForAll @LongRange(min = -400_000_000_000L, max = 400_000_000_000L) long epochSecond,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos, @ForAll boolean wholeSecond) {
        Instant instant = Instant.ofEpochSecond(epochSecond, wholeSecond ? 0 : nanos);
        assertThat(WireTime.formatInstant(instant)).isEqualTo(instant.toString());
    }

    @Example
    void instantTextOfAServedUntil() {
        assertThat(WireTime.formatInstant(Instant.parse("2026-11-20T11:45:00Z"))).isEqualTo("2026-11-20T11:45:00Z");
    }

    @Example
    void digitsOfABeijingMorning() {
        assertThat(WireTime.formatDigits(Instant.parse("2024-01-01T00:00:00Z").getEpochSecond(), ZoneOffset.ofHours(8)))
                .isEqualTo("20240101080000");
    }

    /**
     * Walking through a series (any step, forwards or back, across days and years), each text is the formatter's,
     * between the fixed bytes given, at any position.
     */
    @Property(tries = 500)
    void rfc3339SeriesWritesWhatTheFormatterWrites(@ForAll @LongRange(min = 0, max = 253_402_000_000L) long first,
            @ForAll @IntRange(min = -200_000, max = 200_000) int step, @ForAll @IntRange(max = 400) int count,
            @ForAll @IntRange(min = -18 * 4, max = 18 * 4) int quarterHours, @ForAll @IntRange(max = 20) int at,
            @ForAll @StringLength(max = 20) @CharRange(from = ' ', to = '~') String before,
            @ForAll @StringLength(max = 20) @CharRange(from = ' ', to = '~') String after) {
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(quarterHours * 900);
        int seconds = offset.getTotalSeconds();
        WireTime.Rfc3339Series series = before.isEmpty() && after.isEmpty() ? new WireTime.Rfc3339Series(seconds)
                : new WireTime.Rfc3339Series(seconds, ascii(before), ascii(after));
        byte[] into = new byte[at + before.length() + WireTime.RFC3339_MAX_CHARS + after.length()];
        for (int i = 0; i < count; i++) {
            long second = first + (long) i * step;
            String expected = REFERENCE.format(Instant.ofEpochSecond(second).atOffset(offset));
            int length = series.write(second, into, at);
            if (expected.length() > WireTime.RFC3339_MAX_CHARS || expected.startsWith("+")) {
                assertThat(length).isEqualTo(-1); // past year 9999: left to the formatter
            } else {
                assertThat(new String(into, at, length, StandardCharsets.US_ASCII))
                        .isEqualTo(before + expected + after);
            }
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Example
    void rfc3339OfBoundaries() {
        assertThat(WireTime.formatRfc3339(Instant.parse("2026-11-18T16:00:00Z"), ZoneOffset.ofHours(8)))
                .isEqualTo("2026-11-19T00:00:00+08:00");
        assertThat(WireTime.formatRfc3339(0, 0)).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(WireTime.formatRfc3339(951_782_400L, -(5 * 3600 + 30 * 60)))
                .isEqualTo("2000-02-28T18:30:00-05:30"); // the day before a century leap day
        assertThat(WireTime.formatRfc3339(0, 3661))
                .isEqualTo(REFERENCE.format(Instant.EPOCH.atOffset(ZoneOffset.ofTotalSeconds(3661))));
        assertThat(WireTime.formatRfc3339(Instant.parse("2026-11-18T05:00:00Z").getEpochSecond(), 19 * 3600))
                .isEqualTo("2026-11-19T00:00:00+19:00");
    }

    /** An offset "±hh:mm" ending a text, in RFC 3339's range (hh 00-23, mm 00-59), which ZoneOffset stops short of. */
    private static final Pattern RFC3339_OFFSET = Pattern.compile("([+-])([01][0-9]|2[0-3]):([0-5][0-9])$");

    /**
     * The hand-read usual shape accepts and rejects exactly what the strict formatter does, with the same value; with
     * an offset of RFC 3339's range, the formatter reads the local time at UTC and the offset is taken off by hand.
     */
    @Property(tries = 20_000)
    void rfc3339ParsingAgreesWithTheStrictFormatter(@ForAll("nearlyRfc3339") String text) {
        Matcher offset = RFC3339_OFFSET.matcher(text);
        int offsetSeconds = !offset.find() ? 0 : (offset.group(1).equals("-") ? -1 : 1)
                * (Integer.parseInt(offset.group(2)) * 3600 + Integer.parseInt(offset.group(3)) * 60);
        String atUtc = offset.find(0) ? text.substring(0, offset.start()) + "Z" : text;
        Optional<WireTime.Rfc3339Time> expected;
        try {
            OffsetDateTime t = OffsetDateTime.parse(atUtc, WireTime.RFC3339);
            expected = t.getYear() >= 0 && t.getYear() <= 9999
                    ? Optional.of(new WireTime.Rfc3339Time(t.toInstant().minusSeconds(offsetSeconds), offsetSeconds))
                    : Optional.empty();
        } catch (DateTimeParseException e) {
            expected = Optional.empty();
        }
        assertThat(WireTime.parseRfc3339(text)).as(text).isEqualTo(expected);
    }

    /** Any offset up to ±23:59 names the instant the arithmetic gives: the local time less the offset. */
    @Property(tries = 5000)
    void anOffsetUpToTwentyFourHoursNamesTheLocalTimeLessTheOffset(
            @ForAll @LongRange(min = -62_167_219_200L, max = 253_402_300_799L) long localSecond,
            @ForAll @IntRange(max = 999_999_999) int nanos, @ForAll boolean withFraction,
            @ForAll @IntRange(min = -(23 * 60 + 59), max = 23 * 60 + 59) int offsetMinutes) {
        LocalDateTime local = LocalDateTime.ofEpochSecond(localSecond, withFraction ? nanos : 0, ZoneOffset.UTC);
        String text = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").format(local)
                + (withFraction ? String.format(Locale.ROOT, ".%09d", nanos) : "")
                + String.format(Locale.ROOT, "%s%02d:%02d", offsetMinutes < 0 ? "-" : "+", Math.abs(offsetMinutes) / 60,
                        Math.abs(offsetMinutes) % 60);

        assertThat(WireTime.parseRfc3339(text)).as(text).contains(new WireTime.Rfc3339Time(
                Instant.ofEpochSecond(localSecond - offsetMinutes * 60L, local.getNano()), offsetMinutes * 60));
    }

    @Example
    void rfc3339ParsingOfTheUsualShapes() {
        assertThat(WireTime.parseRfc3339("2026-11-19T00:00:00+08:00"))
                .contains(new WireTime.Rfc3339Time(Instant.parse("2026-11-18T16:00:00Z"), 8 * 3600));
        assertThat(WireTime.parseRfc3339("2026-11-19t00:00:00.5z"))
                .contains(new WireTime.Rfc3339Time(Instant.parse("2026-11-19T00:00:00.5Z"), 0));
        assertThat(WireTime.parseRfc3339("2026-02-29T00:00:00Z")).isEmpty(); // not a leap year
        assertThat(WireTime.parseRfc3339("2026-11-19T00:00:00+18:01"))
                .contains(new WireTime.Rfc3339Time(Instant.parse("2026-11-18T05:59:00Z"), 18 * 3600 + 60));
        assertThat(WireTime.parseRfc3339("2026-11-19T00:00:00-23:59"))
                .contains(new WireTime.Rfc3339Time(Instant.parse("2026-11-19T23:59:00Z"), -(23 * 3600 + 59 * 60)));
        assertThat(WireTime.parseRfc3339("2026-11-19T00:00:00+24:00")).isEmpty(); // RFC 3339's time-hour is 00-23
        assertThat(WireTime.parseRfc3339("2026-11-19T00:00:00+08:60")).isEmpty();
        assertThat(WireTime.parseRfc3339("2026-11-19T00:00:00+0800")).isEmpty();
        assertThat(WireTime.parseRfc3339("1969-12-31T16:00:00-08:00"))
                .contains(new WireTime.Rfc3339Time(Instant.EPOCH, -8 * 3600));
        assertThat(WireTime.parseRfc3339("0000-01-01T00:00:00Z")).isPresent();
    }

    /** Aliyun's UTC form, as its strict formatter reads it: hand-read for the usual shape, the same answer for any. */
    private static final DateTimeFormatter ALIYUN_REFERENCE = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC).withResolverStyle(ResolverStyle.STRICT);

    @Property(tries = 20_000)
    void aliyunUtcParsingAgreesWithTheStrictFormatter(@ForAll("nearlyRfc3339") String text) {
        Optional<Instant> expected;
        try {
            Instant t = ALIYUN_REFERENCE.parse(text, Instant::from);
            int year = t.atOffset(ZoneOffset.UTC).getYear();
            expected = year >= 0 && year <= 9999 ? Optional.of(t) : Optional.empty();
        } catch (DateTimeParseException e) {
            expected = Optional.empty();
        }
        assertThat(WireTime.parseAliyunUtc(text)).as(text).isEqualTo(expected);
    }

    @Property(tries = 5000)
    void aliyunUtcTextMatchesTheFormatter(@ForAll @LongRange(min = -62_135_596_800L, max = 400_000_000_000L)
            long epochSecond, @ForAll @IntRange(max = 999_999_999) int nanos) {
        Instant instant = Instant.ofEpochSecond(epochSecond, nanos);
        assertThat(WireTime.formatAliyunUtc(instant)).isEqualTo(ALIYUN_REFERENCE.format(instant));
    }

    @Example
    void aliyunUtcOfTheUsualShapes() {
        assertThat(WireTime.parseAliyunUtc("2026-11-19T16:00:00Z")).contains(Instant.parse("2026-11-19T16:00:00Z"));
        assertThat(WireTime.parseAliyunUtc("2026-11-19t16:00:00Z")).isEmpty();
        assertThat(WireTime.parseAliyunUtc("2026-11-19T16:00:00z")).isEmpty();
        assertThat(WireTime.parseAliyunUtc("2026-11-19T16:00Z")).isEmpty();
        assertThat(WireTime.parseAliyunUtc("2026-02-29T00:00:00Z")).isEmpty();
        assertThat(WireTime.formatAliyunUtc(Instant.parse("2026-11-19T16:00:00.75Z"))).isEqualTo("2026-11-19T16:00:00Z");
    }

    @Provide
    Arbitrary<String> nearlyRfc3339() {
        return NearlyRfc3339.texts();
    }
}
