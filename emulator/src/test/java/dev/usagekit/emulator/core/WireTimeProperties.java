package dev.usagekit.emulator.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
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
        assertThat(WireTime.formatRfc3339(epochSecond, offset))
                .isEqualTo(REFERENCE.format(Instant.ofEpochSecond(epochSecond).atOffset(offset)));
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
        WireTime.Rfc3339Series series = before.isEmpty() && after.isEmpty() ? new WireTime.Rfc3339Series(offset)
                : new WireTime.Rfc3339Series(offset, ascii(before), ascii(after));
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
        assertThat(WireTime.formatRfc3339(0, ZoneOffset.UTC)).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(WireTime.formatRfc3339(951_782_400L, ZoneOffset.ofHoursMinutes(-5, -30)))
                .isEqualTo("2000-02-28T18:30:00-05:30"); // the day before a century leap day
        assertThat(WireTime.formatRfc3339(0, ZoneOffset.ofTotalSeconds(3661)))
                .isEqualTo(REFERENCE.format(Instant.EPOCH.atOffset(ZoneOffset.ofTotalSeconds(3661))));
    }

    /** The hand-read usual shape accepts and rejects exactly what the strict formatter does, with the same value. */
    @Property(tries = 20_000)
    void rfc3339ParsingAgreesWithTheStrictFormatter(@ForAll("nearlyRfc3339") String text) {
        Optional<OffsetDateTime> expected;
        try {
            OffsetDateTime t = OffsetDateTime.parse(text, WireTime.RFC3339);
            expected = t.getYear() >= 0 && t.getYear() <= 9999 ? Optional.of(t) : Optional.empty();
        } catch (DateTimeParseException e) {
            expected = Optional.empty();
        }
        assertThat(WireTime.parseRfc3339(text)).as(text).isEqualTo(expected);
    }

    @Example
    void rfc3339ParsingOfTheUsualShapes() {
        assertThat(WireTime.parseRfc3339("2026-11-19T00:00:00+08:00"))
                .contains(OffsetDateTime.parse("2026-11-19T00:00:00+08:00"));
        assertThat(WireTime.parseRfc3339("2026-11-19t00:00:00.5z")).contains(OffsetDateTime.parse("2026-11-19T00:00:00.5Z"));
        assertThat(WireTime.parseRfc3339("2026-02-29T00:00:00Z")).isEmpty(); // not a leap year
        assertThat(WireTime.parseRfc3339("2026-11-19T00:00:00+18:01")).isEmpty();
        assertThat(WireTime.parseRfc3339("2026-11-19T00:00:00+0800")).isEmpty();
        assertThat(WireTime.parseRfc3339("1969-12-31T16:00:00-08:00")).contains(OffsetDateTime.parse("1970-01-01T00:00Z")
                .withOffsetSameInstant(ZoneOffset.ofHours(-8)));
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
