package dev.usagekit.emulator.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class DecimalTextProperties {

    /** What the wire's JSON writer writes for the double of that many thousandths. */
    private static String general(long thousandths) {
        return WireCodec.JSON.writeValueAsString(thousandths / 1000.0);
    }

    /** The text written at 3 into a buffer with exactly MAX_CHARS of room there; the bytes before are left alone. */
    private static String written(long thousandths) {
        byte[] text = new byte[3 + DecimalText.MAX_CHARS];
        Arrays.fill(text, (byte) 'x');
        int length = DecimalText.writeThousandths(thousandths, text, 3);
        assertThat(new String(text, 0, 3, StandardCharsets.US_ASCII)).isEqualTo("xxx");
        return length < 0 ? null : new String(text, 3, length, StandardCharsets.US_ASCII);
    }

    /** Every count of thousandths below 10^7 is written exactly as the general writer writes its double. */
    @Property(tries = 20000)
    void thousandthsMatchTheGeneralWriter(@ForAll @LongRange(min = 0, max = 9_999_999_999L) long thousandths) {
        assertThat(written(thousandths)).isEqualTo(general(thousandths));
    }

    /** Counts below 0 and from 10^7 on are declined, never written. */
    @Property(tries = 5000)
    void countsOutOfRangeAreDeclined(@ForAll long thousandths) {
        if (thousandths < 0 || thousandths >= 10_000_000_000L) {
            assertThat(written(thousandths)).isNull();
        } else {
            assertThat(written(thousandths)).isEqualTo(general(thousandths));
        }
    }

    /** Every integer part below 1 Gbps (written from a table) and the first one past it, with fractions of each length. */
    @Example
    void everyWholeBelowAThousand() {
        for (long whole = 0; whole <= 1000; whole++) {
            for (long fraction : new long[] {0, 1, 5, 10, 50, 100, 120, 123, 500, 999}) {
                long thousandths = whole * 1000 + fraction;
                assertThat(written(thousandths)).as("%d.%03d", whole, fraction).isEqualTo(general(thousandths));
            }
        }
    }

    @Example
    void edges() {
        assertThat(written(0)).isEqualTo("0");
        assertThat(written(1)).isEqualTo("0.001");
        assertThat(written(12_500)).isEqualTo("12.5");
        assertThat(written(120_040)).isEqualTo("120.04");
        assertThat(written(100_100)).isEqualTo("100.1");
        assertThat(written(7_007)).isEqualTo("7.007");
        assertThat(written(12_000)).isEqualTo("12");
        assertThat(written(1_000_000_000)).isEqualTo("1000000");
        assertThat(written(9_999_999_999L)).isEqualTo("9999999.999");
        assertThat(written(10_000_000_000L)).as("left to the general writer").isNull();
        assertThat(written(-1)).isNull();
        assertThat(written(Long.MIN_VALUE)).isNull();
    }
}
