package dev.usagekit.emulator.catalogue;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * A cloud account: its keys and everything it owns. {@code utcOffset} is where its users live, so daily and weekly
 * usage cycles follow that local time.
 */
public record Account(
        String accountId,
        String name,
        List<AccessKey> accessKeys,
        ZoneOffset utcOffset,
        List<RtcApp> rtcApps,
        List<LiveDomain> liveDomains,
        List<PullToPushGroup> pullToPushGroups,
        List<ProducerInstance> producerInstances) {

    public Account {
        accessKeys = accessKeys == null ? List.of() : accessKeys;
        rtcApps = rtcApps == null ? List.of() : rtcApps;
        liveDomains = liveDomains == null ? List.of() : liveDomains;
        pullToPushGroups = pullToPushGroups == null ? List.of() : pullToPushGroups;
        producerInstances = producerInstances == null ? List.of() : producerInstances;
        utcOffset = utcOffset == null ? ZoneOffset.UTC : utcOffset;
        accessKeys = List.copyOf(accessKeys);
        rtcApps = List.copyOf(rtcApps);
        liveDomains = List.copyOf(liveDomains);
        pullToPushGroups = List.copyOf(pullToPushGroups);
        producerInstances = List.copyOf(producerInstances);
    }

    public Optional<RtcApp> rtcApp(String appId) {
        return rtcApps.stream().filter(a -> a.appId().equals(appId)).findFirst();
    }

    public Optional<LiveDomain> liveDomain(String name) {
        return liveDomains.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    public Optional<PullToPushGroup> pullToPushGroup(String name) {
        return pullToPushGroups.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    public Optional<ProducerInstance> producerInstance(String id) {
        return producerInstances.stream().filter(i -> i.instanceId().equals(id)).findFirst();
    }
}
