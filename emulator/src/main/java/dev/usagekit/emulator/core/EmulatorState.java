package dev.usagekit.emulator.core;

import dev.usagekit.emulator.catalogue.AccessKey;
import dev.usagekit.emulator.catalogue.Account;
import dev.usagekit.emulator.catalogue.Catalogue;
import dev.usagekit.emulator.catalogue.CatalogueFactory;
import dev.usagekit.emulator.usage.UsageModel;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** The data side of the emulator that can change at runtime: seed, fixture accounts, credentials-only accounts. */
public final class EmulatorState {

    private record Snapshot(long seed, List<Account> fixtureAccounts, Catalogue catalogue, UsageModel model) {
    }

    private final List<AccessKey> credentials;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();

    public EmulatorState(long seed, List<Account> fixtureAccounts, List<AccessKey> credentials) {
        this.credentials = List.copyOf(credentials);
        current.set(snapshot(seed, fixtureAccounts));
    }

    private Snapshot snapshot(long seed, List<Account> fixtureAccounts) {
        return new Snapshot(seed, List.copyOf(fixtureAccounts),
                CatalogueFactory.build(fixtureAccounts, credentials, seed), new UsageModel(seed));
    }

    public Catalogue catalogue() {
        return current.get().catalogue();
    }

    public UsageModel model() {
        return current.get().model();
    }

    public long seed() {
        return current.get().seed();
    }

    public List<Account> fixtureAccounts() {
        return current.get().fixtureAccounts();
    }

    public void reseed(long seed) {
        current.updateAndGet(s -> snapshot(seed, s.fixtureAccounts()));
    }

    public void replaceFixtures(List<Account> fixtureAccounts) {
        current.updateAndGet(s -> snapshot(s.seed(), fixtureAccounts));
    }
}
