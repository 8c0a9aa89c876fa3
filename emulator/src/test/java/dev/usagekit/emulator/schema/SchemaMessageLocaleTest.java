package dev.usagekit.emulator.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.actions.rtc.ListOperationDistribution;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A violation's text reaches the wire, the journal and kit assertions: the same under any default locale. */
class SchemaMessageLocaleTest {

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "ar-SA", "tr-TR", "de-DE", "th-TH-u-nu-thai"})
    void violationMessagesAreEnglishUnderAnyDefaultLocale(String tag) {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag(tag));
            SchemaCatalog catalog = new SchemaCatalog(List.of(ListOperationDistribution.SPEC));
            String body = "{\"AppId\":\"\",\"StartTime\":\"2026-11-17T00:00:00+08:00\","
                    + "\"EndTime\":\"2026-11-19T00:00:00+08:00\",\"Indicator\":\"user_count\",\"Dimension\":\"province\"}";
            assertThat(catalog.validate(SchemaCatalog.requestPath(ListOperationDistribution.SPEC), body))
                    .extracting(e -> e.getMessage()).containsExactly("must be at least 1 characters long");
        } finally {
            Locale.setDefault(before);
        }
    }
}
