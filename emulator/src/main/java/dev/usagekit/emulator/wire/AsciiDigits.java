package dev.usagekit.emulator.wire;

/** Fixed-width runs of ASCII digits in wire text, for the time stamps read by hand instead of by a formatter. */
public final class AsciiDigits {

    private AsciiDigits() {
    }

    /** True when every character in {@code [from, to)} is '0' to '9' (other Unicode digits are not). */
    public static boolean all(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The value of the digits in {@code [from, to)}, which {@link #all} has accepted; at most nine of them. */
    public static int value(CharSequence text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }
}
