package dev.usagekit.emulator.catalogue;

import dev.usagekit.emulator.core.MissingFieldException;
import dev.usagekit.emulator.usage.Anomaly;
import java.util.List;

/** An Alibaba Cloud Live producer (director) instance with the attributes its usage can be filtered and split by. */
public record ProducerInstance(String instanceId, String domain, String region, String type, String app, Double scale,
        List<Anomaly> anomalies) {

    public ProducerInstance(String instanceId, String domain, String region, String type, String app, double scale) {
        this(instanceId, domain, region, type, app, scale, List.of());
    }

    public ProducerInstance {
        MissingFieldException.required(instanceId, "instanceId");
        scale = ResourceScale.orDefault(scale, "producer instance " + instanceId);
        MissingFieldException.required(domain, "domain");
        MissingFieldException.required(region, "region");
        MissingFieldException.required(type, "type");
        if (!"slidelive".equals(type) && !"universal".equals(type)) {
            throw new IllegalArgumentException("producer type must be slidelive or universal: " + type);
        }
        app = app == null ? "" : app;
        anomalies = Anomaly.listOf(anomalies);
    }

    /** This instance with one more anomaly. */
    public ProducerInstance withAnomaly(Anomaly anomaly) {
        return new ProducerInstance(instanceId, domain, region, type, app, scale, Anomaly.adding(anomalies, anomaly));
    }
}
