package dev.usagekit.emulator.signing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RFC 3986 percent-encoding as used by the Volcengine and Aliyun signers: only
 * {@code A-Za-z0-9-_.~} are left as they are, every other UTF-8 byte becomes
 * {@code %XX} with uppercase hex.
 */
public final class Rfc3986 {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Rfc3986() {
    }

    /** Percent-encodes a decoded string; {@code null} encodes as the empty string. */
    public static String encode(String decoded) {
        if (decoded == null || decoded.isEmpty()) {
            return "";
        }
        byte[] bytes = decoded.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0x0F]);
            }
        }
        return out.toString();
    }

    /**
     * Canonical URI: each {@code /}-separated segment of the decoded path encoded on
     * its own, so the slashes survive. An empty path becomes {@code /}.
     */
    public static String encodePath(String decodedPath) {
        if (decodedPath == null || decodedPath.isEmpty()) {
            return "/";
        }
        String[] segments = decodedPath.split("/", -1);
        StringBuilder out = new StringBuilder(decodedPath.length() + 8);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                out.append('/');
            }
            out.append(encode(segments[i]));
        }
        return out.toString();
    }

    /**
     * Canonical query string from decoded names and values: pairs {@code name=value}
     * ordered by encoded name, then encoded value (encoded text is ASCII, so this is
     * byte order), joined by {@code &}. Empty values stay as {@code name=}; a
     * {@code null} value counts as empty; a name with an empty value list is left out,
     * as there is no pair to sign.
     */
    public static String canonicalQuery(Map<String, List<String>> decodedQuery) {
        if (decodedQuery == null || decodedQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : decodedQuery.entrySet()) {
            List<String> values = entry.getValue();
            if (values == null) {
                continue;
            }
            String name = encode(entry.getKey());
            for (String value : values) {
                pairs.add(new String[] {name, encode(value)});
            }
        }
        pairs.sort((a, b) -> {
            int byName = a[0].compareTo(b[0]);
            return byName != 0 ? byName : a[1].compareTo(b[1]);
        });
        StringBuilder out = new StringBuilder();
        for (String[] pair : pairs) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(pair[0]).append('=').append(pair[1]);
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~';
    }
}
