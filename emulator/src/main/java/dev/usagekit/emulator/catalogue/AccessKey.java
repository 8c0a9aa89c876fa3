package dev.usagekit.emulator.catalogue;

/** An access key pair. The secret never leaves the emulator: {@link #toString()} hides it. */
public record AccessKey(String accessKeyId, String secret) {

    @Override
    public String toString() {
        return "AccessKey[" + accessKeyId + "]";
    }
}
