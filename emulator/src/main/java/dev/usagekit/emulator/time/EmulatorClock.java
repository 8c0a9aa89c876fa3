package dev.usagekit.emulator.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The virtual clock every time-dependent rule reads: signature windows, throttle refills, history limits and data
 * delays. Runs as system time plus an offset, or stands still when frozen; tests set, advance and freeze it.
 */
public final class EmulatorClock extends Clock {

    /** When not frozen, now = system now + offset; when frozen, now = frozenAt. */
    private record State(Duration offset, Instant frozenAt) {
    }

    private final Clock system;
    private final AtomicReference<State> state;

    public EmulatorClock(Clock system) {
        this.system = system;
        this.state = new AtomicReference<>(new State(Duration.ZERO, null));
    }

    public static EmulatorClock systemUtc() {
        return new EmulatorClock(Clock.systemUTC());
    }

    @Override
    public Instant instant() {
        State s = state.get();
        return s.frozenAt != null ? s.frozenAt : system.instant().plus(s.offset);
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    /** Jumps to the given instant, keeping the frozen/running mode. */
    public void set(Instant target) {
        state.updateAndGet(s -> s.frozenAt != null
                ? new State(s.offset, target)
                : new State(Duration.between(system.instant(), target), null));
    }

    /** Moves the clock by the given (possibly negative) amount. */
    public void advance(Duration amount) {
        state.updateAndGet(s -> s.frozenAt != null
                ? new State(s.offset, s.frozenAt.plus(amount))
                : new State(s.offset.plus(amount), null));
    }

    public void freeze() {
        state.updateAndGet(s -> s.frozenAt != null ? s : new State(s.offset, system.instant().plus(s.offset)));
    }

    /** Lets time run again from where it stands. */
    public void unfreeze() {
        state.updateAndGet(s -> s.frozenAt == null ? s
                : new State(Duration.between(system.instant(), s.frozenAt), null));
    }

    public boolean frozen() {
        return state.get().frozenAt != null;
    }

    /** Back to real time, running. */
    public void resetToSystem() {
        state.set(new State(Duration.ZERO, null));
    }
}
