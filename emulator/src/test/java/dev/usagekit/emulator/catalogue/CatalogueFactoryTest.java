package dev.usagekit.emulator.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogueFactoryTest {

    private static final List<AccessKey> KEYS = CatalogueFactory.parseCredentials("AKLTmine:s3cret, LTAIother:x");

    @Test
    void credentialsAccountsOwnTheDocumentationExamples() {
        Catalogue catalogue = CatalogueFactory.build(List.of(), KEYS, 1);
        Account mine = catalogue.accountByAccessKey("AKLTmine").orElseThrow();
        assertThat(mine.rtcApp("Your_AppId")).isPresent();
        assertThat(mine.pullToPushGroup("group001")).isPresent();
        assertThat(mine.liveDomain("example.com")).isPresent();
        assertThat(mine.liveDomain("example2.com")).isPresent();
        assertThat(mine.producerInstance("a17d0184-462d-4630-b2a6-8c26dde2****")).isPresent();
        assertThat(mine.rtcApps()).hasSizeGreaterThan(1);
        assertThat(catalogue.accessKey("AKLTmine").orElseThrow().secret()).isEqualTo("s3cret");
    }

    @Test
    void generatedNamesAreStablePerSeedAndDifferAcrossSeeds() {
        Account a = CatalogueFactory.build(List.of(), KEYS, 7).accountByAccessKey("AKLTmine").orElseThrow();
        Account b = CatalogueFactory.build(List.of(), KEYS, 7).accountByAccessKey("AKLTmine").orElseThrow();
        Account c = CatalogueFactory.build(List.of(), KEYS, 8).accountByAccessKey("AKLTmine").orElseThrow();
        assertThat(a).isEqualTo(b);
        assertThat(a.liveDomains()).isNotEqualTo(c.liveDomains());
    }

    @Test
    void malformedCredentialsNameTheEntryButNotTheSecret() {
        assertThatThrownBy(() -> CatalogueFactory.parseCredentials("AKLTmine"))
                .hasMessageContaining("AK:SK");
        assertThat(CatalogueFactory.parseCredentials("")).isEmpty();
    }

    @Test
    void theDefaultFixtureLoads() {
        List<Account> accounts = CatalogueLoader.read(getClass().getClassLoader()
                .getResourceAsStream("usagekit/fixtures/default-catalogue.yaml"), "default");
        assertThat(accounts).hasSize(2);
        assertThat(accounts.get(0).liveDomain("legacy.example.net").orElseThrow().deletedAt()).isNotNull();
    }

    @Test
    void aMalformedCredentialsEntryIsReportedWithoutEchoingIt() {
        for (String spec : new String[] {"AKLTok:fine,MySecretWithoutKeyId", "AKLTok:fine,:MySecretWithoutKeyId",
            "MySecretWithoutKeyId:"}) {
            assertThatThrownBy(() -> CatalogueFactory.parseCredentials(spec))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("emulator.credentials entries must be AK:SK; entry ")
                    .hasMessageNotContaining("MySecret").hasMessageNotContaining("fine");
        }
    }
}
