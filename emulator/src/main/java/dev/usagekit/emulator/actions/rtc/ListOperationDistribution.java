package dev.usagekit.emulator.actions.rtc;

import dev.usagekit.emulator.catalogue.Account;
import dev.usagekit.emulator.catalogue.RtcApp;
import dev.usagekit.emulator.core.ActionSpec;
import dev.usagekit.emulator.core.BucketGrid;
import dev.usagekit.emulator.core.ParamReader;
import dev.usagekit.emulator.core.RateLimit;
import dev.usagekit.emulator.core.TimeQuery;
import dev.usagekit.emulator.core.UsageAction;
import dev.usagekit.emulator.core.Vendor;
import dev.usagekit.emulator.core.WireTime;
import dev.usagekit.emulator.rules.Rule;
import dev.usagekit.emulator.rules.RuleContext;
import dev.usagekit.emulator.usage.Regions;
import dev.usagekit.emulator.usage.RtcUserMetric;
import dev.usagekit.emulator.usage.Series;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Volcengine RTC ListOperationDistribution (2020-12-01): distinct call users of an app by province or country. */
public final class ListOperationDistribution extends UsageAction<ListOperationDistribution.Query> {

    public static final ActionSpec SPEC = new ActionSpec(Vendor.VOLCENGINE, "ListOperationDistribution", "2020-12-01",
            "rtc", RateLimit.perSecond(2), Duration.ofDays(30),
            Map.of(Duration.ofDays(1), Duration.ofDays(7)), Duration.ofDays(1), Duration.ofHours(8));

    public record Query(String appId, Instant start, Instant end, int offsetSeconds, String dimension,
            boolean byCountry) implements TimeQuery {
        @Override
        public Duration granularity() {
            return Duration.ofDays(1);
        }
    }

    public record DataItem(String distributionName, BigDecimal value, BigDecimal proportion) {
    }

    public record Result(String name, String dimension, List<DataItem> data) {
    }

    public ListOperationDistribution(RtcErrors errors) {
        super(SPEC, errors, List.of(Rule.of("app-owned-by-caller", (q, ctx) -> {
            if (ctx.account().rtcApp(q.appId()).isEmpty()) {
                throw ctx.catalogue().ownedByAnother(ctx.account(), a -> a.rtcApp(q.appId()).isPresent())
                        ? RtcErrors.appNotOwned(q.appId()) : RtcErrors.appNotFound(q.appId());
            }
        })));
    }

    @Override
    public Query parse(ParamReader params, RuleContext context) {
        String appId = params.requiredText("AppId");
        if (appId.isBlank()) {
            throw errors().invalidValue("AppId", "must not be empty");
        }
        WireTime.Rfc3339Time start = params.requiredRfc3339("StartTime");
        WireTime.Rfc3339Time end = params.requiredRfc3339("EndTime");
        // Indicator and Dimension are checked against the schema's values before this
        String dimension = params.requiredText("Dimension");
        return new Query(appId, start.instant(), end.instant(), start.offsetSeconds(), dimension,
                dimension.equalsIgnoreCase("country"));
    }

    @Override
    public Result handle(Query query, BucketGrid days, RuleContext context) {
        Account account = context.account();
        RtcApp app = account.rtcApp(query.appId()).orElseThrow();
        Series series = context.series("rtc-app", app.appId(), "RTC app " + app.appId(), app.scale(), app.anomalies(),
                days);
        int provinces = Regions.PROVINCES.size();
        int foreign = Regions.FOREIGN_COUNTRIES.size();
        long[][] provinceDaily = new long[provinces][days.served()];
        long[][] foreignDaily = new long[foreign][days.served()];
        for (int d = 0; d < days.served(); d++) {
            long[] p = RtcUserMetric.provinceUsers(series, days.startSecond(d));
            long[] f = RtcUserMetric.foreignUsers(series, days.startSecond(d));
            for (int i = 0; i < provinces; i++) {
                provinceDaily[i][d] = p[i];
            }
            for (int i = 0; i < foreign; i++) {
                foreignDaily[i][d] = f[i];
            }
        }
        List<String> names = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        if (query.byCountry()) {
            // the provinces' own counts over the days, added: China is their sum over any range
            long china = 0;
            for (int i = 0; i < provinces; i++) {
                china += RtcUserMetric.distinctOverDays(provinceDaily[i]);
            }
            names.add(Regions.CHINA);
            values.add(china);
            for (int i = 0; i < foreign; i++) {
                names.add(Regions.FOREIGN_COUNTRIES.get(i).name());
                values.add(RtcUserMetric.distinctOverDays(foreignDaily[i]));
            }
        } else {
            for (int i = 0; i < provinces; i++) {
                names.add(Regions.PROVINCES.get(i).name());
                values.add(RtcUserMetric.distinctOverDays(provinceDaily[i]));
            }
        }
        return new Result("user_num", query.dimension(), distribution(names, values));
    }

    /** Areas with users, busiest first, with percentages that sum to exactly 100.00 (largest remainder). */
    static List<DataItem> distribution(List<String> names, List<Long> values) {
        long total = values.stream().mapToLong(Long::longValue).sum();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (values.get(i) > 0) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparing((Integer i) -> -values.get(i)).thenComparing(names::get));
        if (total == 0) {
            return List.of();
        }
        long[] hundredths = new long[order.size()];
        double[] remainders = new double[order.size()];
        long assigned = 0;
        for (int k = 0; k < order.size(); k++) {
            double exact = values.get(order.get(k)) * 10000.0 / total;
            hundredths[k] = (long) Math.floor(exact);
            remainders[k] = exact - hundredths[k];
            assigned += hundredths[k];
        }
        List<Integer> byRemainder = new ArrayList<>();
        for (int k = 0; k < order.size(); k++) {
            byRemainder.add(k);
        }
        byRemainder.sort(Comparator.comparing((Integer k) -> -remainders[k]).thenComparing(k -> k));
        for (int r = 0; r < 10000 - assigned; r++) {
            hundredths[byRemainder.get(r)]++;
        }
        List<DataItem> items = new ArrayList<>(order.size());
        for (int k = 0; k < order.size(); k++) {
            int i = order.get(k);
            items.add(new DataItem(names.get(i), BigDecimal.valueOf(values.get(i)).setScale(2, RoundingMode.UNNECESSARY),
                    BigDecimal.valueOf(hundredths[k], 2)));
        }
        return items;
    }
}
