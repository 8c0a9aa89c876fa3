package dev.usagekit.emulator.wire;

/** "00" to "99" as ASCII, two bytes each: numbers written by hand take two digits per division. */
public final class DigitPairs {

    private static final byte[] PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private DigitPairs() {
    }

    /** Writes {@code value} (0..99) as two digits at {@code at}. */
    public static void write(byte[] text, int at, int value) {
        text[at] = PAIRS[2 * value];
        text[at + 1] = PAIRS[2 * value + 1];
    }
}
