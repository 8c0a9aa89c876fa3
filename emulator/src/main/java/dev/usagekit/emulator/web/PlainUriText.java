package dev.usagekit.emulator.web;

import java.util.HexFormat;

/**
 * Text that {@link java.net.URI} accepts whatever it is followed by or preceded by in {@link ConnectionGuard}'s
 * check: a host made of letters, digits, {@code - . _ ~ :}, and a request target made of the characters a path and
 * query may hold unescaped plus well-formed percent escapes. Anything else is left to the full parse.
 */
final class PlainUriText {

    /** {@code a-z A-Z 0-9 - . _ ~} and the sub-delimiters and separators URI takes in a path or query. */
    private static final boolean[] TARGET = new boolean[128];
    private static final boolean[] HOST = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            TARGET[c] = HOST[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            TARGET[c] = HOST[c] = true;
            TARGET[Character.toUpperCase(c)] = HOST[Character.toUpperCase(c)] = true;
        }
        for (char c : "-._~:".toCharArray()) {
            TARGET[c] = HOST[c] = true;
        }
        for (char c : "/?=&+,;@$!*'()".toCharArray()) {
            TARGET[c] = true;
        }
    }

    private PlainUriText() {
    }

    static boolean isHost(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 128 || !HOST[c]) {
                return false;
            }
        }
        return true;
    }

    static boolean isRequestTarget(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || !HexFormat.isHexDigit(text.charAt(i + 1))
                        || !HexFormat.isHexDigit(text.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            } else if (c >= 128 || !TARGET[c]) {
                return false;
            }
        }
        return true;
    }
}
