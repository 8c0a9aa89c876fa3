package dev.usagekit.emulator.core;

import java.time.Duration;
import java.time.Instant;

/** What every usage query has in common: a time range, a bucket size, and the offset buckets align to. */
public interface TimeQuery {

    Instant start();

    Instant end();

    Duration granularity();

    /**
     * Buckets align to midnight/hour boundaries of this offset, and timestamps are written with it: seconds east of
     * UTC, as the request's StartTime gave it (up to ±23:59, beyond what a ZoneOffset holds).
     */
    int offsetSeconds();
}
