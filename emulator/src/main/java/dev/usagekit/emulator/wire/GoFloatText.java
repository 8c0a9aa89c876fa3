package dev.usagekit.emulator.wire;

import java.math.BigDecimal;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.NumberOutput;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * The text Go's {@code encoding/json} gives a float64, as the Volcengine services (written in Go) send their numbers:
 * the shortest digits that read back to the same double, in plain notation from 1e-6 to below 1e21 ({@code 12},
 * {@code 0.5}, {@code 45747847.45358487}, where Java writes {@code 12.0} and {@code 4.574784745358487E7}), and in E
 * notation outside it ({@code 1e-7}, {@code 1.5e+21}). A client reading {@code 12} as an integer, a golden file
 * recorded from the cloud or a string comparison sees the same text as from the cloud. (The digits are Java's shortest,
 * which for a few subnormals keep two where Go keeps one: 4.9e-324 for Go's 5e-324. No usage figure is that small.)
 */
public final class GoFloatText {

    /** Writes doubles as {@link #of(double)} does. */
    public static final ValueSerializer<Double> SERIALIZER = new ValueSerializer<>() {
        @Override
        public void serialize(Double value, JsonGenerator out, SerializationContext context) {
            out.writeNumber(of(value));
        }
    };

    private GoFloatText() {
    }

    /** @throws IllegalArgumentException for NaN and the infinities, which Go's encoder refuses as well */
    public static String of(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("JSON has no number for " + value);
        }
        if (value == 0) {
            return Double.doubleToRawLongBits(value) < 0 ? "-0" : "0";
        }
        String javaText = NumberOutput.toString(value, true);
        if (javaText.indexOf('E') < 0) { // Java writes plain from 1e-3 to below 1e7, inside Go's plain range
            return javaText.endsWith(".0") ? javaText.substring(0, javaText.length() - 2) : javaText;
        }
        BigDecimal shortest = new BigDecimal(javaText).stripTrailingZeros();
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-6 && magnitude < 1e21) {
            return shortest.toPlainString();
        }
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        StringBuilder text = new StringBuilder(digits.length() + 7);
        if (value < 0) {
            text.append('-');
        }
        text.append(digits.charAt(0));
        if (digits.length() > 1) {
            text.append('.').append(digits, 1, digits.length());
        }
        // strconv writes at least two exponent digits; encoding/json then drops the zero of "e-07"
        return text.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent)).toString();
    }
}
