package dev.usagekit.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Accounts given as emulator.credentials=AK:SK answer the vendor docs' examples with no fixture file. */
class CredentialsAccountTest {

    /** The second key is one the time-zones scenario catalogue gives its Kathmandu account. */
    private final TestEmulator emulator = TestEmulator.named("credentials",
            "emulator.credentials=AKLTmykey:mysecret,AKLTkathmandu:mine");

    @Test
    void aCredentialsOnlyKeyQueriesTheDocumentedGroup() {
        var r = emulator.volcengine("DescribeLivePullToPushBandwidthData", "2023-01-01", "live", "AKLTmykey",
                "{\"GroupList\":[\"group001\"],\"StartTime\":\"2026-11-19T00:00:00+08:00\","
                        + "\"EndTime\":\"2026-11-20T00:00:00+08:00\",\"Aggregation\":300,\"DetailField\":[\"Group\"]}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().at("/Result/BandwidthDataList").size()).isEqualTo(288);
    }

    /** A catalogue that takes a key of the setting is refused naming the setting, once, and changes nothing. */
    @Test
    void aPostedCatalogueWithAKeyOfTheSettingIsRefusedNamingIt() {
        var refused = emulator.post("/_emulator/fixtures", "accounts:\n  - accountId: \"2100000077\"\n"
                + "    accessKeys: [{accessKeyId: AKLTmykey, secret: other}]\n");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("message").asString()).isEqualTo("emulator.credentials entry 1 of 2 has the"
                + " access key AKLTmykey of catalogue account 2100000077; give another key or leave the entry out");
        assertThat(emulator.get("/_emulator/fixtures").body()).doesNotContain("2100000077");
    }

    /** A scenario state whose catalogue takes a key of the setting is refused as a bad request, not a 500. */
    @Test
    void aScenarioWithAKeyOfTheSettingIsRefusedNamingIt() {
        var refused = emulator.post("/_emulator/provider-states", "{\"state\":\"scenario time-zones\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("message").asString()).isEqualTo("emulator.credentials entry 2 of 2 has the"
                + " access key AKLTkathmandu of catalogue account 2100000032; give another key or leave the entry out");
    }
}
