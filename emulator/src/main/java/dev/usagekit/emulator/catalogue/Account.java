package dev.usagekit.emulator.catalogue;

import dev.usagekit.emulator.core.MissingFieldException;
import dev.usagekit.emulator.usage.Anomaly;
import dev.usagekit.emulator.usage.Settling;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A cloud account: its keys and everything it owns. {@code utcOffset} is where its users live, so daily and weekly
 * usage cycles follow that local time. {@code settling}, when given, makes its recent data arrive late.
 */
public record Account(
        String accountId,
        String name,
        List<AccessKey> accessKeys,
        ZoneOffset utcOffset,
        List<RtcApp> rtcApps,
        List<LiveDomain> liveDomains,
        List<PullToPushGroup> pullToPushGroups,
        List<ProducerInstance> producerInstances,
        Settling settling) {

    public Account {
        // an account is looked up by its id or name (journal filters, faults, throttles): one without a name of its
        // own goes by its id, as catalogues written before names were looked up do
        MissingFieldException.required(accountId, "accountId");
        name = name == null || name.isBlank() ? accountId : name;
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
        // lookups take the first of a name: a second one would be silently unreachable
        requireUnique(rtcApps, RtcApp::appId, "RTC app", accountId);
        requireUnique(liveDomains, LiveDomain::name, "Live domain", accountId);
        requireUnique(pullToPushGroups, PullToPushGroup::name, "pull-to-push group", accountId);
        requireUnique(producerInstances, ProducerInstance::instanceId, "producer instance", accountId);
    }

    private static <T> void requireUnique(List<T> resources, Function<T, String> name, String kind, String accountId) {
        Set<String> seen = new HashSet<>();
        for (T resource : resources) {
            if (!seen.add(name.apply(resource))) {
                throw new IllegalArgumentException(kind + " " + name.apply(resource) + " appears twice in account "
                        + accountId);
            }
        }
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

    /** This account with its data arriving as {@code settling} says (null: whole at once). */
    public Account withSettling(Settling settling) {
        return new Account(accountId, name, accessKeys, utcOffset, rtcApps, liveDomains, pullToPushGroups,
                producerInstances, settling);
    }

    /**
     * This account with the anomaly added to its resource of that name (an RTC app id, a Live domain, a pull-to-push
     * group or a producer instance id; names are unique per kind), or empty when it has none of that name.
     */
    public Optional<Account> withAnomaly(String resource, Anomaly anomaly) {
        boolean found = rtcApp(resource).isPresent() || liveDomain(resource).isPresent()
                || pullToPushGroup(resource).isPresent() || producerInstance(resource).isPresent();
        if (!found) {
            return Optional.empty();
        }
        List<RtcApp> apps = rtcApps.stream()
                .map(a -> a.appId().equals(resource) ? a.withAnomaly(anomaly) : a).toList();
        List<LiveDomain> domains = liveDomains.stream()
                .map(d -> d.name().equals(resource) ? d.withAnomaly(anomaly) : d).toList();
        List<PullToPushGroup> groups = pullToPushGroups.stream()
                .map(g -> g.name().equals(resource) ? g.withAnomaly(anomaly) : g).toList();
        List<ProducerInstance> instances = producerInstances.stream()
                .map(i -> i.instanceId().equals(resource) ? i.withAnomaly(anomaly) : i).toList();
        return Optional.of(new Account(accountId, name, accessKeys, utcOffset, apps, domains, groups, instances,
                settling));
    }
}
