package dev.usagekit.kit;

/** An emulator the kit started, in this JVM or in a JVM of its own. */
interface RunningEmulator extends AutoCloseable {

    /** The API port it listens on. */
    int port();

    /** Stops it; a second close does nothing. */
    @Override
    void close();
}
