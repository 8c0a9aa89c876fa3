package dev.usagekit.emulator.wire;

/**
 * The text of numbers that hold at most three decimals (kbps rounded to the thousandth), written without the general
 * shortest-round-trip algorithm. For these values the shortest decimal that reads back to the same double is the
 * thousandths themselves with trailing zeros dropped, so the text equals what Jackson and {@code Double.toString}
 * write. Values outside that case are left to the general writer.
 */
public final class DecimalText {

    /** From here on the general writers switch to E notation ("1.0E7"). */
    private static final double PLAIN_LIMIT = 1e7;

    /** Longest text written: seven integer digits, the point, three decimals. */
    public static final int MAX_CHARS = 11;

    private DecimalText() {
    }

    /**
     * Writes {@code value} as ASCII into {@code into} from {@code at} (room for {@link #MAX_CHARS} bytes) and returns
     * the length, or -1 when the value is not a non-negative number of thousandths below 10^7.
     */
    public static int writeThousandths(double value, byte[] into, int at) {
        if (!(value >= 0 && value < PLAIN_LIMIT) || Double.doubleToRawLongBits(value) == Long.MIN_VALUE) {
            return -1; // negative (or -0.0), NaN, too large
        }
        long thousandths = Math.round(value * 1000);
        if (thousandths / 1000.0 != value) {
            return -1;
        }
        int whole = (int) (thousandths / 1000);
        int fraction = (int) (thousandths % 1000);
        int end = at + writeDigits(whole, into, at);
        into[end++] = '.';
        into[end++] = (byte) ('0' + fraction / 100);
        int rest = fraction % 100;
        if (rest != 0) {
            into[end++] = (byte) ('0' + rest / 10);
            if (rest % 10 != 0) {
                into[end++] = (byte) ('0' + rest % 10);
            }
        }
        return end - at;
    }

    private static int writeDigits(int value, byte[] into, int at) {
        int length = value < 10 ? 1 : value < 100 ? 2 : value < 1000 ? 3 : value < 10_000 ? 4 : value < 100_000 ? 5
                : value < 1_000_000 ? 6 : 7;
        for (int i = at + length - 1; i >= at; i--) {
            into[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return length;
    }
}
