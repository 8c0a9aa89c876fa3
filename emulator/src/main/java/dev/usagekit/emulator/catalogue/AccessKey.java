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
}
