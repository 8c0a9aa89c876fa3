package dev.usagekit.emulator.catalogue;

import dev.usagekit.emulator.core.MissingFieldException;
import dev.usagekit.emulator.usage.Anomaly;
import java.time.Instant;
import java.util.List;

/**
 * A Volcengine Live domain. A deleted domain keeps its history up to {@code deletedAt} and still counts among the
 * account's domains for transcode queries.
 */
public record LiveDomain(String name, Double scale, Instant deletedAt, List<Anomaly> anomalies) {

    public LiveDomain(String name, double scale, Instant deletedAt) {
        this(name, scale, deletedAt, List.of());
    }

    public LiveDomain {
        MissingFieldException.required(name, "name");
        scale = ResourceScale.orDefault(scale, "Live domain " + name);
        anomalies = Anomaly.listOf(anomalies);
    }

    public boolean activeAt(Instant when) {
        return deletedAt == null || when.isBefore(deletedAt);
    }

    /** This domain with one more anomaly. */
    public LiveDomain withAnomaly(Anomaly anomaly) {
        return new LiveDomain(name, scale, deletedAt, Anomaly.adding(anomalies, anomaly));
    }
}
