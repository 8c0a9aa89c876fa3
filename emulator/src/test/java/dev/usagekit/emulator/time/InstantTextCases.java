package dev.usagekit.emulator.time;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The forms of instant the README lists, each with the instant it names, and texts that are refused: the cases every
 * place that reads {@link InstantText} (the clock's {@code set}, the {@code X-Emulator-Clock} header) is tested with.
 */
public final class InstantTextCases {

    /** Each names 2026-11-20T06:00:00Z, or a quarter second after it where a fraction is given. */
    public static final Map<String, Instant> ACCEPTED = Map.ofEntries(
            Map.entry("2026-11-20T06:00:00Z", Instant.parse("2026-11-20T06:00:00Z")),
            Map.entry("2026-11-20T06:00Z", Instant.parse("2026-11-20T06:00:00Z")),
            Map.entry("2026-11-20T06:00:00.250Z", Instant.parse("2026-11-20T06:00:00.250Z")),
            Map.entry("2026-11-20T14:00:00+08:00", Instant.parse("2026-11-20T06:00:00Z")),
            Map.entry("2026-11-20T14:00+08", Instant.parse("2026-11-20T06:00:00Z")),
            Map.entry("2026-11-20T00:30:00-05:30", Instant.parse("2026-11-20T06:00:00Z")),
            Map.entry("2026-11-20T14:00:30+08:00:30", Instant.parse("2026-11-20T06:00:00Z")),
            Map.entry("2026-11-21T00:00:00+18:00", Instant.parse("2026-11-20T06:00:00Z")),
            Map.entry("2026-11-21T01:00:00+19:00", Instant.parse("2026-11-20T06:00:00Z")),
            Map.entry("2026-11-21T05:59+23:59", Instant.parse("2026-11-20T06:00:00Z")),
            Map.entry("2026-11-19T07:00:00-23", Instant.parse("2026-11-20T06:00:00Z")),
            Map.entry("2026-11-20t06:00:00z", Instant.parse("2026-11-20T06:00:00Z")),
            Map.entry(" 2026-11-20T06:00:00Z ", Instant.parse("2026-11-20T06:00:00Z")));

    /**
     * A date or time alone, no offset, an offset beyond ±23:59 or of 60 minutes, a space for the T, no minutes, no
     * time at all.
     */
    public static final List<String> REFUSED = List.of("2026-11-20", "06:00Z", "2026-11-20T06:00:00",
            "2026-11-21T06:00:00+24:00", "2026-11-20T14:00:00+08:60", "2026-11-21T01:00:00+19:60",
            "2026-11-20 06:00:00+19:00", "2026-11-20 06:00:00Z", "2026-11-20T06Z", "yesterday", "1763618400", "",
            "+19:00");

    private InstantTextCases() {
    }
}
