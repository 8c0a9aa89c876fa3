package dev.usagekit.emulator.time;

import java.time.Clock;
import java.time.DateTimeException;
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

    /**
     * The range the clock may be set or moved to: the vendors' times are four-digit years from the Unix epoch on, and
     * the last day is left out so that every local time (up to UTC+14) is still in year 9999.
     */
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-30T23:59:59Z");

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

    /**
     * Where moving the clock by {@code amount} from {@code from} lands.
     *
     * @throws IllegalArgumentException when that is outside {@link #EARLIEST}..{@link #LATEST}
     */
    public static Instant landing(Instant from, Duration amount) {
        try {
            return inRange(from.plus(amount));
        } catch (DateTimeException | ArithmeticException e) {
            throw outOfRange(from + " + " + amount);
        }
    }

    /** Whether the clock may stand at {@code target}: from {@link #EARLIEST} to {@link #LATEST}. */
    public static boolean canStandAt(Instant target) {
        return !target.isBefore(EARLIEST) && !target.isAfter(LATEST);
    }

    private static Instant inRange(Instant target) {
        if (!canStandAt(target)) {
            throw outOfRange(target.toString());
        }
        return target;
    }

    private static IllegalArgumentException outOfRange(String target) {
        return new IllegalArgumentException("the virtual clock stays between " + EARLIEST + " and " + LATEST + ": "
                + target);
    }

    /**
     * Jumps to the given instant, keeping the frozen/running mode.
     *
     * @throws IllegalArgumentException when it is outside {@link #EARLIEST}..{@link #LATEST}; the clock stays
     */
    public void set(Instant target) {
        inRange(target);
        state.updateAndGet(s -> s.frozenAt != null
                ? new State(s.offset, target)
                : new State(Duration.between(system.instant(), target), null));
    }

    /**
     * Moves the clock by the given (possibly negative) amount.
     *
     * @throws IllegalArgumentException when it would leave {@link #EARLIEST}..{@link #LATEST}; the clock stays
     */
    public void advance(Duration amount) {
        // checked inside the update: two moves at once must not together carry the clock out of range
        state.updateAndGet(s -> {
            landing(s.frozenAt != null ? s.frozenAt : system.instant().plus(s.offset), amount);
            return s.frozenAt != null
                    ? new State(s.offset, s.frozenAt.plus(amount))
                    : new State(s.offset.plus(amount), null);
        });
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

    /**
     * As the emulator starts, and returns to on a reset: real time, frozen if asked, then set to the fixed start if
     * one is given.
     *
     * @param fixedStart null to keep real time
     * @throws IllegalArgumentException when the fixed start is outside {@link #EARLIEST}..{@link #LATEST}
     */
    public void startAt(Instant fixedStart, boolean frozen) {
        resetToSystem();
        if (frozen) {
            freeze(); // first, so the fixed start below is taken exactly
        }
        if (fixedStart != null) {
            set(fixedStart);
        }
    }
}
