package dev.usagekit.emulator.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The virtual clock stays where the vendors' four-digit-year times can be written. */
class EmulatorClockTest {

    private final EmulatorClock clock = new EmulatorClock(Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"),
            ZoneOffset.UTC));

    @Test
    void setAndAdvanceReachBothEndsOfTheRange() {
        clock.set(EmulatorClock.EARLIEST);
        assertThat(clock.instant()).isEqualTo(EmulatorClock.EARLIEST);
        clock.set(EmulatorClock.LATEST.minusSeconds(60));
        clock.advance(Duration.ofSeconds(60));
        assertThat(clock.instant()).isEqualTo(EmulatorClock.LATEST);
    }

    @Test
    void aSetOutsideTheRangeIsRefusedAndTheClockStays() {
        clock.freeze();
        String[] targets = {"1969-12-31T23:59:59Z", "9999-12-31T00:00:00Z", "+999999999-12-31T23:59:59Z"};
        for (String target : targets) {
            assertThatThrownBy(() -> clock.set(Instant.parse(target))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("between 1970-01-01T00:00:00Z and 9999-12-30T23:59:59Z");
        }
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-20T12:00:00Z"));
    }

    @Test
    void anAdvancePastTheRangeIsRefusedEvenWhenItOverflowsAnInstant() {
        assertThatThrownBy(() -> clock.advance(Duration.ofDays(3_000_000)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(Long.MAX_VALUE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between");
        assertThatThrownBy(() -> clock.advance(Duration.ofDays(-30_000))).isInstanceOf(IllegalArgumentException.class);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-20T12:00:00Z"));
        assertThat(clock.frozen()).isFalse();
    }

    @Test
    void startAtReturnsToTheStartWhateverTheClockDidMeanwhile() {
        clock.advance(Duration.ofDays(3));
        clock.startAt(Instant.parse("2026-11-01T08:00:00Z"), true);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-01T08:00:00Z"));
        assertThat(clock.frozen()).isTrue();

        clock.startAt(null, false);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-20T12:00:00Z"));
        assertThat(clock.frozen()).isFalse();

        assertThatThrownBy(() -> clock.startAt(Instant.parse("1969-01-01T00:00:00Z"), false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
