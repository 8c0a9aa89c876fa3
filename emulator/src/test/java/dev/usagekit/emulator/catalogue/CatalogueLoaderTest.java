package dev.usagekit.emulator.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a fixture file may say, and the message when it says something the emulator cannot serve. */
class CatalogueLoaderTest {

    private static final String KEYS = "accessKeys: [{accessKeyId: AK1, secret: s1}]";

    private static List<Account> read(String yaml) {
        return CatalogueLoader.read(yaml, "test");
    }

    private static String oneAccount(String resources) {
        return "accounts:\n  - {accountId: \"1\", name: one, " + KEYS + ", " + resources + "}\n";
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
                .hasMessage("cannot read the catalogue test: accounts[0].pullToPushGroups[0].scale must be a number,"
                        + " not \"lots\" (line: 2)");
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
        assertThatThrownBy(() -> read("accounts:\n  - {accountId: \"1\", name: a, " + KEYS + "}\n"
                + "  - {accountId: \"1\", name: b, accessKeys: [{accessKeyId: AK2, secret: s2}]}\n"))
                .hasMessage("cannot read the catalogue test: account 1 appears twice");

        List<Account> shared = read("accounts:\n  - {accountId: \"1\", name: a, " + KEYS
                + ", liveDomains: [{name: d.com}]}\n  - {accountId: \"2\", name: b, accessKeys: [{accessKeyId: AK2, "
                + "secret: s2}], liveDomains: [{name: d.com}]}\n");
        assertThat(new Catalogue(shared).accounts()).hasSize(2);
    }

