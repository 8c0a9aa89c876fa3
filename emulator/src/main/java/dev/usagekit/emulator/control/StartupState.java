package dev.usagekit.emulator.control;

import dev.usagekit.emulator.catalogue.Account;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the emulator started with, so a reset can return to it. */
public record StartupState(Instant fixedStart, boolean frozen, long seed, List<Account> fixtures,
        boolean limitsEnabled, Map<String, String> limitOverrides) {

    public StartupState {
        fixtures = List.copyOf(fixtures);
        limitOverrides = Map.copyOf(limitOverrides);
    }
}
