package dev.usagekit.emulator.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Decodes {@code a=1&b=2} (query strings and form bodies) into names and values in arrival order. */
public final class FormUrlEncoded {

    private FormUrlEncoded() {
    }

    public static Map<String, List<String>> decode(String encoded) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return params;
        }
        for (int start = 0, end; start < encoded.length(); start = end + 1) {
            end = encoded.indexOf('&', start);
            if (end < 0) {
                end = encoded.length();
            }
            if (end == start) { // an empty pair, as in a&&b
                continue;
            }
            int eq = encoded.indexOf('=', start);
            if (eq < 0 || eq > end) {
                eq = end;
            }
            String name = decodeComponent(encoded.substring(start, eq));
            String value = eq == end ? "" : decodeComponent(encoded.substring(eq + 1, end));
            params.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
        }
        return params;
    }

    /** The first value of {@code name} in decoded parameters, or null when it was not sent. */
    public static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * Like URLDecoder, but a component with a malformed escape is kept exactly as sent, none of its escapes or
     * {@code +} decoded, instead of failing the whole request.
     */
    private static String decodeComponent(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s; // nothing to decode, the usual case (Action=...&Version=...)
        }
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
