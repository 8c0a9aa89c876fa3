package dev.usagekit.emulator.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An emulator.credentials account's id (which also seeds its data) must not depend on the default locale. */
class GeneratedAccountLocaleTest {

    @ParameterizedTest
    @ValueSource(strings = {"ar-SA", "fa-IR", "th-TH-u-nu-thai", "mr-IN"})
    void accountIdIsAsciiDigitsUnderAnyDefaultLocale(String tag) {
        String expected = CatalogueFactory.generatedAccount(new AccessKey("AKLTmykey", "mysecretkey"), 20240101)
                .accountId();
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag(tag));
            assertThat(CatalogueFactory.generatedAccount(new AccessKey("AKLTmykey", "mysecretkey"), 20240101)
                    .accountId()).isEqualTo(expected).matches("21[0-9]{8}");
        } finally {
            Locale.setDefault(before);
        }
    }
}