    @Test
    void anAccessKeyListedTwiceSaysWhetherInOneAccountOrInTwo() {
        assertThatThrownBy(() -> read("accounts:\n  - {accountId: \"1\", name: a, accessKeys: [{accessKeyId: AK1, "
                + "secret: s1}, {accessKeyId: AK1, secret: s2}]}\n"))
                .hasMessage("cannot read the catalogue test: access key AK1 appears twice in account 1");
        assertThatThrownBy(() -> read("accounts:\n  - {accountId: \"1\", name: a, " + KEYS + "}\n"
                + "  - {accountId: \"2\", name: b, " + KEYS + "}\n"))
                .hasMessage("cannot read the catalogue test: access key AK1 belongs to two accounts, 1 and 2");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            {name: n, accessKeys: [{accessKeyId: A, secret: s}]}          | accounts[1].accountId is required (line: 3)
            {accountId: " ", name: n, accessKeys: []}                     | accounts[1].accountId is required (line: 3)
            {accountId: "2", name: n, accessKeys: [{accessKeyId: A}]}     | accounts[1].accessKeys[0].secret is required (line: 3)
            {accountId: "2", name: n, accessKeys: [{secret: s}]}          | accounts[1].accessKeys[0].accessKeyId is required (line: 3)
            {accountId: "2", name: n, accessKeys: [{accessKeyId: A, secret: }]} | accounts[1].accessKeys[0].secret is required (line: 3)
            {accountId: "2", name: n, liveDomains: [{scale: 2}]}          | accounts[1].liveDomains[0].name is required (line: 3)
            {accountId: "2", name: n, rtcApps: [{name: a}]}               | accounts[1].rtcApps[0].appId is required (line: 3)
            {accountId: "2", name: n, pullToPushGroups: [{scale: 1}]}     | accounts[1].pullToPushGroups[0].name is required (line: 3)
            {accountId: "2", name: n, producerInstances: [{instanceId: i, region: r, type: universal}]} | accounts[1].producerInstances[0].domain is required (line: 3)
            {accountId: "2", name: n, producerInstances: [{instanceId: i, domain: d, type: universal}]} | accounts[1].producerInstances[0].region is required (line: 3)
            {accountId: "2", name: n, producerInstances: [{instanceId: i, domain: d, region: r}]} | accounts[1].producerInstances[0].type is required (line: 3)
            {accountId: "2", name: n, settling: {firstShare: 0.5}}        | accounts[1].settling.period is required (line: 3)
            """)
    void aRequiredFieldLeftOutIsNamedByItsPath(String secondAccount, String problem) {
        assertThatThrownBy(() -> read("accounts:\n  - {accountId: \"1\", name: a, " + KEYS + "}\n  - "
                + secondAccount + "\n"))
                .isInstanceOf(CatalogueLoader.InvalidFixtureException.class)
                .hasMessage("cannot read the catalogue test: " + problem);
    }

    /** A name left out is the account's id; "accounts:" with no value is no account at all, as "accounts: []". */
    @Test
    void aNamelessAccountGoesByItsIdAndAnEmptyAccountsKeyHasNone() {
        assertThat(read("accounts:\n  - {accountId: \"7\", " + KEYS + "}\n").get(0).name()).isEqualTo("7");
        assertThat(read("accounts:\n")).isEmpty();
        assertThat(read("accounts: []\n")).isEmpty();
    }

    @Test
    void anEmptyListEntryIsNamed() {
        assertThatThrownBy(() -> read("accounts:\n  - accountId: \"1\"\n    name: n\n    accessKeys:\n      -\n"))
                .hasMessage("cannot read the catalogue test: accounts[0].accessKeys[0] is empty: a list entry needs a"
                        + " value (line: 5)");
    }

    /** A left-out factor used to read as 0: an outage nobody asked for. */
    @Test
    void anAnomalyNeedsItsFromToAndFactor() {
        String from = "from: \"2026-11-19T02:00:00Z\"";
        String to = "to: \"2026-11-19T04:00:00Z\"";
        assertThatThrownBy(() -> read(oneAccount("liveDomains: [{name: d.com, anomalies: [{" + from + ", " + to
                + "}]}]"))).hasMessage("cannot read the catalogue test: "
                        + "accounts[0].liveDomains[0].anomalies[0].factor is required (line: 2)");
        assertThatThrownBy(() -> read(oneAccount("rtcApps: [{appId: a, anomalies: [{" + to + ", factor: 0}]}]")))
                .hasMessage("cannot read the catalogue test: accounts[0].rtcApps[0].anomalies[0].from is required"
                        + " (line: 2)");
        assertThat(read(oneAccount("rtcApps: [{appId: a, anomalies: [{" + from + ", " + to + ", factor: 0}]}]"))
                .get(0).rtcApps().get(0).anomalies().get(0).factor()).isZero();
    }

    @Test
    void aDocumentWithoutAccountsIsRefusedSayingSo() {
        String shape = "a catalogue lists its accounts under accounts: [...], as the default catalogue does";
        assertThatThrownBy(() -> read("---\n")).isInstanceOf(CatalogueLoader.InvalidFixtureException.class)
                .hasMessage("cannot read the catalogue test: the document is empty, so it has no accounts key; " + shape);
        assertThatThrownBy(() -> read("{}")).hasMessage("cannot read the catalogue test: it has no accounts key; "
                + shape);
        assertThatThrownBy(() -> read("- accountId: \"1\"\n")).hasMessage("cannot read the catalogue test: the"
                + " catalogue must be a mapping with an accounts key; " + shape + " (line: 1)");
        assertThat(read("accounts: []")).isEmpty();
    }

    @Test
    void aValueOfTheWrongKindSaysWhatItMustBeInTheCataloguesTerms() {
        assertThatThrownBy(() -> read(oneAccount("liveDomains: [{name: d.com, deletedAt: \"2026-10-01\"}]")))
                .hasMessage("cannot read the catalogue test: accounts[0].liveDomains[0].deletedAt must be an instant"
                        + " such as 2026-11-20T12:00:00Z, not \"2026-10-01\" (line: 2)");
        assertThatThrownBy(() -> read("accounts:\n  - {accountId: \"1\", name: a, utcOffset: \"+25:00\"}\n"))
                .hasMessage("cannot read the catalogue test: accounts[0].utcOffset must be a UTC offset such as"
                        + " +08:00, not \"+25:00\" (line: 2)");
        assertThatThrownBy(() -> read("accounts: 5\n")).hasMessage("cannot read the catalogue test: accounts must be"
                + " a list ([...] or lines starting with -) (line: 1)");
        assertThatThrownBy(() -> read(oneAccount("settling: {period: soon}"))).hasMessage("cannot read the catalogue"
                + " test: accounts[0].settling.period must be an ISO-8601 duration such as PT2H, not \"soon\" (line: 2)");
    }

    /** Jackson's own position is where its parser stood, at times the end of the enclosing record. */
    @Test
    void aMistakeIsReportedAtItsOwnLine() {
        StringBuilder yaml = new StringBuilder("accounts:\n  - accountId: \"1\"\n    name: n\n    liveDomains:\n");
        for (int i = 0; i < 20; i++) {
            yaml.append("      - name: d").append(i).append(".com\n");
        }
        yaml.append("      - name: x.com\n        domian: 3\n        scale: 2\n"); // lines 25 to 27
        for (int i = 0; i < 20; i++) {
            yaml.append("      - name: e").append(i).append(".com\n");
        }
        assertThatThrownBy(() -> read(yaml.toString()))
                .hasMessageStartingWith("cannot read the catalogue test: unknown field accounts[0].liveDomains[20]."
                        + "domian (line: 26; known there: ");
        assertThatThrownBy(() -> read("accounts:\n  - accountId: \"1\"\n    name: n\n    domian: 3\n"
                + "    liveDomains: [{name: a.com}]\n"))
                .hasMessageStartingWith("cannot read the catalogue test: unknown field accounts[0].domian (line: 4;");
    }

    @Test
    void aKeyGivenTwiceIsRefusedInsteadOfKeepingTheLast() {
        assertThatThrownBy(() -> read("accounts:\n  - accountId: \"1\"\n    name: a\n    name: b\n"))
                .hasMessage("cannot read the catalogue test: invalid YAML, while constructing a mapping: found"
                        + " duplicate key name (line: 4, column: 5)");
        assertThatThrownBy(() -> read("accounts:\n  - {accountId: \"1\", name: a, accessKeys: [{accessKeyId: A,"
                + " secret: &s x, secret: *s}]}\n")).hasMessageContaining("found duplicate key secret (line: 2,");
    }

    @Test
    void aYamlSyntaxErrorSaysWhereButNeverQuotesTheLine() {
        assertThatThrownBy(() -> read("accounts:\n  - accountId: \"1\"\n    name: n\n    accessKeys:\n"
                + "      - accessKeyId: A\n        secret: \"Sup3rS3cretValue\n"))
                .hasMessage("cannot read the catalogue test: invalid YAML, while scanning a quoted scalar: found"
                        + " unexpected end of stream (line: 7, column: 1)");
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
