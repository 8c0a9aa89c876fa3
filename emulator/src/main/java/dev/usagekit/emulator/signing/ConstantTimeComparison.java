package dev.usagekit.emulator.signing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Compares signatures without leaking, through timing, how many leading characters match. */
public final class ConstantTimeComparison {

    private ConstantTimeComparison() {
    }

    /** {@code true} only when both are non-null and equal; {@code null} never matches. */
    public static boolean matches(String expected, String presented) {
        if (expected == null || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
