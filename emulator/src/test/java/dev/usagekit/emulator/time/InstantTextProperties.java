package dev.usagekit.emulator.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The one reading of a typed instant: every form the README lists names the instant the arithmetic gives. */
class InstantTextProperties {

    @Property(tries = 500)
    void everyFormNamesTheInstantOfItsLocalTimeLessItsOffset(
            @ForAll @LongRange(min = 0, max = 253_402_214_399L) long epochSecond,
            @ForAll @IntRange(min = -(23 * 60 + 59), max = 23 * 60 + 59) int offsetMinutes,
            @ForAll boolean withSeconds, @ForAll boolean hoursOnly, @ForAll boolean lowerCase) {
        Instant instant = Instant.ofEpochSecond(epochSecond / 60 * 60);
        // the local time by hand: a ZoneOffset stops at ±18:00
        LocalDateTime local = LocalDateTime.ofEpochSecond(instant.getEpochSecond() + offsetMinutes * 60L, 0,
                ZoneOffset.UTC);
        String time = String.format(Locale.ROOT, withSeconds ? "%sT%02d:%02d:00" : "%sT%02d:%02d",
                local.toLocalDate(), local.getHour(), local.getMinute());
        String offset = offsetMinutes == 0 ? "Z" : String.format(Locale.ROOT,
                hoursOnly && offsetMinutes % 60 == 0 ? "%s%02d" : "%s%02d:%02d", offsetMinutes < 0 ? "-" : "+",
                Math.abs(offsetMinutes) / 60, Math.abs(offsetMinutes) % 60);
        String text = time + offset;
        if (lowerCase) {
            text = text.toLowerCase(Locale.ROOT);
        }

        assertThat(InstantText.parse(text)).as(text).contains(instant);
    }

    @Test
    void theReadmesFormsAreReadAndTheOthersRefused() {
        InstantTextCases.ACCEPTED.forEach((text, instant) -> assertThat(InstantText.parse(text)).as(text)
                .contains(instant));
        for (String text : InstantTextCases.REFUSED) {
            assertThat(InstantText.parse(text)).as(text).isEmpty();
        }
    }
}
