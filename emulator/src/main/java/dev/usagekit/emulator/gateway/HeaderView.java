package dev.usagekit.emulator.gateway;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;

/** Received headers keyed by lower-case name, as both signing schemes canonicalise them. */
public final class HeaderView {

    private HeaderView() {
    }

    /**
     * The named headers that were received (names in any case), keyed by lower-case name, with repeated values joined
     * by commas. Only these are looked up: a signature covers a few headers, and walking all of them through Spring's
     * case-insensitive view was a few percent of a call.
     */
    public static Map<String, String> lowercased(HttpHeaders headers, Collection<String> names) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : names) {
            List<String> values = headers.get(name);
            if (values != null && !values.isEmpty()) {
                out.put(name.toLowerCase(Locale.ROOT), values.size() == 1 ? values.get(0) : String.join(",", values));
            }
        }
        return out;
    }
}
