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
        // index ranges instead of substrings: only the algorithm, names and values become strings
        int end = stripEnd(header, 0, header.length());
        int start = stripStart(header, 0, end);
        int space = indexOfWhitespace(header, start, end);
        if (space < 0) {
            throw new IllegalArgumentException("Authorization header has no fields after the algorithm");
        }
        String algorithm = header.substring(start, space);
        int restStart = stripStart(header, space, end);

        Map<String, String> fields = new LinkedHashMap<>();
        for (int from = restStart, comma; from <= end; from = comma + 1) {
            comma = header.indexOf(',', from);
            if (comma < 0 || comma > end) {
                comma = end;
            }
            int itemStart = stripStart(header, from, comma);
            int itemEnd = stripEnd(header, itemStart, comma);
            if (itemStart == itemEnd) {
                throw new IllegalArgumentException("Authorization header has an empty field");
            }
            int eq = header.indexOf('=', itemStart);
            if (eq <= itemStart || eq >= itemEnd) {
                throw new IllegalArgumentException("Authorization field '" + header.substring(itemStart, itemEnd)
                        + "' is not Name=value");
            }
            String name = header.substring(itemStart, stripEnd(header, itemStart, eq));
            String value = header.substring(stripStart(header, eq + 1, itemEnd), itemEnd);
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

    /** The first index in [from, to) that is not whitespace, or {@code to}. */
    private static int stripStart(String s, int from, int to) {
        while (from < to && Character.isWhitespace(s.charAt(from))) {
            from++;
        }
        return from;
    }

    /** One past the last index in [from, to) that is not whitespace, or {@code from}. */
    private static int stripEnd(String s, int from, int to) {
        while (to > from && Character.isWhitespace(s.charAt(to - 1))) {
            to--;
        }
        return to;
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
        return indexOfWhitespace(s, 0, s.length());
    }

    /** The first whitespace in [from, to), or -1. */
    private static int indexOfWhitespace(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
