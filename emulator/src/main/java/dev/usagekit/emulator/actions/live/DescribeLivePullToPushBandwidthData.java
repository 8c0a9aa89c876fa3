package dev.usagekit.emulator.actions.live;

import dev.usagekit.emulator.catalogue.Account;
import dev.usagekit.emulator.catalogue.PullToPushGroup;
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
import dev.usagekit.emulator.usage.BandwidthMetric;
import dev.usagekit.emulator.usage.Series;
import dev.usagekit.emulator.wire.DecimalText;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.ser.std.StdSerializer;

/** Volcengine Live DescribeLivePullToPushBandwidthData (2023-01-01): peak pull-to-push bandwidth per bucket. */
public final class DescribeLivePullToPushBandwidthData extends UsageAction<DescribeLivePullToPushBandwidthData.Query> {

    public static final ActionSpec SPEC = new ActionSpec(Vendor.VOLCENGINE, "DescribeLivePullToPushBandwidthData",
            "2023-01-01", "live", RateLimit.perSecond(30), Duration.ofDays(366),
            Map.of(Duration.ofSeconds(300), Duration.ofDays(31),
                    Duration.ofSeconds(3600), Duration.ofDays(93),
                    Duration.ofSeconds(86400), Duration.ofDays(93)),
            Duration.ofSeconds(300), Duration.ofMinutes(15));

    /**
     * Most groups one call may name (the request schema says the same). An emulator limit: 20 groups split over 31
     * days at 300 s is an answer of about 12 MB, which a small heap serves several at a time.
     */
    public static final int MAX_GROUPS = 20;

    public record Query(String startText, String endText, Instant start, Instant end, ZoneOffset offset,
            Duration granularity, List<String> groupList, List<String> detailField) implements TimeQuery {

        /** Split data only when asked for by Group and more than one group is named. */
        boolean split() {
            return detailField.contains("Group") && groupList.size() > 1;
        }
    }

    public record BandwidthData(String timeStamp, double upBandwidth) {
    }

    public record BandwidthDetailData(String group, String dstAddrType, double peakUpBandwidth,
            List<BandwidthData> bandwidthDataList) {
    }

    public record Result(List<String> groupList, String startTime, String endTime, int aggregation,
            List<String> detailField, double peakUpBandwidth, List<BandwidthData> bandwidthDataList,
            List<BandwidthDetailData> bandwidthDetailDataList) {
    }

    public DescribeLivePullToPushBandwidthData(LiveErrors errors) {
        super(SPEC, errors, List.of(Rule.of("groups-owned-by-caller", (q, ctx) -> {
            for (String group : q.groupList()) {
                if (ctx.account().pullToPushGroup(group).isEmpty()) {
                    throw LiveErrors.forbidden("group " + group);
                }
            }
        })));
    }

    @Override
    public Query parse(ParamReader params, RuleContext context) {
        OffsetDateTime start = params.requiredRfc3339("StartTime");
        OffsetDateTime end = params.requiredRfc3339("EndTime");
        Integer aggregation = params.optionalInt("Aggregation");
        Duration granularity = aggregation == null ? SPEC.defaultGranularity() : Duration.ofSeconds(aggregation);
        if (!SPEC.granularities().contains(granularity)) {
            throw errors().invalidValue("Aggregation", "supported values are 300, 3600 and 86400");
        }
        List<String> groups = params.optionalTextList("GroupList", MAX_GROUPS);
        if (groups.stream().anyMatch(String::isBlank)) {
            throw errors().invalidValue("GroupList", "group names must not be empty");
        }
        List<String> detail = params.optionalTextList("DetailField");
        for (String field : detail) {
            if (!field.equals("Group")) {
                throw errors().invalidValue("DetailField", "the supported dimension is Group");
            }
        }
        return new Query(params.requiredText("StartTime"), params.requiredText("EndTime"), start.toInstant(),
                end.toInstant(), start.getOffset(), granularity, groups, detail);
    }

