package dev.usagekit.emulator.signing;

/** An {@code ACS3-HMAC-SHA256} Authorization header that cannot be read. */
public final class AliyunAuthorizationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AliyunAuthorizationException(String message) {
        super(message);
    }
}
