package dev.usagekit.emulator.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.format.DateTimeFormat;
import dev.usagekit.emulator.core.NearlyRfc3339;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class DateTimeFormatFastPathProperties {

    private final DateTimeFormat validators = new DateTimeFormat();
    private final DateTimeFormatFastPath fastPath = new DateTimeFormatFastPath();

    /** The schema check accepts exactly the date-times it accepted with the validator's own format. */
    @Property(tries = 20_000)
    void acceptsWhatTheValidatorsFormatAccepts(@ForAll("nearlyRfc3339") String text) {
        assertThat(fastPath.matches(null, text)).as(text).isEqualTo(validators.matches(null, text));
    }

    @Provide
    Arbitrary<String> nearlyRfc3339() {
        return NearlyRfc3339.texts();
    }
}
