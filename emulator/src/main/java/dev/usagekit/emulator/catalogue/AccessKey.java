package dev.usagekit.emulator.catalogue;

import dev.usagekit.emulator.core.MissingFieldException;

/** An access key pair. The secret never leaves the emulator: {@link #toString()} hides it. */
public record AccessKey(String accessKeyId, String secret) {

    public AccessKey {
        MissingFieldException.required(accessKeyId, "accessKeyId");
        MissingFieldException.required(secret, "secret");
    }

    @Override
    public String toString() {
        return "AccessKey[" + accessKeyId + "]";
    }

    /**
     * An access key id the catalogue does not know, as the journal shows it: its first 4 characters and its length.
     * A client that swapped its key and secret sends the secret here, which no journal entry may carry.
     */
    public static String unknownId(String accessKeyId) {
        return "access key id " + accessKeyId.substring(0, Math.min(4, accessKeyId.length())) + "… ("
                + accessKeyId.length() + " characters) is not in the catalogue";
    }
}
