package dev.usagekit.emulator.usage;

import java.util.Arrays;
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
     * Distinct users over several days, from the daily counts: returning users are counted once. The busiest day
     * counts whole, and the k-th busiest adds {@code F(k) - F(k-1)} of its users as new ones, where
     * {@code F(n) = n / (1 + 0.35 ln n)} is the distinct count of n equal days. The shares fall with k, so the result
     * lies between the busiest day and the sum, and a day added to a range never lowers it: an idle day adds nothing.
     */
    public static long distinctOverDays(long[] daily) {
        long[] busiestFirst = daily.clone();
        Arrays.sort(busiestFirst);
        double distinct = 0;
        for (int k = 1; k <= busiestFirst.length; k++) {
            distinct += busiestFirst[busiestFirst.length - k] * (equalDays(k) - equalDays(k - 1));
        }
        return Math.round(distinct);
    }

    /** Distinct users over n days of one user each. */
    private static double equalDays(int n) {
        return n == 0 ? 0 : n / (1 + 0.35 * Math.log(n));
    }
}
