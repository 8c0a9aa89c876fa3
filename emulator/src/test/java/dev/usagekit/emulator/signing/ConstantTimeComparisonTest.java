package dev.usagekit.emulator.signing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConstantTimeComparisonTest {

    @Test
    void equalSignaturesMatch() {
        assertTrue(ConstantTimeComparison.matches("CT9X0VtwR86fNWSnsc6v8YGOjuE=", "CT9X0VtwR86fNWSnsc6v8YGOjuE="));
    }

    @Test
    void differentSignaturesDoNotMatch() {
        assertFalse(ConstantTimeComparison.matches("abcdef", "abcdeF"));
    }

    @Test
    void prefixDoesNotMatch() {
        assertFalse(ConstantTimeComparison.matches("abcdef", "abc"));
    }

    @Test
    void nullNeverMatches() {
        assertFalse(ConstantTimeComparison.matches(null, "a"));
        assertFalse(ConstantTimeComparison.matches("a", null));
        assertFalse(ConstantTimeComparison.matches(null, null));
    }

    @Test
    void emptyMatchesEmpty() {
        assertTrue(ConstantTimeComparison.matches("", ""));
    }
}
