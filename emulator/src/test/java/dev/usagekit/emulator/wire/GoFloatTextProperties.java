package dev.usagekit.emulator.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Doubles as Go's encoding/json writes them (the outputs below are Go's, from json.Marshal of a float64). */
class GoFloatTextProperties {

    @Example
    void goOutputs() {
        assertThat(GoFloatText.of(12.0)).isEqualTo("12");
        assertThat(GoFloatText.of(0.0)).isEqualTo("0");
        assertThat(GoFloatText.of(-0.0)).isEqualTo("-0");
        assertThat(GoFloatText.of(0.5)).isEqualTo("0.5");
        assertThat(GoFloatText.of(12.860403541550001)).isEqualTo("12.860403541550001");
        assertThat(GoFloatText.of(4.574784745358487E7)).isEqualTo("45747847.45358487");
        assertThat(GoFloatText.of(1e20)).isEqualTo("100000000000000000000");
        assertThat(GoFloatText.of(1e21)).isEqualTo("1e+21");
        assertThat(GoFloatText.of(1.5e300)).isEqualTo("1.5e+300");
        assertThat(GoFloatText.of(0.000001)).isEqualTo("0.000001");
        assertThat(GoFloatText.of(1e-7)).isEqualTo("1e-7");
        assertThat(GoFloatText.of(-1.25e-10)).isEqualTo("-1.25e-10");
        assertThat(GoFloatText.of(Double.MIN_NORMAL)).isEqualTo("2.2250738585072014e-308");
        assertThat(GoFloatText.of(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e+308");
        assertThat(GoFloatText.of(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    }

    @Example
    void theWireWritesRecordComponentsAndBoxedDoublesSo() {
        record Point(double upBandwidth, Double peak) {
        }
        assertThat(WireCodec.JSON.writeValueAsString(new Point(12.0, 3e7)))
                .isEqualTo("{\"UpBandwidth\":12,\"Peak\":30000000}");
    }

    @Example
    void notANumberHasNoText() {
        assertThatThrownBy(() -> GoFloatText.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GoFloatText.of(Double.NEGATIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Any finite double reads back as itself, in the notation its magnitude calls for, with no trailing zeros. */
    @Property(tries = 20000)
    void readsBackInTheRightNotation(@ForAll("finiteDoubles") double value) {
        String text = GoFloatText.of(value);
        assertThat(Double.parseDouble(text)).isEqualTo(value);
        double magnitude = Math.abs(value);
        boolean plain = value == 0 || (magnitude >= 1e-6 && magnitude < 1e21);
        assertThat(text.contains("e")).isEqualTo(!plain);
        String mantissa = plain ? text : text.substring(0, text.indexOf('e'));
        if (mantissa.contains(".")) {
            assertThat(mantissa).doesNotEndWith("0").doesNotEndWith(".");
        }
    }

    /** No more digits than the shortest text that reads back: the JDK 19+ Double.toString contract, which Go shares. */
    @Property(tries = 5000)
    void asShortAsJacksonsShortestWriter(@ForAll("finiteDoubles") double value) {
        if (value == 0) {
            return;
        }
        String text = GoFloatText.of(value);
        String shortest = tools.jackson.core.io.NumberOutput.toString(value, true);
        assertThat(significantDigits(text)).isEqualTo(significantDigits(shortest));
    }

    private static String significantDigits(String text) {
        String mantissa = text.toLowerCase().split("e")[0].replace("-", "").replace(".", "");
        return mantissa.replaceAll("^0+", "").replaceAll("0+$", "");
    }

    /**
     * jqwik's own doubles (small scale, round values) and any bit pattern: its default draws never come below 1e-6 nor
     * near the subnormals, where the notation switches to an exponent.
     */
    @Provide
    Arbitrary<Double> finiteDoubles() {
        return Arbitraries.oneOf(Arbitraries.doubles(),
                Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite));
    }
}
