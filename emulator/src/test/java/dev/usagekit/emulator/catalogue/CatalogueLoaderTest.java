package dev.usagekit.emulator.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a fixture file may say, and the message when it says something the emulator cannot serve. */
class CatalogueLoaderTest {

    private static final String KEYS = "accessKeys: [{accessKeyId: AK1, secret: s1}]";

    private static List<Account> read(String yaml) {
        return CatalogueLoader.read(yaml, "test");
    }

    private static String oneAccount(String resources) {
        return "accounts:\n  - {accountId: \"1\", " + KEYS + ", " + resources + "}\n";
    }

    @Test
    void anAbsentScaleIsOneAndTheLargestIsAThousand() {
        Account account = read(oneAccount("pullToPushGroups: [{name: g}, {name: h, scale: 1000}]")).get(0);
        assertThat(account.pullToPushGroups()).extracting(PullToPushGroup::scale).containsExactly(1.0, 1000.0);
    }

    @Test
    void aScaleBelowZeroOrAboveAThousandIsRefusedForEveryKindOfResource() {
        assertThatThrownBy(() -> read(oneAccount("pullToPushGroups: [{name: g, scale: -2}]")))
                .isInstanceOf(CatalogueLoader.InvalidFixtureException.class)
                .hasMessageContaining("the scale of pull-to-push group g must be above 0 and at most 1000: -2.0");
        assertThatThrownBy(() -> read(oneAccount("liveDomains: [{name: d.com, scale: 1e300}]")))
                .hasMessageContaining("the scale of Live domain d.com must be above 0 and at most 1000");
        assertThatThrownBy(() -> read(oneAccount("rtcApps: [{appId: a, scale: 1000.5}]")))
                .hasMessageContaining("the scale of RTC app a");
        // 0 is out of range, not "left out": it used to read as 1.0
        assertThatThrownBy(() -> read(oneAccount("rtcApps: [{appId: a, scale: 0}]")))
                .hasMessageContaining("the scale of RTC app a must be above 0 and at most 1000: 0.0");
        assertThatThrownBy(() -> read(oneAccount(
                "producerInstances: [{instanceId: i, domain: d, region: r, type: universal, scale: 5000}]")))
                .hasMessageContaining("the scale of producer instance i");
    }

    @Test
    void anUnknownFieldIsNamedWithItsPlaceAndTheFieldsKnownThere() {
        assertThatThrownBy(() -> read(oneAccount("rtcApps: [{appId: a}, {appId: b, id: c}]")))
                .isInstanceOf(CatalogueLoader.InvalidFixtureException.class)
                .hasMessageStartingWith("cannot read the catalogue test: unknown field accounts[0].rtcApps[1].id (line: 2; known there: ")
                .hasMessageContaining("appId")
                .hasMessageNotContaining("dev.usagekit");
    }

    @Test
    void aWrongTypeAndARecordsOwnCheckSayWhereTheyAre() {
        assertThatThrownBy(() -> read(oneAccount("pullToPushGroups: [{name: g, scale: lots}]")))
                .hasMessageContaining("(at accounts[0].pullToPushGroups[0].scale, line: 2)");
        assertThatThrownBy(() -> read(oneAccount("pullToPushGroups: [{name: g, scale: -2}]")))
                .hasMessageNotContaining("Cannot construct instance");
    }

    @Test
    void aResourceNamedTwiceInOneAccountIsRefused() {
        assertThatThrownBy(() -> read(oneAccount("pullToPushGroups: [{name: g}, {name: g, scale: 3}]")))
                .hasMessageContaining("pull-to-push group g appears twice in account 1");
        assertThatThrownBy(() -> read(oneAccount("liveDomains: [{name: d.com}, {name: d.com}]")))
                .hasMessageContaining("Live domain d.com appears twice in account 1");
        assertThatThrownBy(() -> read(oneAccount("rtcApps: [{appId: a}, {appId: a}]")))
                .hasMessageContaining("RTC app a appears twice in account 1");
        assertThatThrownBy(() -> read(oneAccount("producerInstances: [{instanceId: i, domain: d, region: r, "
                + "type: universal}, {instanceId: i, domain: d, region: r, type: slidelive}]")))
                .hasMessageContaining("producer instance i appears twice in account 1");
    }

    @Test
    void anAccountListedTwiceIsRefusedWhileAResourceNameMayRecurAcrossAccounts() {
        List<Account> twice = read("accounts:\n  - {accountId: \"1\", " + KEYS + "}\n"
                + "  - {accountId: \"1\", accessKeys: [{accessKeyId: AK2, secret: s2}]}\n");
        assertThatThrownBy(() -> new Catalogue(twice)).hasMessage("account 1 appears twice");

        List<Account> shared = read("accounts:\n  - {accountId: \"1\", " + KEYS + ", liveDomains: [{name: d.com}]}\n"
                + "  - {accountId: \"2\", accessKeys: [{accessKeyId: AK2, secret: s2}], liveDomains: [{name: d.com}]}\n");
        assertThat(new Catalogue(shared).accounts()).hasSize(2);
    }

    @Test
    void anchorsAndAliasesResolveToWhatTheyName() {
        List<Account> accounts = read("""
                accounts:
                  - accountId: "5"
                    name: &tenant shared-name
                    accessKeys: [{accessKeyId: AK5, secret: &secret s3cr3t}]
                    liveDomains: &domains [{name: a.com, scale: &scale 2.5}, {name: b.com}]
                  - accountId: "6"
                    name: *tenant
                    accessKeys: [{accessKeyId: AK6, secret: *secret}]
                    liveDomains: *domains
                    pullToPushGroups: [{name: g, scale: *scale}]
                """);
        Account second = accounts.get(1);
        assertThat(second.name()).isEqualTo("shared-name");
        assertThat(second.accessKeys().get(0).secret()).isEqualTo("s3cr3t"); // not the anchor's name "secret"
        assertThat(second.liveDomains()).extracting(LiveDomain::name).containsExactly("a.com", "b.com");
        assertThat(second.pullToPushGroups().get(0).scale()).isEqualTo(2.5);
    }

    @Test
    void aliasesThatMultiplyTheDocumentAreRefused() {
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (i - 1)))).append("]\n");
        }
        bomb.append("accounts: []\n");
        assertThatThrownBy(() -> read(bomb.toString())).isInstanceOf(CatalogueLoader.InvalidFixtureException.class)
                .hasMessageContaining("aliases");
    }

    @Test
    void aMistakeStillSaysWhereItIs() {
        assertThatThrownBy(() -> read(oneAccount("liveDomains: [{name: d.com, scale: big}]")))
                .hasMessageContaining("line: 2");
        assertThatThrownBy(() -> read(oneAccount("liveDomains: [{name: d.com, scale: *nowhere}]")))
                .isInstanceOf(CatalogueLoader.InvalidFixtureException.class).hasMessageContaining("nowhere");
    }
}
