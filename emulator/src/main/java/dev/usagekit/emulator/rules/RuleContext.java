package dev.usagekit.emulator.rules;

import dev.usagekit.emulator.catalogue.Account;
import dev.usagekit.emulator.catalogue.Catalogue;
import dev.usagekit.emulator.usage.UsageModel;
import java.time.Instant;

/** What a rule or handler may consult about the call: who calls, what exists, the time, and the data model. */
public record RuleContext(Account account, Catalogue catalogue, Instant now, UsageModel model, String requestId) {
}
