package dev.usagekit.kit;

/** An emulator the kit started, in this JVM or in a JVM of its own. */
interface RunningEmulator extends AutoCloseable {

    /** The API port it listens on. */
    int port();

    /** The control plane's port: the API port, or its own with {@code emulator.admin.port}. */
    int controlPort();

    /** Stops it; a second close does nothing. */
    @Override
    void close();
}
