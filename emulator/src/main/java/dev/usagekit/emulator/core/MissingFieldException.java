package dev.usagekit.emulator.core;

/**
 * A catalogue entry without a field it cannot do without. It names the field alone: the loader knows where the entry
 * is in the document and reports {@code accounts[1].accessKeys[0].secret is required}.
 */
public final class MissingFieldException extends IllegalArgumentException {

    private final String field;

    public MissingFieldException(String field) {
        super(field + " is required");
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The value, which must be given: a text must also hold more than blanks. */
    public static <T> T required(T value, String field) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new MissingFieldException(field);
        }
        return value;
    }
}
