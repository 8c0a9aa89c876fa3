package dev.usagekit.emulator.usage;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.usagekit.emulator.core.MissingFieldException;
import java.time.Duration;

/**
 * Late-arriving usage of an account: a five-minute slot shows {@code firstShare} of its final value when the data
 * delay first lets it out, and grows linearly to the whole of it over {@code period}, as when late records restate a
 * bucket already reported. Measured from the slot's end to the call's now − data delay, so it reads the virtual clock
 * and the same clock always gives the same values.
 */
public record Settling(Duration period, double firstShare) {

    /** The longest period: the widest span one query may cover. */
    public static final Duration MAX_PERIOD = Duration.ofDays(31);

    /** The share when the catalogue gives a period only. */
    public static final double DEFAULT_FIRST_SHARE = 0.5;

    /** Reads the catalogue's form, where a left-out {@code firstShare} means {@value #DEFAULT_FIRST_SHARE}. */
    @JsonCreator
    public static Settling of(@JsonProperty("period") Duration period,
            @JsonProperty("firstShare") Double firstShare) {
        return new Settling(MissingFieldException.required(period, "period"),
                firstShare == null ? DEFAULT_FIRST_SHARE : firstShare);
    }

    public Settling {
        if (period == null || period.compareTo(Duration.ofSeconds(1)) < 0 || period.compareTo(MAX_PERIOD) > 0) {
            throw new IllegalArgumentException("a settling period must be from 1 second to " + MAX_PERIOD.toDays()
                    + " days (e.g. PT2H): " + period);
        }
        if (!(firstShare >= 0 && firstShare <= 1)) {
            throw new IllegalArgumentException("a settling firstShare must be between 0 and 1: " + firstShare);
        }
    }

    /**
     * The share of its final value a slot ending at {@code slotEnd} shows when data is served up to {@code servedUntil}
     * (both epoch seconds): {@code firstShare} at its release, the whole value once {@code period} has passed since.
     */
    public double share(long slotEnd, long servedUntil) {
        long age = servedUntil - slotEnd;
        long periodSeconds = period.getSeconds();
        if (age >= periodSeconds) {
            return 1;
        }
        return age <= 0 ? firstShare : firstShare + (1 - firstShare) * age / periodSeconds;
    }
}
