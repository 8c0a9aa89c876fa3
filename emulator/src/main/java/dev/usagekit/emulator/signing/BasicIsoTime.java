package dev.usagekit.emulator.signing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;

import dev.usagekit.emulator.wire.AsciiDigits;

/**
 * The ISO 8601 basic forms a Volcengine signature carries: {@code yyyyMMdd} in the credential scope and
 * {@code yyyyMMdd'T'HHmmss'Z'} in {@code X-Date}. Read by hand because every signed call reads three of them, and a
 * {@code DateTimeFormatter} parse was a few percent of a call. Accepts exactly what the strict formatters of those
 * patterns accept (a property test holds the two together).
 */
final class BasicIsoTime {

    static final int DATE_LENGTH = 8;
    static final int DATE_TIME_LENGTH = 16;

    private BasicIsoTime() {
    }

    /** True when the text has the shape of {@code yyyyMMdd'T'HHmmss'Z'}, whatever its values. */
    static boolean isDateTimeShape(String text) {
        return text.length() == DATE_TIME_LENGTH && AsciiDigits.all(text, 0, DATE_LENGTH) && text.charAt(8) == 'T'
                && AsciiDigits.all(text, 9, 15) && text.charAt(15) == 'Z';
    }

    /** @throws DateTimeException when the text is not eight digits of a real date */
    static LocalDate date(String text) {
        if (text.length() != DATE_LENGTH || !AsciiDigits.all(text, 0, DATE_LENGTH)) {
            throw new DateTimeException("not yyyyMMdd: " + text);
        }
        return LocalDate.of(AsciiDigits.value(text, 0, 4), AsciiDigits.value(text, 4, 6),
                AsciiDigits.value(text, 6, 8));
    }

    /** @throws DateTimeException when the text is not {@code yyyyMMdd'T'HHmmss'Z'} of a real date and time */
    static LocalDateTime dateTime(String text) {
        if (!isDateTimeShape(text)) {
            throw new DateTimeException("not yyyyMMdd'T'HHmmss'Z': " + text);
        }
        return LocalDateTime.of(AsciiDigits.value(text, 0, 4), AsciiDigits.value(text, 4, 6),
                AsciiDigits.value(text, 6, 8), AsciiDigits.value(text, 9, 11), AsciiDigits.value(text, 11, 13),
                AsciiDigits.value(text, 13, 15));
    }
}
