package dev.usagekit.emulator.core;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** RFC 3339 time stamps and near misses, for the properties that hold hand-written readers to a reference. */
public final class NearlyRfc3339 {

    private NearlyRfc3339() {
    }

    /** Texts of the usual shape with field values in and just out of range, now and then one character replaced. */
    public static Arbitrary<String> texts() {
        Arbitrary<String> date = Combinators.combine(number(0, 10_000, 4), number(0, 13, 2), number(0, 32, 2))
                .as((y, m, d) -> y + "-" + m + "-" + d);
        Arbitrary<String> time = Combinators.combine(number(0, 25, 2), number(0, 61, 2), number(0, 61, 2))
                .as((h, m, s) -> h + ":" + m + ":" + s);
        Arbitrary<String> fraction = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just("."),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(11).map(f -> "." + f));
        Arbitrary<String> offset = Arbitraries.oneOf(Arbitraries.of("Z", "z", "", "+08", "+0800", "+8:00", "-00:00"),
                Combinators.combine(Arbitraries.of("+", "-"), number(0, 25, 2), number(0, 61, 2))
                        .as((sign, h, m) -> sign + h + ":" + m));
        Arbitrary<String> text = Combinators.combine(date, Arbitraries.of("T", "t", " "), time, fraction, offset)
                .as((d, t, h, f, o) -> d + t + h + f + o);
        // now and then one character replaced, including by a digit that is not ASCII
        return Combinators.combine(text, Arbitraries.integers().between(0, 40), Arbitraries.of('0', '9', '-', ':', '.',
                'x', '+', 'Z', '\u0663')).as((t, at, c) -> at < t.length() && at % 3 == 0
                        ? t.substring(0, at) + c + t.substring(at + 1) : t);
    }

    private static Arbitrary<String> number(int from, int until, int width) {
        return Arbitraries.integers().between(from, until - 1)
                .map(v -> String.format(Locale.ROOT, "%0" + width + "d", v));
    }
}
