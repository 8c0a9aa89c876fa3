package dev.usagekit.emulator.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.catalogue.AccessKey;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StartupBannerTest {

    private final Set<AccessKey> demo = StartupBanner.demoKeys();

    @Test
    void theShippedDemoKeysArePrintedInFull() {
        assertThat(StartupBanner.shown(new AccessKey("AKLTtestaccesskey", "testsecretkey"), demo))
                .isEqualTo("testsecretkey");
        assertThat(StartupBanner.shown(new AccessKey("testid", "testsecret"), demo)).isEqualTo("testsecret");
    }

    @Test
    void aUsersSecretShowsOnlyItsFirstFourCharacters() {
        assertThat(StartupBanner.shown(new AccessKey("AKLTmine", "wJalrXUtnFEMI/K7MDENG"), demo))
                .isEqualTo("wJal... (masked)");
    }

    @Test
    void aDemoKeyIdWithAnotherSecretIsMaskedAndAShortSecretShowsNothing() {
        assertThat(StartupBanner.shown(new AccessKey("AKLTtestaccesskey", "my-own-secret"), demo))
                .isEqualTo("my-o... (masked)");
        assertThat(StartupBanner.shown(new AccessKey("AKLTmine", "short"), demo)).isEqualTo("... (masked)");
    }
}
