package dev.usagekit.emulator.signing;

/** Single-character changes for the "any change breaks the signature" tests. */
final class Tamper {

    private Tamper() {
    }

    /** Flips the lowest bit of the character at {@code index}, so the result always differs. */
    static String flip(String s, int index) {
        char[] chars = s.toCharArray();
        chars[index] ^= 0x01;
        return new String(chars);
    }
}
