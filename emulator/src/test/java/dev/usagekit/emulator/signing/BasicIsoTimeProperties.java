package dev.usagekit.emulator.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class BasicIsoTimeProperties {

    /** The reading the signer used before: a shape check, then the strict formatters. */
    private static final Pattern X_DATE_SHAPE = Pattern.compile("\\d{8}T\\d{6}Z");
    private static final DateTimeFormatter X_DATE = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    @Property(tries = 20_000)
    void xDateReadsLikeTheStrictFormatter(@ForAll("nearlyXDate") String text) {
        Optional<LocalDateTime> expected = X_DATE_SHAPE.matcher(text).matches()
                ? attempt(t -> LocalDateTime.parse(t, X_DATE), text) : Optional.empty();
        assertThat(attempt(BasicIsoTime::dateTime, text)).as(text).isEqualTo(expected);
        assertThat(BasicIsoTime.isDateTimeShape(text)).as(text).isEqualTo(X_DATE_SHAPE.matcher(text).matches());
    }

    @Property(tries = 20_000)
    void scopeDateReadsLikeTheStrictFormatter(@ForAll("nearlyXDate") String text) {
        String date = text.substring(0, Math.min(8 + text.length() % 2, text.length()));
        Optional<LocalDate> expected = date.length() == 8 && date.chars().allMatch(c -> c >= '0' && c <= '9')
                ? attempt(t -> LocalDate.parse(t, SHORT_DATE), date) : Optional.empty();
        assertThat(attempt(BasicIsoTime::date, date)).as(date).isEqualTo(expected);
    }

    @Example
    void aLeapDayAndItsAbsence() {
        assertThat(BasicIsoTime.dateTime("20240229T235959Z")).isEqualTo(LocalDateTime.of(2024, 2, 29, 23, 59, 59));
        assertThatThrownBy(() -> BasicIsoTime.date("20260229")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> BasicIsoTime.dateTime("20260101T240000Z")).isInstanceOf(DateTimeException.class);
    }

    private static <T> Optional<T> attempt(Function<String, T> read, String text) {
        try {
            return Optional.of(read.apply(text));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    @Provide
    Arbitrary<String> nearlyXDate() {
        Arbitrary<String> text = Combinators.combine(number(0, 10_000, 4), number(0, 13, 2), number(0, 32, 2),
                Arbitraries.of("T", "t", ""), number(0, 25, 2), number(0, 61, 2), number(0, 61, 2),
                Arbitraries.of("Z", "z", "", "ZZ")).as((y, mo, d, t, h, mi, s, z) -> y + mo + d + t + h + mi + s + z);
        // now and then one character replaced, including by a digit that is not ASCII
        return Combinators.combine(text, Arbitraries.integers().between(0, 30),
                Arbitraries.of('0', '9', 'T', 'Z', '-', ' ', '\u0663')).as((t, at, c) -> at < t.length() && at % 3 == 0
                        ? t.substring(0, at) + c + t.substring(at + 1) : t);
    }

    private static Arbitrary<String> number(int from, int until, int width) {
        return Arbitraries.integers().between(from, until - 1)
                .map(v -> String.format(Locale.ROOT, "%0" + width + "d", v));
    }
}
