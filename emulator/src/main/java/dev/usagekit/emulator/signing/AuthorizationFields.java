package dev.usagekit.emulator.signing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits {@code ALGORITHM Name=value, Name=value, ...} into its algorithm and fields,
 * tolerating any whitespace around the commas and the equals signs.
 */
final class AuthorizationFields {

    private AuthorizationFields() {
    }

    record Parsed(String algorithm, Map<String, String> fields) {
    }

    /**
     * @param required the field names that must each appear exactly once; no others are allowed
     * @throws IllegalArgumentException with a human-readable reason when the shape is wrong
     */
    static Parsed parse(String header, List<String> required) {
        if (header == null || header.isBlank()) {
            throw new IllegalArgumentException("Authorization header is missing or empty");
        }
        String trimmed = header.strip();
        int space = indexOfWhitespace(trimmed);
        if (space < 0) {
            throw new IllegalArgumentException("Authorization header has no fields after the algorithm");
        }
        String algorithm = trimmed.substring(0, space);
        String rest = trimmed.substring(space).strip();

        Map<String, String> fields = new LinkedHashMap<>();
        for (int start = 0, end; start <= rest.length(); start = end + 1) {
            end = rest.indexOf(',', start);
            if (end < 0) {
                end = rest.length();
            }
            String item = rest.substring(start, end).strip();
            if (item.isEmpty()) {
                throw new IllegalArgumentException("Authorization header has an empty field");
            }
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("Authorization field '" + item + "' is not Name=value");
            }
            String name = item.substring(0, eq).strip();
            String value = item.substring(eq + 1).strip();
            if (!required.contains(name)) {
                throw new IllegalArgumentException("Authorization header has an unknown field '" + name + "'");
            }
            if (fields.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException("Authorization field '" + name + "' appears more than once");
            }
        }
        for (String name : required) {
            if (!fields.containsKey(name)) {
                throw new IllegalArgumentException("Authorization header lacks the " + name + " field");
            }
        }
        return new Parsed(algorithm, fields);
    }

    /** Splits a {@code a;b;c} list, lowercasing names and rejecting empty or blank-containing ones. */
    static List<String> signedHeaderNames(String list) {
        if (list.isEmpty()) {
            return List.of();
        }
        List<String> lowered = new ArrayList<>(8);
        for (int start = 0, end; start <= list.length(); start = end + 1) {
            end = list.indexOf(';', start);
            if (end < 0) {
                end = list.length();
            }
            String name = list.substring(start, end);
            if (name.isEmpty() || indexOfWhitespace(name) >= 0) {
                throw new IllegalArgumentException("SignedHeaders '" + list + "' contains an invalid header name");
            }
            lowered.add(name.toLowerCase(Locale.ROOT));
        }
        return List.copyOf(lowered);
    }

    static boolean isHex(String value, int length) {
        if (value.length() != length) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.digit(value.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
