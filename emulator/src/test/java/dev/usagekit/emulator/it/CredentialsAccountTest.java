package dev.usagekit.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Accounts given as emulator.credentials=AK:SK answer the vendor docs' examples with no fixture file. */
class CredentialsAccountTest {

    private final TestEmulator emulator = TestEmulator.named("credentials", "emulator.credentials=AKLTmykey:mysecret");

    @Test
    void aCredentialsOnlyKeyQueriesTheDocumentedGroup() {
        var r = emulator.volcengine("DescribeLivePullToPushBandwidthData", "2023-01-01", "live", "AKLTmykey",
                "{\"GroupList\":[\"group001\"],\"StartTime\":\"2026-11-19T00:00:00+08:00\","
                        + "\"EndTime\":\"2026-11-20T00:00:00+08:00\",\"Aggregation\":300,\"DetailField\":[\"Group\"]}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().at("/Result/BandwidthDataList").size()).isEqualTo(288);
    }
}
