package dev.usagekit.emulator.core;

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

    /** A copy of the notes, in the order they were first made. */
    public Map<String, Object> details() {
        return new LinkedHashMap<>(details);
    }

    public Object get(String key) {
        return details.get(key);
    }
}
