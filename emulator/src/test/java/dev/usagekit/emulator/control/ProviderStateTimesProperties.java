package dev.usagekit.emulator.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.actions.live.DescribeLivePullToPushBandwidthData;
import dev.usagekit.emulator.actions.live.DescribeLiveTranscodeData;
import dev.usagekit.emulator.actions.live.LiveErrors;
import dev.usagekit.emulator.actions.producer.DescribeLiveProducerUsageData;
import dev.usagekit.emulator.actions.producer.ProducerErrors;
import dev.usagekit.emulator.actions.rtc.ListOperationDistribution;
import dev.usagekit.emulator.actions.rtc.RtcErrors;
import dev.usagekit.emulator.core.ActionSpec;
import dev.usagekit.emulator.core.ApiError;
import dev.usagekit.emulator.core.BucketGrid;
import dev.usagekit.emulator.core.TimeQuery;
import dev.usagekit.emulator.core.TimeRuleErrors;
import dev.usagekit.emulator.core.Vendor;
import dev.usagekit.emulator.core.WireTime;
import dev.usagekit.emulator.rules.Rule;
import dev.usagekit.emulator.rules.RuleContext;
import dev.usagekit.emulator.rules.TimeWindowRules;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * What the days a state-change answer names are good for, for each action at any clock, judged by the actions' own
 * window rules: the README's promise that a pact asking for them verifies whenever it runs.
 */
class ProviderStateTimesProperties {

    private record Window(Instant start, Instant end, Duration granularity, int offsetSeconds) implements TimeQuery {
    }

    private record Action(ActionSpec spec, TimeRuleErrors errors) {
    }

    private static final List<Action> ACTIONS = List.of(
            new Action(ListOperationDistribution.SPEC, new RtcErrors(false)),
            new Action(DescribeLivePullToPushBandwidthData.SPEC, new LiveErrors()),
            new Action(DescribeLiveTranscodeData.SPEC, new LiveErrors()),
            new Action(DescribeLiveProducerUsageData.SPEC, new ProducerErrors()));

    private static final Duration LONGEST_DATA_DELAY = ACTIONS.stream().map(a -> a.spec().dataDelay())
            .max(Comparator.naturalOrder()).orElseThrow();

    /**
     * The window rules the range from one answered day to another breaks for the action, and "withheld" when a bucket
     * of it is not served yet; Aliyun's range is the days' UTC form.
     */
    private static List<String> broken(Action action, Map<String, Object> times, String from, String to, Instant now) {
        String form = action.spec().vendor() == Vendor.ALIYUN ? "Utc" : "";
        WireTime.Rfc3339Time start = WireTime.parseRfc3339((String) times.get(from + form)).orElseThrow();
        Instant end = WireTime.parseRfc3339((String) times.get(to + form)).orElseThrow().instant();
        Window window = new Window(start.instant(), end, action.spec().defaultGranularity(), start.offsetSeconds());
        RuleContext context = new RuleContext(null, null, now, null, null, null);
        List<String> broken = new ArrayList<>();
        for (Rule<Window> rule : TimeWindowRules.<Window>of(action.spec(), action.errors())) {
            try {
                rule.check(window, context);
            } catch (ApiError e) {
                broken.add(rule.name());
            }
        }
        if (BucketGrid.of(window, now, action.spec().dataDelay()).withheld() > 0) {
            broken.add("withheld");
        }
        return broken;
    }

    @Property(tries = 500)
    void everyActionServesTheLastSevenDaysWholeAndThirtyDaysAgoIsBeforeRtcsHistoryAlone(
            @ForAll @LongRange(min = 1_000_000_000L, max = 250_000_000_000L) long epochSecond,
            @ForAll @IntRange(min = -12 * 4, max = 14 * 4) int quarterHours) {
        Instant now = Instant.ofEpochSecond(epochSecond);
        Map<String, Object> times = ProviderStates.timesAround(now, ZoneOffset.ofTotalSeconds(quarterHours * 900),
                LONGEST_DATA_DELAY);
        for (Action action : ACTIONS) {
            String name = action.spec().action();
            assertThat(broken(action, times, "yesterday", "today", now)).as(name).isEmpty();
            assertThat(broken(action, times, "sevenDaysAgo", "today", now)).as(name).isEmpty();
            // thirty days of 24 hours back from a midnight at least 8 hours ago: before RTC's 30 days, always
            assertThat(broken(action, times, "thirtyDaysAgo", "today", now)).as(name)
                    .isEqualTo(action.spec() == ListOperationDistribution.SPEC
                            ? List.of("span-within-limit", "start-within-history") : List.of());
        }
    }
}
