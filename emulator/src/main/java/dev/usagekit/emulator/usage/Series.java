package dev.usagekit.emulator.usage;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The activity of one entity over time: a pure function of its key and the slot. Shapes what real usage looks like:
 * a daily cycle peaking in the local evening, busier weekends, noise, rare bursts, idle hours and idle days.
 */
public final class Series {

    /** The finest slot the model knows; every coarser bucket is derived from these. */
    public static final int SLOT_SECONDS = 300;

    private static final long SALT_SLOT = 1;
    private static final long SALT_HOUR_IDLE = 2;
    private static final long SALT_DAY_IDLE = 3;
    private static final long SALT_BURST = 4;
    private static final long SALT_SHAPE = 5;

    /**
     * The key-independent half of the noise draw of the slots this thread asked for last: every series of one answer
     * walks the same slots, and the draw was half the cost of a slot.
     */
    private static final ThreadLocal<SlotDraws> SLOT_DRAWS = ThreadLocal.withInitial(SlotDraws::new);

    private final long key;
    private final double scale;
    private final int offsetSeconds;
    private final double weekendFactor;
    private final double idleDayRate;
    /** Daily cycle sampled per slot of the local day (288 values), computed once per series. */
    private final double[] daily;
    /** The catalogue's anomalies as epoch-second ranges [from, to) and factors, in the order given. */
    private final long[] anomalyFrom;
    private final long[] anomalyTo;
    private final double[] anomalyFactor;
    /** How the account's data arrives, or null when every served slot is whole. */
    private final Settling settling;
    /** The epoch second up to which data is served (now − data delay), when {@link #settling} is set. */
    private final long servedUntil;

    Series(long key, double scale, ZoneOffset localOffset, List<Anomaly> anomalies) {
        this.settling = null;
        this.servedUntil = 0;
        this.key = key;
        this.anomalyFrom = anomalies.stream().mapToLong(a -> a.from().getEpochSecond()).toArray();
        this.anomalyTo = anomalies.stream().mapToLong(a -> a.to().getEpochSecond()).toArray();
        this.anomalyFactor = anomalies.stream().mapToDouble(Anomaly::factor).toArray();
        this.scale = scale;
        this.offsetSeconds = localOffset.getTotalSeconds();
        double peakHour = 19 + 3 * Hashing.unit(key, SALT_SHAPE, 0);
        this.weekendFactor = 0.75 + 0.6 * Hashing.unit(key, SALT_SHAPE, 1);
        this.idleDayRate = 0.01 + 0.03 * Hashing.unit(key, SALT_SHAPE, 2);
        double floor = 0.04 + 0.12 * Hashing.unit(key, SALT_SHAPE, 3);
        this.daily = new double[86400 / SLOT_SECONDS];
        for (int i = 0; i < daily.length; i++) {
            double hour = i * SLOT_SECONDS / 3600.0;
            double wave = (1 + Math.cos(2 * Math.PI * (hour - peakHour) / 24)) / 2;
            daily[i] = floor + (1 - floor) * wave * wave;
        }
    }

    /** The same series sharing what it derived once, read with late-arriving data. */
    private Series(Series whole, Settling settling, long servedUntil) {
        this.key = whole.key;
        this.scale = whole.scale;
        this.offsetSeconds = whole.offsetSeconds;
        this.weekendFactor = whole.weekendFactor;
        this.idleDayRate = whole.idleDayRate;
        this.daily = whole.daily;
        this.anomalyFrom = whole.anomalyFrom;
        this.anomalyTo = whole.anomalyTo;
        this.anomalyFactor = whole.anomalyFactor;
        this.settling = settling;
        this.servedUntil = servedUntil;
    }

    /**
     * This series as a call sees it when data is served up to {@code servedUntil} and arrives as {@code settling} says
     * (null: whole at once, and this series itself).
     */
    public Series asServed(Instant servedUntil, Settling settling) {
        return settling == null ? this : new Series(this, settling, servedUntil.getEpochSecond());
    }

    public long key() {
        return key;
    }

    public double scale() {
        return scale;
    }

