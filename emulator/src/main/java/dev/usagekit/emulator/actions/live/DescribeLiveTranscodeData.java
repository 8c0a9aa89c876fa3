package dev.usagekit.emulator.actions.live;

import dev.usagekit.emulator.catalogue.Account;
import dev.usagekit.emulator.catalogue.LiveDomain;
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
import dev.usagekit.emulator.usage.Series;
import dev.usagekit.emulator.usage.TranscodeMetric;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Volcengine Live DescribeLiveTranscodeData (2023-01-01): transcoding minutes per day and profile. */
public final class DescribeLiveTranscodeData extends UsageAction<DescribeLiveTranscodeData.Query> {

    public static final ActionSpec SPEC = new ActionSpec(Vendor.VOLCENGINE, "DescribeLiveTranscodeData",
            "2023-01-01", "live", RateLimit.perMinute(100), Duration.ofDays(366),
            Map.of(Duration.ofSeconds(86400), Duration.ofDays(93)), Duration.ofSeconds(86400),
            Duration.ofMinutes(20));

    public record Query(String startText, String endText, Instant start, Instant end, int offsetSeconds,
            List<String> domainList, String app, String stream, List<String> transcodeTypes,
            List<String> resolutions) implements TimeQuery {
        @Override
        public Duration granularity() {
            return Duration.ofDays(1);
        }
    }

    public record TranscodeData(double duration, String resolution, String timeStamp, String transcodeType) {
    }

    public record Result(List<String> domainList, String startTime, String endTime, int aggregation,
            double duration, List<TranscodeData> transcodeDataList, String app, String stream,
            List<String> transcodeType, List<String> resolution) {
    }

    private final String audioResolution;

    /** @param audioResolution how audio-only output is labelled: "0" (the doc page) or "0P" (current SDK) */
    public DescribeLiveTranscodeData(LiveErrors errors, String audioResolution) {
        super(SPEC, errors, List.of(Rule.of("domains-owned-by-caller", (q, ctx) -> {
            for (String domain : q.domainList()) {
                if (ctx.account().liveDomain(domain).isEmpty()) {
                    throw ctx.catalogue().ownedByAnother(ctx.account(), a -> a.liveDomain(domain).isPresent())
                            ? LiveErrors.accountIdNotAllow() : LiveErrors.resourceNotFound("domain " + domain);
                }
            }
        })));
        this.audioResolution = audioResolution;
    }

    /**
     * Values and their combinations (Aggregation, App with Stream, the filters' names) are the schema's to check; a
     * blank domain name, which the schema lets through when it is not empty, is refused here.
     */
    @Override
    public Query parse(ParamReader params, RuleContext context) {
        WireTime.Rfc3339Time start = params.requiredRfc3339("StartTime");
        WireTime.Rfc3339Time end = params.requiredRfc3339("EndTime");
        return new Query(params.requiredText("StartTime"), params.requiredText("EndTime"), start.instant(),
                end.instant(), start.offsetSeconds(), params.optionalNameList("DomainList", ParamReader.MAX_LIST_ITEMS),
                params.optionalText("App"), params.optionalText("Stream"), params.optionalTextList("TranscodeType"),
                params.optionalTextList("Resolution"));
    }

    @Override
    public Result handle(Query query, BucketGrid days, RuleContext context) {
        Account account = context.account();
        // in the catalogue's order, whatever the request's: the same domains give the same items and sums
        List<LiveDomain> domains = query.domainList().isEmpty() ? account.liveDomains()
                : account.liveDomains().stream().filter(d -> query.domainList().contains(d.name())).toList();
        // minutes per profile per day, summed over domains; profiles in first-seen order
        Map<TranscodeMetric.Profile, double[]> perProfile = new LinkedHashMap<>();
        double[] slotMinutes = new double[86400 / Series.SLOT_SECONDS];
        for (LiveDomain domain : domains) {
            Series series = context.series("live-domain", domain.name(), "Live domain " + domain.name(),
                    domain.scale(), domain.anomalies(), days);
            double streamShare = query.app() == null ? 1.0
                    : TranscodeMetric.streamShare(series, query.app(), query.stream());
            List<TranscodeMetric.Share> mix = TranscodeMetric.mix(series).stream()
                    .filter(s -> selected(query, s.profile())).toList();
            for (TranscodeMetric.Share share : mix) {
                perProfile.computeIfAbsent(share.profile(), p -> new double[days.served()]);
            }
            for (int d = 0; d < days.served(); d++) {
                double dayMinutes = 0;
                TranscodeMetric.slotsMinutes(series, days.startSecond(d), slotMinutes);
                for (int s = 0; s < slotMinutes.length; s++) {
                    long slot = days.startSecond(d) + (long) s * Series.SLOT_SECONDS;
                    if (domain.activeAt(Instant.ofEpochSecond(slot))) {
                        dayMinutes += slotMinutes[s];
                    }
                }
                for (TranscodeMetric.Share share : mix) {
                    perProfile.get(share.profile())[d] += dayMinutes * share.weight() * streamShare;
                }
            }
        }
        List<TranscodeData> items = new ArrayList<>();
        double total = 0;
        for (int d = 0; d < days.served(); d++) {
            String stamp = WireTime.formatRfc3339(days.startSecond(d), days.offsetSeconds());
            for (Map.Entry<TranscodeMetric.Profile, double[]> e : perProfile.entrySet()) {
                double minutes = e.getValue()[d];
                if (minutes == 0) {
                    continue; // aggregated usage: a profile with no minutes that day has no row (a deleted domain's)
                }
                items.add(new TranscodeData(minutes, resolution(e.getKey()), stamp, e.getKey().transcodeType()));
                total += minutes;
            }
        }
        return new Result(query.domainList().isEmpty() ? null : query.domainList(), query.startText(),
                query.endText(), 86400, total, items, query.app(), query.stream(),
                query.transcodeTypes().isEmpty() ? null : query.transcodeTypes(),
                query.resolutions().isEmpty() ? null : query.resolutions());
    }

    private String resolution(TranscodeMetric.Profile profile) {
        return profile.audio() ? audioResolution : profile.resolution();
    }

    private boolean selected(Query query, TranscodeMetric.Profile profile) {
        boolean typeOk = query.transcodeTypes().isEmpty() || query.transcodeTypes().contains(profile.transcodeType());
        boolean resolutionOk = query.resolutions().isEmpty()
                || (profile.audio() ? query.resolutions().contains("0") || query.resolutions().contains("0P")
                        : query.resolutions().contains(profile.resolution()));
        return typeOk && resolutionOk;
    }
}
