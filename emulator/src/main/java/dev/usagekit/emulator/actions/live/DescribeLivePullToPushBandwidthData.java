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
import dev.usagekit.emulator.wire.WireCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import tools.jackson.core.JsonGenerator;
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

    private static final ThreadLocal<SlotScratch> SLOT_SCRATCH = new ThreadLocal<>();

    public record Query(String startText, String endText, Instant start, Instant end, int offsetSeconds,
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
        WireTime.Rfc3339Time start = params.requiredRfc3339("StartTime");
        WireTime.Rfc3339Time end = params.requiredRfc3339("EndTime");
        // Aggregation and DetailField hold only the schema's values by now
        Integer aggregation = params.optionalInt("Aggregation");
        Duration granularity = aggregation == null ? SPEC.defaultGranularity() : Duration.ofSeconds(aggregation);
        return new Query(params.requiredText("StartTime"), params.requiredText("EndTime"), start.instant(),
                end.instant(), start.offsetSeconds(), granularity, params.optionalNameList("GroupList", MAX_GROUPS),
                params.optionalTextList("DetailField"));
    }

    @Override
    public Result handle(Query query, BucketGrid grid, RuleContext context) {
        Account account = context.account();
        List<PullToPushGroup> groups = query.groupList().isEmpty() ? account.pullToPushGroups()
                : query.groupList().stream().map(g -> account.pullToPushGroup(g).orElseThrow()).toList();
        List<Series> series = groups.stream().map(g -> context.series("pull-to-push-group", g.name(),
                "pull-to-push group " + g.name(), g.scale(), g.anomalies(), grid)).toList();
        int slotsPerBucket = (int) (grid.granularity().getSeconds() / Series.SLOT_SECONDS);
        int n = grid.served();
        // each group's own series is only made when the answer is split by group
        long[][] perGroup = query.split() ? new long[groups.size()][] : null;
        SlotScratch scratch = SlotScratch.of(n * slotsPerBucket);
        long[] slotSums = scratch.sumKbps;
        long[] groupSlots = scratch.groupKbps;
        for (int g = 0; g < groups.size(); g++) {
            BandwidthMetric.slotPeaksKbps(series.get(g), grid.startSecond(0), scratch.activities, groupSlots);
            for (int s = 0; s < slotSums.length; s++) {
                slotSums[s] += groupSlots[s];
            }
            if (perGroup != null) {
                perGroup[g] = busiestSlots(groupSlots, n, slotsPerBucket);
            }
        }
        // the total of a slot is the sum of its groups
        long[] total = busiestSlots(slotSums, n, slotsPerBucket);
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

    /**
     * This thread's slot arrays, kept from its last call of the same length: they never outlive {@link #handle}, and
     * allocating them was a quarter of a call's allocation.
     */
    private static final class SlotScratch {
        final double[] activities;
        final long[] groupKbps;
        /** The slots' sums over the groups so far: zeroed for each call. */
        final long[] sumKbps;

        private SlotScratch(int slots) {
            activities = new double[slots];
            groupKbps = new long[slots];
            sumKbps = new long[slots];
        }

        static SlotScratch of(int slots) {
            SlotScratch scratch = SLOT_SCRATCH.get();
            if (scratch == null || scratch.sumKbps.length != slots) {
                scratch = new SlotScratch(slots);
                SLOT_SCRATCH.set(scratch);
            } else {
                Arrays.fill(scratch.sumKbps, 0);
            }
            return scratch;
        }
    }

    /** Each of the {@code buckets} buckets' busiest slot: a coarser bucket reports the peak of its slots. */
    private static long[] busiestSlots(long[] slots, int buckets, int slotsPerBucket) {
        long[] peaks = new long[buckets];
        for (int b = 0; b < buckets; b++) {
            for (int s = b * slotsPerBucket; s < (b + 1) * slotsPerBucket; s++) {
                peaks[b] = Math.max(peaks[b], slots[s]);
            }
        }
        return peaks;
    }

    /** The highest of the values, in Mbps. */
    private static double peak(long[] kbps) {
        long max = 0;
        for (long v : kbps) {
            max = Math.max(max, v);
        }
        return BandwidthMetric.mbps(max);
    }

    /**
     * The points as a view over the values: each point is written while the response is written, so the largest
     * query (20 x 8928 points) never holds a second copy of its response as objects.
     */
    private static List<BandwidthData> points(BucketGrid grid, long[] kbps) {
        return new PointList(grid, kbps);
    }

    @JsonSerialize(using = PointListWriter.class)
    static final class PointList extends AbstractList<BandwidthData> implements RandomAccess {
        private final BucketGrid grid;
        private final long[] kbps;

        PointList(BucketGrid grid, long[] kbps) {
            this.grid = grid;
            this.kbps = kbps;
        }

        @Override
        public BandwidthData get(int b) {
            return new BandwidthData(WireTime.formatRfc3339(grid.startSecond(b), grid.offsetSeconds()),
                    BandwidthMetric.mbps(kbps[b]));
        }

        @Override
        public int size() {
            return kbps.length;
        }
    }

    /**
     * Writes a {@link PointList} exactly as the bean serializer writes its {@link BandwidthData} records (a test holds
     * the two to the same bytes), without making a record, a string and a general double-to-text per point: the
     * series is most of the work of an answer. The points' text is put together as ASCII in a buffer and handed to the
     * generator's output (stream or writer) a few kilobytes at a time; a point whose time or number only the general
     * writers can write is written by the bean serializer into the same text.
     */
    static final class PointListWriter extends StdSerializer<PointList> {
        private static final byte[] POINT_START = "{\"TimeStamp\":\"".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] BETWEEN = "\",\"UpBandwidth\":".getBytes(StandardCharsets.US_ASCII);
        private static final int POINT_MAX_BYTES = 1 + POINT_START.length + WireTime.RFC3339_MAX_CHARS
                + BETWEEN.length + DecimalText.MAX_CHARS + 1;
        private static final int CHUNK_BYTES = 8192;
        /** One buffer per thread: a series is written start to end on one thread, and no answer nests another. */
        private static final ThreadLocal<byte[]> CHUNKS = ThreadLocal.withInitial(() -> new byte[CHUNK_BYTES]);

        PointListWriter() {
            super(PointList.class);
        }

        @Override
        public void serialize(PointList points, JsonGenerator out, SerializationContext context) {
            out.writeStartArray(points, points.size());
            Object target = out.streamWriteOutputTarget();
            if (!(target instanceof OutputStream) && !(target instanceof Writer)) {
                for (int b = 0; b < points.size(); b++) { // e.g. a token buffer: no text to append to
                    context.writeValue(out, points.get(b));
                }
                out.writeEndArray();
                return;
            }
            out.flush(); // what the generator holds goes first
            WireTime.Rfc3339Series times = new WireTime.Rfc3339Series(points.grid.offsetSeconds(), POINT_START,
                    BETWEEN);
            byte[] chunk = CHUNKS.get();
            int at = 0;
            try {
                for (int b = 0; b < points.size(); b++) {
                    if (at > CHUNK_BYTES - POINT_MAX_BYTES) {
                        append(target, chunk, at);
                        at = 0;
                    }
                    if (b > 0) {
                        chunk[at++] = ',';
                    }
                    int end = writePoint(points, b, times, chunk, at);
                    if (end < 0) {
                        append(target, chunk, at);
                        at = 0;
                        byte[] general = WireCodec.JSON.writeValueAsBytes(points.get(b));
                        append(target, general, general.length);
                    } else {
                        at = end;
                    }
                }
                append(target, chunk, at);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.writeEndArray(); // the generator saw no element, so it adds no separator
        }

        /** Appends point {@code b} from {@code at}; its end, or -1 when only the general writers can write it. */
        private static int writePoint(PointList points, int b, WireTime.Rfc3339Series times, byte[] into, int at) {
            int timeLength = times.write(points.grid.startSecond(b), into, at); // with POINT_START and BETWEEN
            if (timeLength < 0) {
                return -1;
            }
            at += timeLength;
            int numberLength = DecimalText.writeThousandths(points.kbps[b], into, at);
            if (numberLength < 0) {
                return -1;
            }
            at += numberLength;
            into[at++] = '}';
            return at;
        }

        private static void append(Object target, byte[] ascii, int length) throws IOException {
            if (target instanceof OutputStream stream) {
                stream.write(ascii, 0, length);
            } else {
                ((Writer) target).write(new String(ascii, 0, length, StandardCharsets.US_ASCII));
            }
        }
    }
}
