package dev.usagekit.emulator.usage;

/**
 * Pull-to-push upstream bandwidth of a task group: peak Mbps (base 1000) within each 300 s slot, rounded to kbps (3
 * decimals) so that sums and peaks of published values are exact. Computed as whole kbps: a call adds and compares
 * them as integers and divides once per published value, if at all.
 */
public final class BandwidthMetric {

    /** Mbps of a group with scale 1.0 at full activity. */
    private static final double BASE_MBPS = 120.0;

    private BandwidthMetric() {
    }

    /** Peak Mbps in the slot, in whole kbps (the published value is this many thousandths). */
    public static long slotPeakKbps(Series group, long slotStartEpochSecond) {
        return kbps(group, group.activity(slotStartEpochSecond));
    }

    /**
     * {@link #slotPeakKbps} of {@code into.length} consecutive slots, from the one starting at {@code firstSlotStart};
     * {@code activities} (as long as {@code into}) is scratch.
     */
    public static void slotPeaksKbps(Series group, long firstSlotStart, double[] activities, long[] into) {
        group.activities(firstSlotStart, activities);
        for (int i = 0; i < into.length; i++) {
            into[i] = kbps(group, activities[i]);
        }
    }

    /** The published Mbps of a number of kbps. */
    public static double mbps(long kbps) {
        return kbps / 1000.0;
    }

    private static long kbps(Series group, double activity) {
        return Math.round(group.scale() * BASE_MBPS * activity * 1000.0);
    }
}
