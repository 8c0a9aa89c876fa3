package dev.usagekit.emulator.wire;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The text of a double that is a whole number of thousandths (kbps published as Mbps), written from that number
 * without the general shortest-round-trip algorithm. For these values the shortest decimal that reads back to the same
 * double is the thousandths themselves with trailing zeros dropped (and the point with them), so the text equals what
 * the general writer ({@link GoFloatText}) writes. Values outside that case are left to it.
 */
public final class DecimalText {

    /** Thousandths of 10^7: from there the integer part is longer than {@link #MAX_CHARS} allows for. */
    private static final long PLAIN_LIMIT_THOUSANDTHS = 10_000_000_000L;

    /** Longest text written: seven integer digits, the point, three decimals. */
    public static final int MAX_CHARS = 11;

    private static final VarHandle INT_AT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * The text after the integer part of each number of thousandths 0..999, as Go writes it ("", ".5", ".25", ".125":
     * trailing zeros dropped, and the point when nothing is left) in the low bytes of an int, so it is stored in one
     * write; its length in {@link #FRACTION_LENGTH}.
     */
    private static final int[] FRACTION_TEXT = new int[1000];
    private static final byte[] FRACTION_LENGTH = new byte[1000];
    /**
     * The digits of each integer part 0..999 (bandwidths below 1 Gbps, most of them) in the low bytes of an int, and
     * their count: written in one store, as the fraction is.
     */
    private static final int[] WHOLE_TEXT = new int[1000];
    private static final byte[] WHOLE_LENGTH = new byte[1000];

    static {
        byte[] digits = new byte[4];
        for (int whole = 0; whole < 1000; whole++) {
            WHOLE_LENGTH[whole] = (byte) writeDigits(whole, digits, 0);
            WHOLE_TEXT[whole] = (int) INT_AT.get(digits, 0);
        }
        for (int fraction = 0; fraction < 1000; fraction++) {
            int hundredths = fraction / 10 % 10;
            int thousandths = fraction % 10;
            int length = thousandths != 0 ? 4 : hundredths != 0 ? 3 : fraction != 0 ? 2 : 0;
            int text = length == 0 ? 0 : '.' | ('0' + fraction / 100) << 8;
            if (length > 2) {
                text |= ('0' + hundredths) << 16;
            }
            if (length > 3) {
                text |= ('0' + thousandths) << 24;
            }
            FRACTION_TEXT[fraction] = text;
            FRACTION_LENGTH[fraction] = (byte) length;
        }
    }

    private DecimalText() {
    }

    /**
     * Writes the text of the double {@code thousandths / 1000.0} as ASCII into {@code into} from {@code at} and
     * returns its length, or -1 for counts outside 0..10^10-1 (negative, or 10^7 and more, left to the general
     * writer). Known as a count, the value needs no rounding or division to be written. The
     * {@link #MAX_CHARS} bytes from {@code at} must be there; any of them past the returned length may have been
     * overwritten.
     */
    public static int writeThousandths(long thousandths, byte[] into, int at) {
        if (thousandths < 0 || thousandths >= PLAIN_LIMIT_THOUSANDTHS) {
            return -1;
        }
        int whole = (int) (thousandths / 1000);
        int fraction = (int) (thousandths - whole * 1000L);
        int end;
        if (whole < WHOLE_TEXT.length) { // 4 bytes stored, the ones past the digits overwritten by the fraction
            INT_AT.set(into, at, WHOLE_TEXT[whole]);
            end = at + WHOLE_LENGTH[whole];
        } else {
            end = at + writeDigits(whole, into, at);
        }
        INT_AT.set(into, end, FRACTION_TEXT[fraction]); // within MAX_CHARS: at most 7 digits, then 4 bytes
        return end + FRACTION_LENGTH[fraction] - at;
    }

    private static int writeDigits(int value, byte[] into, int at) {
        int length = value < 10 ? 1 : value < 100 ? 2 : value < 1000 ? 3 : value < 10_000 ? 4 : value < 100_000 ? 5
                : value < 1_000_000 ? 6 : 7;
        int i = at + length;
        while (value >= 100) {
            int rest = value / 100;
            i -= 2;
            DigitPairs.write(into, i, value - rest * 100);
            value = rest;
        }
        if (value >= 10) {
            DigitPairs.write(into, i - 2, value);
        } else {
            into[i - 1] = (byte) ('0' + value);
        }
        return length;
    }
}
