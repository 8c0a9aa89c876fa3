package dev.usagekit.emulator.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why a call ended as it did: each stage notes what it decided (rule fired, throttle state, buckets trimmed...).
 * Not thread-safe: a call is answered and recorded on one event loop, start to end.
 */
public final class CallTrace {

    private final Map<String, Object> details = new LinkedHashMap<>();

    public CallTrace note(String key, Object value) {
        details.put(key, value);
        return this;
    }

    /** The error a call ended with, as the journal and the meters read it: its code, kind and problem if known. */
    public CallTrace noteError(ApiError error) {
        note("errorCode", error.code()).note("errorKind", error.kind().name());
        return error.problem() == null ? this : note("problem", error.problem());
    }

    /**
     * A note of named fields ({@code name, value, name, value...}), kept in the order given: the journal then shows
     * them the same way in every run ({@code Map.of} iterates in an order that changes from one JVM to the next).
     */
    public CallTrace noteFields(String key, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs: " + namesAndValues.length);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return note(key, Collections.unmodifiableMap(fields));
    }

    /** Adds an item to the list noted under the key, starting the list with the first. */
    @SuppressWarnings("unchecked")
    public CallTrace append(String key, Object item) {
        ((List<Object>) details.computeIfAbsent(key, k -> new ArrayList<>())).add(item);
        return this;
    }

    /** The notes, in the order they were first made; read-only. */
    public Map<String, Object> details() {
        return Collections.unmodifiableMap(details);
    }

    /** Takes a note out and gives its value: the recorder files a few notes as fields of their own. */
    public Object remove(String key) {
        return details.remove(key);
    }

    public Object get(String key) {
        return details.get(key);
    }
}
