package dev.usagekit.emulator.core;

import java.util.Collections;
import java.util.LinkedHashMap;
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
