package dev.usagekit.emulator.control;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.usagekit.emulator.catalogue.AccessKey;
import dev.usagekit.emulator.catalogue.Account;
import dev.usagekit.emulator.catalogue.Catalogue;
import dev.usagekit.emulator.catalogue.LiveDomain;
import dev.usagekit.emulator.catalogue.ProducerInstance;
import dev.usagekit.emulator.catalogue.PullToPushGroup;
import dev.usagekit.emulator.catalogue.RtcApp;
import dev.usagekit.emulator.usage.Settling;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The catalogue in use as {@code GET /_emulator/fixtures} shows it: every account, the fixtures' and those made for
 * emulator.credentials, with what each owns as the emulator read it (scales, anomalies, settling), and its access
 * key ids but never a secret.
 */
record CatalogueView(List<AccountView> accounts) {

    record AccountView(String accountId, String name, ZoneOffset utcOffset, List<String> accessKeyIds,
            List<RtcApp> rtcApps, List<LiveDomain> liveDomains, List<PullToPushGroup> pullToPushGroups,
            List<ProducerInstance> producerInstances, @JsonInclude(JsonInclude.Include.NON_NULL) Settling settling) {
    }

    static CatalogueView of(Catalogue catalogue) {
        return new CatalogueView(catalogue.accounts().stream().map(CatalogueView::view).toList());
    }

    private static AccountView view(Account a) {
        return new AccountView(a.accountId(), a.name(), a.utcOffset(),
                a.accessKeys().stream().map(AccessKey::accessKeyId).toList(), a.rtcApps(), a.liveDomains(),
                a.pullToPushGroups(), a.producerInstances(), a.settling());
    }
}
