package dev.usagekit.emulator.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Rfc3986Test {

    @Test
    void unreservedCharactersAreKept() {
        String unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";
        assertEquals(unreserved, Rfc3986.encode(unreserved));
    }

    @Test
    void spaceBecomesPercent20NotPlus() {
        assertEquals("a%20b", Rfc3986.encode("a b"));
    }

    @Test
    void asteriskIsEncoded() {
        assertEquals("%2A", Rfc3986.encode("*"));
    }

    @Test
    void tildeIsNotEncoded() {
        assertEquals("~", Rfc3986.encode("~"));
    }

    @Test
    void plusIsEncodedSoItCannotBeReadAsSpace() {
        assertEquals("%2B", Rfc3986.encode("+"));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
        ":|%3A", "/|%2F", "?|%3F", "#|%23", "[|%5B", "]|%5D", "@|%40", "!|%21", "$|%24", "&|%26",
        "'|%27", "(|%28", ")|%29", ",|%2C", ";|%3B", "=|%3D", "%|%25", "\"|%22", "<|%3C", ">|%3E",
        "\\|%5C", "`|%60", "{|%7B", "}|%7D",
    })
    void reservedAndOtherAsciiCharactersAreEncoded(String raw, String encoded) {
        assertEquals(encoded, Rfc3986.encode(raw));
    }

    @Test
    void caretAndPipeAreEncoded() {
        assertEquals("%5E%7C", Rfc3986.encode("^|"));
    }

    @Test
    void hexDigitsAreUppercase() {
        assertEquals("%C3%A9", Rfc3986.encode("\u00e9"));
    }

    @Test
    void nonAsciiIsEncodedAsUtf8Bytes() {
        assertEquals("%E4%B8%AD%E6%96%87", Rfc3986.encode("\u4e2d\u6587"));
    }

    @Test
    void supplementaryCharacterIsEncodedAsFourUtf8Bytes() {
        assertEquals("%F0%9F%98%80", Rfc3986.encode("\uD83D\uDE00"));
    }

    @Test
    void controlCharactersAreEncoded() {
        assertEquals("%00%0A%7F", Rfc3986.encode("\u0000\n\u007F"));
    }

    @Test
    void emptyAndNullEncodeToEmpty() {
        assertEquals("", Rfc3986.encode(""));
        assertEquals("", Rfc3986.encode(null));
    }

    @Test
    void timestampValueMatchesTheSpecExamples() {
        assertEquals("2024-01-01T00%3A00%3A00Z", Rfc3986.encode("2024-01-01T00:00:00Z"));
        assertEquals("slidelive%2Cuniversal", Rfc3986.encode("slidelive,universal"));
    }

    @Test
    void emptyPathBecomesSlash() {
        assertEquals("/", Rfc3986.encodePath(""));
        assertEquals("/", Rfc3986.encodePath(null));
    }

    @Test
    void pathSegmentsAreEncodedButSlashesKept() {
        assertEquals("/", Rfc3986.encodePath("/"));
        assertEquals("/a%20b/c%2Ad/", Rfc3986.encodePath("/a b/c*d/"));
    }

    @Test
    void canonicalQuerySortsByName() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("Version", List.of("2023-01-01"));
        query.put("Action", List.of("DescribeLiveTranscodeData"));
        assertEquals("Action=DescribeLiveTranscodeData&Version=2023-01-01", Rfc3986.canonicalQuery(query));
    }

    @Test
    void canonicalQuerySortsInByteOrderSoUppercaseComesFirst() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("b", List.of("1"));
        query.put("a", List.of("2"));
        query.put("B", List.of("3"));
        assertEquals("B=3&a=2&b=1", Rfc3986.canonicalQuery(query));
    }

    @Test
    void canonicalQuerySortsByEncodedNameNotDecodedName() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("a.", List.of("1"));
        query.put("a/", List.of("2"));
        query.put("~", List.of("3"));
        query.put("\u00e9", List.of("4"));
        // Decoded, "a." sorts before "a/" and "~" before e-acute; encoded, '%' sorts first.
        assertEquals("%C3%A9=4&a%2F=2&a.=1&~=3", Rfc3986.canonicalQuery(query));
    }

    @Test
    void canonicalQuerySortsRepeatedNamesByValue() {
        Map<String, List<String>> query = Map.of("k", List.of("b", "a", "C"));
        assertEquals("k=C&k=a&k=b", Rfc3986.canonicalQuery(query));
    }

    @Test
    void canonicalQueryKeepsEmptyValues() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("SignatureType", List.of(""));
        query.put("A", List.of("1"));
        assertEquals("A=1&SignatureType=", Rfc3986.canonicalQuery(query));
    }

    @Test
    void canonicalQueryTreatsNullValueAsEmpty() {
        List<String> values = new ArrayList<>();
        values.add(null);
        assertEquals("k=", Rfc3986.canonicalQuery(Map.of("k", values)));
    }

    @Test
    void canonicalQueryLeavesOutNamesWithoutValues() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("gone", List.of());
        query.put("kept", List.of("1"));
        assertEquals("kept=1", Rfc3986.canonicalQuery(query));
    }

    @Test
    void canonicalQueryEncodesNamesAndValues() {
        Map<String, List<String>> query = Map.of("a b*", List.of("x y+z/\u00e9"));
        assertEquals("a%20b%2A=x%20y%2Bz%2F%C3%A9", Rfc3986.canonicalQuery(query));
    }

    @Test
    void emptyOrNullQueryIsEmptyString() {
        assertEquals("", Rfc3986.canonicalQuery(Map.of()));
        assertEquals("", Rfc3986.canonicalQuery(null));
    }
}