    /** A uniform value in [0, 1) tied to this series, for choices that must be stable (mixes, shares). */
    public double trait(long salt, long index) {
        return Hashing.unit(key, 100 + salt, index);
    }

    /**
     * Relative activity (around 0..1; a weekend's burst up to 5.9; 0 when idle) during the slot that starts at the
     * given epoch second. Pure: the same slot always gives the same value.
     */
    public double activity(long slotStartEpochSecond) {
        long local = slotStartEpochSecond + offsetSeconds;
        long localDay = Math.floorDiv(local, 86400);
        if (idleDay(localDay)) {
            return 0;
        }
        long hourIndex = Math.floorDiv(slotStartEpochSecond, 3600);
        if (idleHour(hourIndex)) {
            return 0;
        }
        return arrived(slotStartEpochSecond, withAnomalies(slotStartEpochSecond,
                level(local, localDay) * noiseOfSlot(slotStartEpochSecond) * burst(hourIndex)));
    }

    /** The share of the slot's value that has arrived by {@link #servedUntil}, as {@link #activities} applies it. */
    private double arrived(long slotStart, double value) {
        return settling == null ? value : value * settling.share(slotStart + SLOT_SECONDS, servedUntil);
    }

    /**
     * The value times the factor of each anomaly the slot starts in, one after the other in the catalogue's order, as
     * {@link #activities} multiplies them: both forms give the same bits.
     */
    private double withAnomalies(long slotStart, double value) {
        for (int i = 0; i < anomalyFactor.length; i++) {
            if (slotStart >= anomalyFrom[i] && slotStart < anomalyTo[i]) {
                value *= anomalyFactor[i];
            }
        }
        return value;
    }

    /**
     * {@link #activity} of {@code into.length} consecutive slots from the one starting at {@code firstSlotStart}: the
     * same values, with the day- and hour-level draws made once per day and hour instead of once per slot, and the
     * slots' key-independent draws shared by the series that walk the same slots.
     */
    public void activities(long firstSlotStart, double[] into) {
        // positions within the local day and the UTC hour advance by one slot a step: no division per slot
        long local = firstSlotStart + offsetSeconds;
        long localDay = Math.floorDiv(local, 86400);
        int secondOfDay = (int) (local - localDay * 86400);
        long hour = Math.floorDiv(firstSlotStart, 3600);
        int secondOfHour = (int) (firstSlotStart - hour * 3600);
        long[] draws = SLOT_DRAWS.get().of(Math.floorDiv(firstSlotStart, SLOT_SECONDS), into.length);
        boolean idleDay = idleDay(localDay);
        double dayFactor = dayFactor(localDay);
        boolean idleHour = idleHour(hour);
        double burst = burst(hour);
        for (int i = 0; i < into.length; i++) {
            into[i] = idleDay || idleHour ? 0
                    : daily[secondOfDay / SLOT_SECONDS] * dayFactor * noise(draws[i]) * burst;
            secondOfDay += SLOT_SECONDS;
            if (secondOfDay >= 86400) {
                secondOfDay -= 86400;
                localDay++;
                idleDay = idleDay(localDay);
                dayFactor = dayFactor(localDay);
            }
            secondOfHour += SLOT_SECONDS;
            if (secondOfHour >= 3600) {
                secondOfHour -= 3600;
                hour++;
                idleHour = idleHour(hour);
                burst = burst(hour);
            }
        }
        for (int a = 0; a < anomalyFactor.length; a++) {
            int end = firstSlotAtOrAfter(anomalyTo[a], firstSlotStart, into.length);
            for (int i = firstSlotAtOrAfter(anomalyFrom[a], firstSlotStart, into.length); i < end; i++) {
                into[i] *= anomalyFactor[a];
            }
        }
        if (settling != null) {
            // only slots that ended less than a period before servedUntil are short of their value
            long partialFrom = servedUntil - settling.period().getSeconds() - SLOT_SECONDS + 1;
            for (int i = firstSlotAtOrAfter(partialFrom, firstSlotStart, into.length); i < into.length; i++) {
                into[i] = arrived(firstSlotStart + (long) i * SLOT_SECONDS, into[i]);
            }
        }
    }

