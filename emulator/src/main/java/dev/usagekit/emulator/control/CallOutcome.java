package dev.usagekit.emulator.control;

import dev.usagekit.emulator.core.ErrorKind;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a recorded call ended, as the journal, its filter and the request counter name it. */
enum CallOutcome {
    SUCCESS, ERROR, THROTTLED, FAULT;

    /** The names the journal's {@code outcome} filter accepts, for its error message. */
    static final String NAMES = Arrays.stream(values()).map(CallOutcome::wireName).collect(Collectors.joining(", "));

    /** Made once: every recorded call is named. */
    private final String wireName = name().toLowerCase(Locale.ROOT);

    String wireName() {
        return wireName;
    }

    static CallOutcome of(int status, String errorKind) {
        if (ErrorKind.THROTTLED.name().equals(errorKind)) {
            return THROTTLED;
        }
        if (ErrorKind.FAULT.name().equals(errorKind)) {
            return FAULT;
        }
        return status < 400 && errorKind == null ? SUCCESS : ERROR;
    }

    /** The outcome of that name; null when there is none. */
    static CallOutcome named(String name) {
        return Arrays.stream(values()).filter(o -> o.wireName().equals(name)).findFirst().orElse(null);
    }
}
