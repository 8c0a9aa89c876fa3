package dev.usagekit.emulator.catalogue;

import dev.usagekit.emulator.core.MissingFieldException;
import dev.usagekit.emulator.usage.Anomaly;
import java.util.List;

/** A Volcengine RTC application; {@code scale} multiplies its user counts, {@code anomalies} them in stretches. */
public record RtcApp(String appId, String name, Double scale, List<Anomaly> anomalies) {

    public RtcApp(String appId, String name, double scale) {
        this(appId, name, scale, List.of());
    }

    public RtcApp {
        MissingFieldException.required(appId, "appId");
        scale = ResourceScale.orDefault(scale, "RTC app " + appId);
        anomalies = Anomaly.listOf(anomalies);
    }

    /** This app with one more anomaly. */
    public RtcApp withAnomaly(Anomaly anomaly) {
        return new RtcApp(appId, name, scale, Anomaly.adding(anomalies, anomaly));
    }
}
