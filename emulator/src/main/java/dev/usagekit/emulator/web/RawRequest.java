package dev.usagekit.emulator.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;

/** An HTTP request as received: decoded query parameters in arrival order, headers, and the raw body. */
public record RawRequest(String method, String path, String rawQuery, Map<String, List<String>> query,
        HttpHeaders headers, byte[] body) {

    public String firstQuery(String name) {
        return FormUrlEncoded.first(query, name);
    }

    public String header(String name) {
        return headers.getFirst(name);
    }
}
