package dev.usagekit.emulator.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The actions the emulator serves, found by (vendor, action, version). */
public final class ActionRegistry {

    private final List<ActionHandler<?>> handlers;
    private final Map<String, ActionHandler<?>> byKey;

    public ActionRegistry(List<ActionHandler<?>> handlers) {
        this.handlers = List.copyOf(handlers);
        this.byKey = handlers.stream().collect(Collectors.toUnmodifiableMap(h -> h.spec().key(), Function.identity()));
    }

    public Optional<ActionHandler<?>> find(Vendor vendor, String action, String version) {
        return Optional.ofNullable(byKey.get(vendor + ":" + action + ":" + version));
    }

    /** Whether any of the vendor's actions is served at this version, for a gateway that resolves the version first. */
    public boolean servesVersion(Vendor vendor, String version) {
        return handlers.stream().anyMatch(h -> h.spec().vendor() == vendor && h.spec().version().equals(version));
    }

    /** Which vendor serves an action of this name, if any. */
    public Optional<Vendor> vendorOf(String action) {
        return handlers.stream().filter(h -> h.spec().action().equals(action)).map(h -> h.spec().vendor()).findFirst();
    }

    /**
     * The action's own name for a name in any case: a setting given as an environment variable reaches Spring in lower
     * case, and a control-plane call should not fail on a case a setting accepts.
     */
    public Optional<String> actionNamedIgnoringCase(String name) {
        return handlers.stream().map(h -> h.spec().action()).filter(a -> a.equalsIgnoreCase(name)).findFirst();
    }

    public List<ActionHandler<?>> all() {
        return handlers;
    }
}
