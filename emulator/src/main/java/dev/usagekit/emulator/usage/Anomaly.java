package dev.usagekit.emulator.usage;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.usagekit.emulator.core.MissingFieldException;
import java.time.Instant;
import java.util.List;

/**
 * A stretch of time in which a resource's usage is multiplied by {@code factor}: 0 for an outage, above 1 for a spike,
 * between for a degradation. It applies to every five-minute slot that starts in [from, to); where anomalies overlap,
 * their factors multiply. Part of the catalogue, so the data stays a pure function of (seed, catalogue, slot).
 */
public record Anomaly(Instant from, Instant to, double factor) {

    /** Largest factor accepted: a spike far beyond it would only overflow the vendors' number formats. */
    public static final double MAX_FACTOR = 1000;

    /** Reads the catalogue's form, where every field is required: a left-out factor is no outage. */
    @JsonCreator
    public static Anomaly of(@JsonProperty("from") Instant from, @JsonProperty("to") Instant to,
            @JsonProperty("factor") Double factor) {
        return new Anomaly(from, to, MissingFieldException.required(factor, "factor"));
    }

    public Anomaly {
        MissingFieldException.required(from, "from");
        MissingFieldException.required(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("an anomaly's from must be before its to: " + from + " .. " + to);
        }
        if (!(factor >= 0 && factor <= MAX_FACTOR)) {
            throw new IllegalArgumentException("an anomaly's factor must be between 0 and " + (long) MAX_FACTOR + ": "
                    + factor);
        }
    }

    /** The list as given, or empty when the fixture has none. */
    public static List<Anomaly> listOf(List<Anomaly> anomalies) {
        return anomalies == null ? List.of() : List.copyOf(anomalies);
    }

    /** The list with one more anomaly at its end. */
    public static List<Anomaly> adding(List<Anomaly> anomalies, Anomaly anomaly) {
        List<Anomaly> more = new java.util.ArrayList<>(anomalies);
        more.add(anomaly);
        return List.copyOf(more);
    }
}
