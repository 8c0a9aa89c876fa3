package dev.usagekit.emulator.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Why a call ended as it did: each stage notes what it decided (rule fired, throttle state, buckets trimmed...). */
public final class CallTrace {

    private final Map<String, Object> details = Collections.synchronizedMap(new LinkedHashMap<>());

    public CallTrace note(String key, Object value) {
        details.put(key, value);
        return this;
    }

    /** A copy of the notes, in the order they were first made. */
    public Map<String, Object> details() {
        synchronized (details) {
            return new LinkedHashMap<>(details);
        }
    }

    public Object get(String key) {
        return details.get(key);
    }
}
