package dev.usagekit.emulator.gateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;

/** Received headers keyed by lower-case name, as both signing schemes canonicalise them. */
public final class HeaderView {

    private HeaderView() {
    }

    public static Map<String, String> lowercased(HttpHeaders headers) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : headers.headerSet()) {
            out.put(e.getKey().toLowerCase(Locale.ROOT), String.join(",", e.getValue()));
        }
        return out;
    }
}
