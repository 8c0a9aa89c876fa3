package dev.usagekit.emulator.usage;

import java.util.List;

/** Distinct RTC call users of an app per area and day (24 hours from a start instant), and over a range of days. */
public final class RtcUserMetric {

    /** Daily distinct users of a scale-1.0 app across China. */
    private static final double BASE_DAILY_USERS = 2400;
    /** How far an app's audience leans abroad: foreign users relative to Chinese ones, at most. */
    private static final double MAX_FOREIGN_SHARE = 0.6;

    private RtcUserMetric() {
    }

    /**
     * Distinct users on one day in each province (index-aligned with {@link Regions#PROVINCES}); the day as
     * {@link Series#dayActivity} takes it.
     */
    public static long[] provinceUsers(Series app, long dayStartEpochSecond) {
        return areaUsers(app, dayStartEpochSecond, Regions.PROVINCES, 10, 1.0);
    }

    /** Distinct users on one day in each foreign country (aligned with {@link Regions#FOREIGN_COUNTRIES}). */
    public static long[] foreignUsers(Series app, long dayStartEpochSecond) {
        return areaUsers(app, dayStartEpochSecond, Regions.FOREIGN_COUNTRIES, 20,
                MAX_FOREIGN_SHARE * app.trait(30, 0));
    }

    private static long[] areaUsers(Series app, long dayStartEpochSecond, List<Regions.Region> areas, long salt,
            double lean) {
        double total = areas.stream().mapToDouble(Regions.Region::weight).sum();
        double day = app.dayActivity(dayStartEpochSecond);
        long dayKey = Series.dayKey(dayStartEpochSecond);
        long[] users = new long[areas.size()];
        for (int i = 0; i < users.length; i++) {
            double tilt = 0.3 + 1.4 * app.trait(salt, i);
            double noise = 0.85 + 0.3 * Hashing.unit(app.key(), salt + 1, dayKey * 64 + i);
            double expected = app.scale() * BASE_DAILY_USERS * lean * areas.get(i).weight() / total * tilt * day * noise;
            users[i] = Math.round(expected);
        }
        return users;
    }

    /**
     * Distinct users over several days, from the daily counts: returning users are counted once, so the result lies
     * between the busiest day and the sum of the days.
     */
    public static long distinctOverDays(long[] daily) {
        long sum = 0;
        long max = 0;
        for (long d : daily) {
            sum += d;
            max = Math.max(max, d);
        }
        if (daily.length <= 1) {
            return sum;
        }
        long estimate = Math.round(sum / (1 + 0.35 * Math.log(daily.length)));
        return Math.max(max, Math.min(sum, estimate));
    }
}
