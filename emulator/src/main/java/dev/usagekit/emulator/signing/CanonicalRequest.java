package dev.usagekit.emulator.signing;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The canonical request layout shared by Volcengine HMAC-SHA256 and Aliyun
 * ACS3-HMAC-SHA256: method, URI, query, header block, signed-header list, payload hash.
 */
final class CanonicalRequest {

    private CanonicalRequest() {
    }

    /** Header block (each line ending in a newline) and the {@code ;}-joined names. */
    record Headers(String block, String signedHeaderLine) {
    }

    /**
     * Builds the header part from the names the client says it signed. Names are
     * lowercased, de-duplicated and sorted; lookups ignore case; a signed header
     * that was not received contributes an empty value, as in the SDKs.
     */
    static Headers headers(Map<String, String> headers, List<String> signedHeaders) {
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            byName.putAll(headers);
        }
        TreeSet<String> names = new TreeSet<>();
        if (signedHeaders != null) {
            for (String name : signedHeaders) {
                names.add(name.trim().toLowerCase(Locale.ROOT));
            }
        }
        StringBuilder block = new StringBuilder();
        for (String name : names) {
            String value = byName.get(name);
            block.append(name).append(':').append(value == null ? "" : value.trim()).append('\n');
        }
        return new Headers(block.toString(), String.join(";", names));
    }

    static String build(String method, String path, Map<String, List<String>> decodedQuery,
            String headerBlock, String signedHeaderLine, String payloadHashHex) {
        return String.join("\n",
                method,
                Rfc3986.encodePath(path),
                Rfc3986.canonicalQuery(decodedQuery),
                headerBlock,
                signedHeaderLine,
                payloadHashHex);
    }
}
