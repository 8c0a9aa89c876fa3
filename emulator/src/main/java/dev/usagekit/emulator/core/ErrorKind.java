package dev.usagekit.emulator.core;

/** Vendor-neutral classification of an error, used by the journal and metrics. */
public enum ErrorKind {
    ROUTING,
    AUTHENTICATION,
    SIGNATURE,
    THROTTLED,
    BIND,
    PARAMETER,
    FORBIDDEN,
    NOT_FOUND,
    FAULT,
    INTERNAL,
    /** The emulator could not hold the answer (its buffer memory full); the client should retry. */
    UNAVAILABLE
}
