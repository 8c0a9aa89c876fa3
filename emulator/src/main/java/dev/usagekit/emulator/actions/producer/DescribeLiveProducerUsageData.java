package dev.usagekit.emulator.actions.producer;

import dev.usagekit.emulator.catalogue.Account;
import dev.usagekit.emulator.catalogue.ProducerInstance;
import dev.usagekit.emulator.core.ActionSpec;
import dev.usagekit.emulator.core.BucketGrid;
import dev.usagekit.emulator.core.ParamReader;
import dev.usagekit.emulator.core.RateLimit;
import dev.usagekit.emulator.core.TimeQuery;
import dev.usagekit.emulator.core.UsageAction;
import dev.usagekit.emulator.core.Vendor;
import dev.usagekit.emulator.core.WireTime;
import dev.usagekit.emulator.gateway.aliyun.AliyunErrors;
import dev.usagekit.emulator.rules.Rule;
import dev.usagekit.emulator.rules.RuleContext;
import dev.usagekit.emulator.usage.ProducerMetric;
import dev.usagekit.emulator.usage.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Alibaba Cloud Live DescribeLiveProducerUsageData (2016-11-01, RPC): producer minutes per hour or day. */
public final class DescribeLiveProducerUsageData extends UsageAction<DescribeLiveProducerUsageData.Query> {

    /** The data delay is not documented; an hour matches hourly billing data [design choice]. */
    public static final ActionSpec SPEC = new ActionSpec(Vendor.ALIYUN, "DescribeLiveProducerUsageData", "2016-11-01",
            "live", RateLimit.perSecond(5), Duration.ofDays(90),
            Map.of(Duration.ofSeconds(3600), Duration.ofDays(31), Duration.ofSeconds(86400), Duration.ofDays(31)),
            Duration.ofSeconds(3600), Duration.ofHours(1));

    /** The SplitBy keys, in the order an item's labels are keyed. */
    private static final List<String> SPLIT_KEYS = List.of("domain", "region", "instance", "type");

    /** Without StartTime and EndTime the last day is queried [design choice]. */
    static final Duration DEFAULT_WINDOW = Duration.ofDays(1);

    public record Query(Instant start, Instant end, Duration granularity, List<String> regions, List<String> domains,
            List<String> instances, List<String> types, List<String> splitBy, String app) implements TimeQuery {
        /** Aliyun's times are UTC. */
        @Override
        public int offsetSeconds() {
            return 0;
        }
    }

    public record Item(String domainName, String instance, long outputHdDuration, long outputLdDuration,
            long outputSdDuration, String region, String timeStamp, long tranHdDuration, long tranLdDuration,
            long tranSdDuration, String type) {
    }

    public record BillProducerData(List<Item> billProducerDataItem) {
    }

    public record Result(BillProducerData billProducerData, String endTime, String requestId, String startTime) {
    }

    public DescribeLiveProducerUsageData() {
        super(SPEC, new ProducerErrors(), List.of(Rule.of("resources-owned-by-caller", (q, ctx) -> {
            for (String domain : q.domains()) {
                if (ctx.account().producerInstances().stream().noneMatch(i -> i.domain().equals(domain))
                        && ctx.account().liveDomain(domain).isEmpty()) {
                    throw AliyunErrors.forbidden().withProblem("DomainName " + domain + " is not the caller's");
                }
            }
            for (String instance : q.instances()) {
                if (ctx.account().producerInstance(instance).isEmpty()) {
                    throw AliyunErrors.forbidden().withProblem("Instance " + instance + " is not the caller's");
                }
            }
        })));
    }

    @Override
    public Query parse(ParamReader params, RuleContext context) {
        String interval = params.optionalText("Interval");
        // 3600 or 86400 by now: the request schema has refused any other Interval, and lists written in another case
        Duration granularity = interval == null ? SPEC.defaultGranularity()
                : Duration.ofSeconds(Long.parseLong(interval));
        String startText = params.optionalText("StartTime");
        String endText = params.optionalText("EndTime");
        Instant start;
        Instant end;
        if (startText == null && endText == null) {
            long g = granularity.getSeconds();
            end = Instant.ofEpochSecond(Math.floorDiv(context.now().getEpochSecond(), g) * g);
            start = end.minus(DEFAULT_WINDOW);
        } else if (startText == null || endText == null) {
            throw ProducerErrors.TIME_MALFORMED;
        } else {
            start = WireTime.parseAliyunUtc(startText).orElseThrow(() -> ProducerErrors.START_MALFORMED);
            end = WireTime.parseAliyunUtc(endText).orElseThrow(() -> ProducerErrors.END_MALFORMED);
        }
        // Type and SplitBy hold only the schema's names by now
        return new Query(start, end, granularity, params.commaList("Region"), params.commaList("DomainName"),
                params.commaList("Instance"), params.commaList("Type"), params.commaList("SplitBy"),
                params.optionalText("app"));
    }

