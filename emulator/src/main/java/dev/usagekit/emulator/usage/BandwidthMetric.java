package dev.usagekit.emulator.usage;

/** Pull-to-push upstream bandwidth of a task group: peak Mbps (base 1000) within each 300 s slot. */
public final class BandwidthMetric {

    /** Mbps of a group with scale 1.0 at full activity. */
    private static final double BASE_MBPS = 120.0;

    private BandwidthMetric() {
    }

    /** Peak Mbps in the slot, rounded to kbps (3 decimals) so sums and peaks of published values are exact. */
    public static double slotPeakMbps(Series group, long slotStartEpochSecond) {
        return peakMbps(group, group.activity(slotStartEpochSecond));
    }

    /** {@link #slotPeakMbps} of {@code into.length} consecutive slots, from the one starting at {@code firstSlotStart}. */
    public static void slotPeaksMbps(Series group, long firstSlotStart, double[] into) {
        group.activities(firstSlotStart, into);
        for (int i = 0; i < into.length; i++) {
            into[i] = peakMbps(group, into[i]);
        }
    }

    private static double peakMbps(Series group, double activity) {
        return roundKbps(group.scale() * BASE_MBPS * activity);
    }

    public static double roundKbps(double mbps) {
        return Math.round(mbps * 1000.0) / 1000.0;
    }
}
