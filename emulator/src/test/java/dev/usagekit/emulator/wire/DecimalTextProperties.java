package dev.usagekit.emulator.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class DecimalTextProperties {

    private static String general(double value) {
        return WireCodec.JSON.writeValueAsString(value);
    }

    /** The text written at 3 into a buffer with exactly MAX_CHARS of room there; the bytes before are left alone. */
    private static String written(double value) {
        byte[] text = new byte[3 + DecimalText.MAX_CHARS];
        Arrays.fill(text, (byte) 'x');
        int length = DecimalText.writeValue(value, text, 3);
        assertThat(new String(text, 0, 3, StandardCharsets.US_ASCII)).isEqualTo("xxx");
        return length < 0 ? null : new String(text, 3, length, StandardCharsets.US_ASCII);
    }

    /** Every number of thousandths below 10^7 is written exactly as the general writer writes it. */
    @Property(tries = 20000)
    void thousandthsMatchTheGeneralWriter(@ForAll @LongRange(min = 0, max = 9_999_999_999L) long thousandths) {
        double value = thousandths / 1000.0;
        assertThat(written(value)).isEqualTo(general(value));
    }

    /** A count of thousandths is written as its double is, and counts out of range are declined. */
    @Property(tries = 20000)
    void countsOfThousandthsAreWrittenAsTheirDouble(
            @ForAll @LongRange(min = -1000, max = 10_000_000_999L) long thousandths) {
        byte[] text = new byte[DecimalText.MAX_CHARS];
        int length = DecimalText.writeThousandths(thousandths, text, 0);
        if (thousandths < 0 || thousandths >= 10_000_000_000L) {
            assertThat(length).isEqualTo(-1);
        } else {
            assertThat(new String(text, 0, length, StandardCharsets.US_ASCII)).isEqualTo(written(thousandths / 1000.0));
        }
    }

    /** Every integer part below 1 Gbps (written from a table) and the first one past it, with fractions of each length. */
    @Example
    void everyWholeBelowAThousand() {
        for (long whole = 0; whole <= 1000; whole++) {
            for (long fraction : new long[] {0, 1, 5, 10, 50, 100, 120, 123, 500, 999}) {
                double value = (whole * 1000 + fraction) / 1000.0;
                assertThat(written(value)).as("%d.%03d", whole, fraction).isEqualTo(general(value));
            }
        }
    }

    /** Any other double is declined, never written differently. */
    @Property(tries = 20000)
    void otherValuesAreDeclinedOrMatch(@ForAll double value) {
        String text = written(value);
        if (text != null) {
            assertThat(text).isEqualTo(general(value));
        }
    }

    @Example
    void edges() {
        assertThat(written(0.0)).isEqualTo("0.0");
        assertThat(written(0.001)).isEqualTo("0.001");
        assertThat(written(12.5)).isEqualTo("12.5");
        assertThat(written(120.04)).isEqualTo("120.04");
        assertThat(written(100.1)).isEqualTo("100.1");
        assertThat(written(7.007)).isEqualTo("7.007");
        assertThat(written(1_000_000.0)).isEqualTo("1000000.0");
        assertThat(written(9_999_999.999)).isEqualTo("9999999.999");
        assertThat(written(1e7)).as("E notation is left to the general writer").isNull();
        assertThat(written(-0.0)).isNull();
        assertThat(written(-1.5)).isNull();
        assertThat(written(0.0005)).isNull();
        assertThat(written(Double.NaN)).isNull();
        assertThat(written(1.0 / 3)).isNull();
    }
}
