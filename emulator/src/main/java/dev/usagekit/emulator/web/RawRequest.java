package dev.usagekit.emulator.web;

import io.netty.handler.codec.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.support.Netty4HeadersAdapter;

/**
 * An HTTP request as received: decoded query parameters in arrival order, headers, and the raw body. The
 * Authorization header is read once, as it is made: routing and both signature checks ask for it.
 */
public final class RawRequest {

    private static final byte[] NO_BODY = new byte[0];

    private final String method;
    private final String path;
    private final String rawQuery;
    private final Map<String, List<String>> query;
    private final HttpHeaders headers;
    private final byte[] body;
    private final String authorization;

    public RawRequest(String method, String path, String rawQuery, Map<String, List<String>> query,
            HttpHeaders headers, byte[] body) {
        this.method = method;
        this.path = path;
        this.rawQuery = rawQuery;
        this.query = query;
        this.headers = headers;
        this.body = body;
        this.authorization = authorizationOf(headers);
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** The query as sent, still encoded. */
    public String rawQuery() {
        return rawQuery;
    }

    /** The decoded query parameters, in arrival order. */
    public Map<String, List<String>> query() {
        return query;
    }

    public HttpHeaders headers() {
        return headers;
    }

    public byte[] body() {
        return body;
    }

    /** The Authorization header as {@link #authorizationOf} reads it, or null. */
    public String authorization() {
        return authorization;
    }

    /** The request Netty decoded, with its body; the headers are read through, not copied. */
    public static RawRequest of(HttpRequest head, byte[] body) {
        String target = originForm(head.uri());
        int q = target.indexOf('?');
        String rawQuery = q < 0 ? "" : target.substring(q + 1);
        return new RawRequest(head.method().name(), q < 0 ? target : target.substring(0, q), rawQuery,
                FormUrlEncoded.decode(rawQuery), new HttpHeaders(new Netty4HeadersAdapter(head.headers())), body);
    }

    /** A request whose head could not be decoded at all: the vendor detector falls back to its default. */
    public static RawRequest undecodable() {
        return new RawRequest("", "/", "", Map.of(), new HttpHeaders(), NO_BODY);
    }

    public static byte[] noBody() {
        return NO_BODY;
    }

    /** The path of a request target, without its query. */
    public static String pathOf(String target) {
        String origin = originForm(target);
        int q = origin.indexOf('?');
        return q < 0 ? origin : origin.substring(0, q);
    }

    /** The path and query of a request target, also when a client sent the absolute form (http://host/path?q). */
    static String originForm(String target) {
        if (target.startsWith("/")) {
            return target;
        }
        int scheme = target.indexOf("://");
        if (scheme < 0) {
            return target.startsWith("*") ? "/" : "/" + target;
        }
        int path = target.indexOf('/', scheme + 3);
        int query = target.indexOf('?', scheme + 3);
        if (path < 0 || (query >= 0 && query < path)) {
            return query < 0 ? "/" : "/" + target.substring(query);
        }
        return target.substring(path);
    }

    public String firstQuery(String name) {
        return FormUrlEncoded.first(query, name);
    }

    /** The named header's first value, as Go's {@code Header.Get} reads it. */
    public String header(String name) {
        return headers.getFirst(name);
    }

    /**
     * The Authorization header; sent on several lines, one value, the lines joined by ", " in order (as RFC 9110, 5.3
     * combines a list). Pact verifiers replay an Authorization recorded with commas as one line per part, so the
     * signature schemes' comma-separated fields arrive split.
     */
    static String authorizationOf(HttpHeaders headers) {
        List<String> values = headers.get("Authorization");
        if (values == null || values.isEmpty()) {
            return null;
        }
        return values.size() == 1 ? values.get(0) : String.join(", ", values);
    }
}