    @Override
    public Result handle(Query query, BucketGrid grid, RuleContext context) {
        Account account = context.account();
        List<PullToPushGroup> groups = query.groupList().isEmpty() ? account.pullToPushGroups()
                : query.groupList().stream().map(g -> account.pullToPushGroup(g).orElseThrow()).toList();
        List<Series> series = groups.stream().map(g -> context.model().series(account.accountId(),
                "pull-to-push-group", g.name(), g.scale(), account.utcOffset())).toList();
        int slotsPerBucket = (int) (grid.granularity().getSeconds() / Series.SLOT_SECONDS);
        int n = grid.served();
        double[] total = new double[n];
        double[][] perGroup = new double[groups.size()][n];
        double[] slotSums = new double[n * slotsPerBucket];
        double[] groupSlots = new double[slotSums.length];
        for (int g = 0; g < groups.size(); g++) {
            BandwidthMetric.slotPeaksMbps(series.get(g), grid.startSecond(0), groupSlots);
            for (int b = 0; b < n; b++) {
                for (int s = b * slotsPerBucket; s < (b + 1) * slotsPerBucket; s++) {
                    perGroup[g][b] = Math.max(perGroup[g][b], groupSlots[s]);
                    slotSums[s] += groupSlots[s];
                }
            }
        }
        for (int b = 0; b < n; b++) {
            // the total of a slot is the sum of its groups; a coarser bucket reports its busiest slot
            for (int s = b * slotsPerBucket; s < (b + 1) * slotsPerBucket; s++) {
                total[b] = Math.max(total[b], BandwidthMetric.roundKbps(slotSums[s]));
            }
        }
        List<BandwidthDetailData> details = null;
        if (query.split()) {
            details = new ArrayList<>(groups.size());
            for (int g = 0; g < groups.size(); g++) {
                details.add(new BandwidthDetailData(groups.get(g).name(), groups.get(g).dstAddrType(),
                        peak(perGroup[g]), points(grid, perGroup[g])));
            }
        }
        return new Result(query.groupList().isEmpty() ? null : query.groupList(), query.startText(),
                query.endText(), (int) grid.granularity().getSeconds(),
                query.detailField().isEmpty() ? null : query.detailField(), peak(total), points(grid, total),
                details);
    }

    private static double peak(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    /**
     * The points as a view over the values: each point is written while the response is written, so the largest
     * query (20 x 8928 points) never holds a second copy of its response as objects.
     */
    private static List<BandwidthData> points(BucketGrid grid, double[] values) {
        return new PointList(grid, values);
    }

    @JsonSerialize(using = PointListWriter.class)
    static final class PointList extends AbstractList<BandwidthData> implements RandomAccess {
        private final BucketGrid grid;
        private final double[] values;

        PointList(BucketGrid grid, double[] values) {
            this.grid = grid;
            this.values = values;
        }

        @Override
        public BandwidthData get(int b) {
            return new BandwidthData(WireTime.formatRfc3339(grid.startSecond(b), grid.offset()), values[b]);
        }

        @Override
        public int size() {
            return values.length;
        }
    }

    /**
     * Writes a {@link PointList} exactly as the bean serializer writes its {@link BandwidthData} records (a test holds
     * the two to the same bytes), without making a record, a string and a general double-to-text per point: the
     * series is most of the work of an answer. Each point's text is put together in a char buffer and written as one
     * raw value; a point whose time or number only the general writers can write goes through them.
     */
    static final class PointListWriter extends StdSerializer<PointList> {
        private static final SerializableString TIME_STAMP = new SerializedString("TimeStamp");
        private static final SerializableString UP_BANDWIDTH = new SerializedString("UpBandwidth");
        private static final char[] POINT_START = "{\"TimeStamp\":\"".toCharArray();
        private static final char[] BETWEEN = "\",\"UpBandwidth\":".toCharArray();
        private static final int POINT_MAX_CHARS = POINT_START.length + WireTime.RFC3339_MAX_CHARS + BETWEEN.length
                + DecimalText.MAX_CHARS + 1;

        PointListWriter() {
            super(PointList.class);
        }

        @Override
        public void serialize(PointList points, JsonGenerator out, SerializationContext context) {
            char[] point = new char[POINT_MAX_CHARS];
            char[] number = new char[DecimalText.MAX_CHARS];
            System.arraycopy(POINT_START, 0, point, 0, POINT_START.length);
            WireTime.Rfc3339Series times = new WireTime.Rfc3339Series(points.grid.offset());
            out.writeStartArray(points, points.size());
            for (int b = 0; b < points.size(); b++) {
                long second = points.grid.startSecond(b);
                double value = points.values[b];
                int at = POINT_START.length;
                int timeLength = times.write(second, point, at);
                int numberLength = DecimalText.writeThousandths(value, number);
                if (timeLength < 0 || numberLength < 0) {
                    writeByTokens(out, second, points.grid.offset(), value);
                    continue;
                }
                at += timeLength;
                System.arraycopy(BETWEEN, 0, point, at, BETWEEN.length);
                at += BETWEEN.length;
                System.arraycopy(number, 0, point, at, numberLength);
                at += numberLength;
                point[at++] = '}';
                out.writeRawValue(point, 0, at);
            }
            out.writeEndArray();
        }

        private static void writeByTokens(JsonGenerator out, long second, ZoneOffset offset, double value) {
            out.writeStartObject();
            out.writeName(TIME_STAMP);
            out.writeString(WireTime.formatRfc3339(second, offset));
            out.writeName(UP_BANDWIDTH);
            out.writeNumber(value);
            out.writeEndObject();
        }
    }
}
