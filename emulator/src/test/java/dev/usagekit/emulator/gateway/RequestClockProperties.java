package dev.usagekit.emulator.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.usagekit.emulator.actions.live.LiveErrors;
import dev.usagekit.emulator.core.ApiError;
import dev.usagekit.emulator.core.CallTrace;
import dev.usagekit.emulator.time.EmulatorClock;
import java.time.Instant;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Which instant a call's X-Emulator-Clock header names, and what is refused. */
class RequestClockProperties {

    private static final Instant CLOCK = Instant.parse("2026-11-20T12:00:00Z");
    private static final RequestClock HONOURED = new RequestClock(true);
    private static final LiveErrors ERRORS = new LiveErrors();

    @Property(tries = 300)
    void anInstantInTheClocksRangeIsReadInAnyOffset(
            @ForAll @LongRange(min = 0, max = 253_402_214_399L) long epochSecond,
            @ForAll @IntRange(min = -18 * 4, max = 18 * 4) int offsetQuarterHours) {
        Instant instant = Instant.ofEpochSecond(epochSecond);
        String header = instant.atOffset(ZoneOffset.ofTotalSeconds(offsetQuarterHours * 900)).toString();
        CallTrace trace = new CallTrace();

        assertThat(HONOURED.now(header, CLOCK, ERRORS, trace)).as(header).isEqualTo(instant);
        assertThat(trace.details().get("clock").toString())
                .isEqualTo("{now=" + instant + ", from=X-Emulator-Clock}");
    }

    @Property(tries = 100)
    void anInstantOutsideTheClocksRangeIsTheActionsInvalidParameter(
            @ForAll @LongRange(min = 1, max = 10_000_000_000L) long secondsBeyond, @ForAll boolean before) {
        Instant outside = before ? EmulatorClock.EARLIEST.minusSeconds(secondsBeyond)
                : EmulatorClock.LATEST.plusSeconds(secondsBeyond);
        assertThatThrownBy(() -> HONOURED.now(outside.toString(), CLOCK, ERRORS, new CallTrace()))
                .isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidParam");
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.rule()).isEqualTo("clock-header");
                });
    }

    @Test
    void withoutTheHeaderOrWithTheSettingOffACallHasTheClocksTime() {
        CallTrace trace = new CallTrace();
        assertThat(HONOURED.now(null, CLOCK, ERRORS, trace)).isEqualTo(CLOCK);
        RequestClock ignored = new RequestClock(false);
        assertThat(ignored.now("2020-01-01T00:00:00Z", CLOCK, ERRORS, trace)).isEqualTo(CLOCK);
        assertThat(ignored.now("not a time", CLOCK, ERRORS, trace)).isEqualTo(CLOCK);
        assertThat(trace.details()).doesNotContainKey("clock");
    }

    @Test
    void aTimeWithoutAnOffsetIsRefused() {
        assertThatThrownBy(() -> HONOURED.now("2026-11-20T12:00:00", CLOCK, ERRORS, new CallTrace()))
                .isInstanceOf(ApiError.class);
        assertThat(HONOURED.now(" 2026-11-20T12:00:00Z ", CLOCK, ERRORS, new CallTrace())).isEqualTo(CLOCK);
    }
}
