package dev.usagekit.emulator.signing;

/** A Volcengine signature that cannot even be read; {@link #reason()} picks the error code. */
public final class VolcengineAuthorizationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Which part of the signature is malformed. */
    public enum Reason {
        /** Wrong algorithm, missing or duplicated fields, bad syntax. */
        INVALID_AUTHORIZATION,
        /** The Credential field: not {@code AK/date/region/service/request}, or a bad part. */
        INVALID_CREDENTIAL
    }

    private final Reason reason;

    public VolcengineAuthorizationException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