    @Override
    public Result handle(Query query, BucketGrid grid, RuleContext context) {
        Account account = context.account();
        List<ProducerInstance> selected = account.producerInstances().stream()
                .filter(i -> query.regions().isEmpty() || query.regions().contains(i.region()))
                .filter(i -> query.domains().isEmpty() || query.domains().contains(i.domain()))
                .filter(i -> query.instances().isEmpty() || query.instances().contains(i.instanceId()))
                .filter(i -> query.types().isEmpty() || query.types().contains(i.type()))
                .filter(i -> query.app() == null || query.app().isEmpty() || query.app().equals(i.app()))
                .toList();
        // group key -> minutes per bucket; without SplitBy one group holds everything (zeros included)
        Map<List<String>, ProducerMetric.Minutes[]> groups = new TreeMap<>(Comparator.comparing(Object::toString));
        if (query.splitBy().isEmpty()) {
            groups.put(List.of(), zeros(grid.served()));
        }
        int hoursPerBucket = (int) (grid.granularity().getSeconds() / 3600);
        for (ProducerInstance instance : selected) {
            Series series = context.series("producer-instance", instance.instanceId(),
                    "producer instance " + instance.instanceId(), instance.scale(), instance.anomalies(), grid);
            ProducerMetric.Minutes[] sums = groups.computeIfAbsent(groupKey(query, instance), k -> zeros(grid.served()));
            for (int b = 0; b < grid.served(); b++) {
                for (int h = 0; h < hoursPerBucket; h++) {
                    sums[b] = sums[b].plus(ProducerMetric.hour(series, grid.startSecond(b) + h * 3600L));
                }
            }
        }
        List<Item> items = new ArrayList<>();
        for (int b = 0; b < grid.served(); b++) {
            String stamp = WireTime.formatAliyunUtc(grid.start(b));
            for (Map.Entry<List<String>, ProducerMetric.Minutes[]> e : groups.entrySet()) {
                items.add(item(query, e.getKey(), stamp, e.getValue()[b]));
            }
        }
        return new Result(new BillProducerData(items), WireTime.formatAliyunUtc(query.end()), context.requestId(),
                WireTime.formatAliyunUtc(query.start()));
    }

    private static ProducerMetric.Minutes[] zeros(int n) {
        ProducerMetric.Minutes[] a = new ProducerMetric.Minutes[n];
        java.util.Arrays.fill(a, ProducerMetric.Minutes.ZERO);
        return a;
    }

    /** The values of the SplitBy keys for an instance, in the fixed order domain, region, instance, type. */
    private static List<String> groupKey(Query query, ProducerInstance i) {
        if (query.splitBy().isEmpty()) {
            return List.of();
        }
        List<String> key = new ArrayList<>(4);
        for (String k : SPLIT_KEYS) {
            if (query.splitBy().contains(k)) {
                key.add(switch (k) {
                    case "domain" -> i.domain();
                    case "region" -> i.region();
                    case "instance" -> i.instanceId();
                    default -> i.type();
                });
            } else {
                key.add(null);
            }
        }
        return java.util.Collections.unmodifiableList(key);
    }

    private static Item item(Query query, List<String> key, String stamp, ProducerMetric.Minutes m) {
        String domain = key.isEmpty() ? null : key.get(0);
        String region = key.isEmpty() ? null : key.get(1);
        String instance = key.isEmpty() ? null : key.get(2);
        String type = key.isEmpty() ? null : key.get(3);
        return new Item(domain, instance, m.outputHd(), m.outputLd(), m.outputSd(), region, stamp, m.tranHd(),
                m.tranLd(), m.tranSd(), type);
    }
}
