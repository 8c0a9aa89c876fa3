package dev.usagekit.emulator.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A JSON number binds into a Go integer exactly when {@code strconv.ParseInt} takes its literal (a minus sign and
 * digits, nothing else) and the value fits the type, judged on the node {@link WireCodec#JSON} reads.
 */
class GoIntegerTypeProperties {

    private static final BigInteger INT32_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT32_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private static boolean parseIntTakes(String literal, BigInteger min, BigInteger max) {
        if (!literal.matches("-?[0-9]+")) {
            return false;
        }
        BigInteger value = new BigInteger(literal);
        return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
    }

    private static boolean binds(GoIntegerType type, String literal) {
        return type.binds(WireCodec.JSON.readTree(literal));
    }

    @Property(tries = 500)
    void aNumberBindsExactlyWhenParseIntTakesItsLiteral(@ForAll("numberLiterals") String literal) {
        assertThat(binds(GoIntegerType.INT32, literal)).isEqualTo(parseIntTakes(literal, INT32_MIN, INT32_MAX));
        assertThat(binds(GoIntegerType.INT64, literal)).isEqualTo(parseIntTakes(literal, INT64_MIN, INT64_MAX));
    }

    @Example
    void goAnswers() {
        assertThat(binds(GoIntegerType.INT32, "86400")).isTrue();
        assertThat(binds(GoIntegerType.INT32, "-0")).isTrue();
        assertThat(binds(GoIntegerType.INT32, "86400.0")).isFalse();
        assertThat(binds(GoIntegerType.INT32, "-0.0")).isFalse();
        assertThat(binds(GoIntegerType.INT32, "3e2")).isFalse();
        assertThat(binds(GoIntegerType.INT32, "1e400")).isFalse();
        assertThat(binds(GoIntegerType.INT32, "2147483648")).isFalse();
        assertThat(binds(GoIntegerType.INT64, "2147483648")).isTrue();
        assertThat(binds(GoIntegerType.INT64, "9223372036854775808")).isFalse();
    }

    @Example
    void aSchemaFormatNamesTheType() {
        assertThat(GoIntegerType.ofFormat("int32")).isEqualTo(GoIntegerType.INT32);
        assertThat(GoIntegerType.ofFormat("int64")).isEqualTo(GoIntegerType.INT64);
        assertThat(GoIntegerType.ofFormat(null)).as("Go's int").isEqualTo(GoIntegerType.INT64);
    }

    /** Integers anywhere and at each type's edges, written plain, as -0, or with a fraction or an exponent. */
    @Provide
    Arbitrary<String> numberLiterals() {
        Arbitrary<BigInteger> anywhere = Arbitraries.bigIntegers().between(INT64_MIN.shiftLeft(4), INT64_MAX.shiftLeft(4));
        Arbitrary<BigInteger> nearEdges = Combinators.combine(Arbitraries.of(BigInteger.ZERO, INT32_MIN, INT32_MAX,
                INT64_MIN, INT64_MAX), Arbitraries.integers().between(-2, 2)).as((edge, d) -> edge.add(BigInteger.valueOf(d)));
        Arbitrary<String> suffixes = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.of(".0", ".5", ".000", "e0", "E2", "e+1", "e-0", "E-3"));
        return Combinators.combine(Arbitraries.oneOf(anywhere, nearEdges), suffixes, Arbitraries.of(false, true))
                .as((value, suffix, negativeZero) -> (negativeZero && value.signum() == 0 ? "-0" : value.toString())
                        + suffix);
    }
}
