package dev.usagekit.emulator.catalogue;

import dev.usagekit.emulator.core.MissingFieldException;
import dev.usagekit.emulator.usage.Anomaly;
import java.util.List;

/** A Volcengine Live pull-to-push task group; {@code dstAddrType} is Live (push to a Live domain) or Third. */
public record PullToPushGroup(String name, String dstAddrType, Double scale, List<Anomaly> anomalies) {

    public PullToPushGroup(String name, String dstAddrType, double scale) {
        this(name, dstAddrType, scale, List.of());
    }

    public PullToPushGroup {
        MissingFieldException.required(name, "name");
        scale = ResourceScale.orDefault(scale, "pull-to-push group " + name);
        anomalies = Anomaly.listOf(anomalies);
        dstAddrType = dstAddrType == null ? "Third" : dstAddrType;
        if (!dstAddrType.equals("Live") && !dstAddrType.equals("Third")) {
            throw new IllegalArgumentException("dstAddrType must be Live or Third: " + dstAddrType);
        }
    }

    /** This group with one more anomaly. */
    public PullToPushGroup withAnomaly(Anomaly anomaly) {
        return new PullToPushGroup(name, dstAddrType, scale, Anomaly.adding(anomalies, anomaly));
    }
}