    /** The index of the first of {@code count} slots from {@code firstSlotStart} that starts at or after the second. */
    private static int firstSlotAtOrAfter(long epochSecond, long firstSlotStart, int count) {
        long index = -Math.floorDiv(firstSlotStart - epochSecond, SLOT_SECONDS); // ceil((second - first) / slot)
        return (int) Math.max(0, Math.min(count, index));
    }

    private boolean idleDay(long localDay) {
        return Hashing.unit(key, SALT_DAY_IDLE, localDay) < idleDayRate;
    }

    private boolean idleHour(long hourIndex) {
        return Hashing.unit(key, SALT_HOUR_IDLE, hourIndex) < 0.03;
    }

    /** A rare busy hour multiplies activity by 1.8 to 3.8. */
    private double burst(long hourIndex) {
        double draw = Hashing.unit(key, SALT_BURST, hourIndex);
        return draw < 0.02 ? 1.8 + 100 * draw : 1.0;
    }

    private double level(long local, long localDay) {
        int slotOfDay = (int) (Math.floorMod(local, 86400) / SLOT_SECONDS);
        return daily[slotOfDay] * dayFactor(localDay);
    }

    /** Weekends follow the series' weekly factor. */
    private double dayFactor(long localDay) {
        int dayOfWeek = (int) Math.floorMod(localDay + 3, 7); // epoch day 0 was a Thursday; 0 = Monday
        return dayOfWeek >= 5 ? weekendFactor : 1.0;
    }

    private double noiseOfSlot(long slotStart) {
        return noise(Hashing.draw(SALT_SLOT, Math.floorDiv(slotStart, SLOT_SECONDS)));
    }

    /** The slot's noise from its key-independent draw. */
    private double noise(long slotDraw) {
        return 0.85 + 0.3 * Hashing.unitOfDraw(key, slotDraw);
    }

    /** {@link Hashing#draw} of a run of consecutive slots, kept until a different run is asked for. */
    private static final class SlotDraws {
        private long firstSlot;
        private int count = -1;
        private long[] draws = new long[0];

        long[] of(long firstSlot, int count) {
            if (firstSlot != this.firstSlot || count != this.count) {
                if (draws.length < count) {
                    draws = new long[count];
                }
                for (int i = 0; i < count; i++) {
                    draws[i] = Hashing.draw(SALT_SLOT, firstSlot + i);
                }
                this.firstSlot = firstSlot;
                this.count = count;
            }
            return draws;
        }
    }

    /**
     * Activity for a whole day, as a day-level draw, of the 24 hours from {@code dayStartEpochSecond}: a pure function
     * of those instants, so the same hours asked in any offset give the same value and another day's hours with the same
     * date another. Idle days and weekends are the series' own (its local day at the window's middle); anomalies and
     * late-arriving data count with the share of the window's slots they cover.
     */
    public double dayActivity(long dayStartEpochSecond) {
        long ownDay = Math.floorDiv(dayStartEpochSecond + 43_200 + offsetSeconds, 86400);
        if (idleDay(ownDay)) {
            return 0;
        }
        double noise = 0.8 + 0.4 * Hashing.unit(key, SALT_SLOT, dayKey(dayStartEpochSecond));
        return dayFactor(ownDay) * noise * meanSlotFactor(dayStartEpochSecond);
    }

    /** A day-level draw's index: one per minute a day may start at (offsets are whole minutes). */
    public static long dayKey(long dayStartEpochSecond) {
        return Math.floorDiv(dayStartEpochSecond, 60);
    }

    /**
     * The anomalies' factor times the share arrived, averaged over the slots of the day from its first second: a day
     * half out is half as busy.
     */
    private double meanSlotFactor(long dayStart) {
        if (anomalyFactor.length == 0 && settling == null) {
            return 1;
        }
        double sum = 0;
        for (int slot = 0; slot < daily.length; slot++) {
            long slotStart = dayStart + (long) slot * SLOT_SECONDS;
            sum += arrived(slotStart, withAnomalies(slotStart, 1));
        }
        return sum / daily.length;
    }
}
