package dev.usagekit.emulator.conformance;

import static dev.usagekit.emulator.it.ErrorEnvelopes.assertAliyunError;
import static dev.usagekit.emulator.it.ErrorEnvelopes.assertServiceError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.it.TestEmulator;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The query-window limits of the four actions at their exact edges, for every granularity: a span of exactly the
 * maximum passes and one second more is refused; a start exactly at now − history passes and one second earlier is
 * refused; an end equal to the start is refused. The random parts (where the window lies, its offset) never move an
 * edge.
 */
class WindowEdgeConformanceProperties {

    private final TestEmulator emulator = TestEmulator.unthrottled();

    enum Edge {
        SPAN_AT_MAXIMUM, SPAN_ONE_SECOND_OVER, START_AT_HISTORY, START_ONE_SECOND_EARLIER, BOTH_AT_LIMITS, END_AT_START
    }

    /** An action, its window rules (written down apart from the code) and the codes of each refusal. */
    record Action(String name, WindowRules rules, List<Integer> granularities, String spanCode, String historyCode,
            String orderCode) {
    }

    static final List<Action> ACTIONS = List.of(
            new Action("ListOperationDistribution", WindowRules.RTC, List.of(86400),
                    "InvalidParameter.OutofTimeRange", "InvalidParameter.OutofTimeRange",
                    "InvalidParameter.StartTimeAfterEndTime"),
            new Action("DescribeLivePullToPushBandwidthData", WindowRules.PULL_TO_PUSH, List.of(300, 3600, 86400),
                    "InvalidParam", "InvalidParam", "InvalidParam"),
            new Action("DescribeLiveTranscodeData", WindowRules.TRANSCODE, List.of(86400),
                    "InvalidParam", "InvalidParam", "InvalidParam"),
            new Action("DescribeLiveProducerUsageData", WindowRules.PRODUCER, List.of(3600, 86400),
                    "InvalidTimeSpan", "InvalidTime.ValueNotSupported", "InvalidEndTime.Mismatch"));

    record Case(Action action, int granularity, Edge edge, TimeRange range) {
    }

    @Provide
    Arbitrary<Case> edges() {
        return Arbitraries.of(ACTIONS).flatMap(action -> Combinators.combine(Arbitraries.of(action.granularities()),
                Arbitraries.of(Edge.class), WindowRules.offsets(), Arbitraries.doubles().between(0, 1))
                .as((g, edge, offset, where) -> new Case(action, g, edge, range(action.rules(), g, edge, offset, where))));
    }

    /** @param where how far into the room the edge leaves the window lies, from 0 (the latest) to 1 (the earliest) */
    private static TimeRange range(WindowRules rules, int granularity, Edge edge, ZoneOffset offset, double where) {
        Instant oldest = WindowRules.NOW.minus(rules.history());
        long max = rules.maxSpan(granularity).getSeconds();
        long room = rules.history().getSeconds() - max - 1;
        Instant start = switch (edge) {
            case START_AT_HISTORY, BOTH_AT_LIMITS -> oldest;
            case START_ONE_SECOND_EARLIER -> oldest.minusSeconds(1);
            default -> oldest.plusSeconds(1 + (long) ((1 - where) * room));
        };
        long span = switch (edge) {
            case SPAN_AT_MAXIMUM, BOTH_AT_LIMITS -> max;
            case SPAN_ONE_SECOND_OVER -> max + 1;
            case END_AT_START -> 0;
            default -> 1 + (long) (where * (max - 1));
        };
        return new TimeRange(start, start.plusSeconds(span), offset);
    }

    @Property(tries = 40)
    void eachWindowLimitHoldsToTheSecond(@ForAll("edges") Case c) {
        TestEmulator.Reply reply = send(c);
        String expected = switch (c.edge()) {
            case SPAN_AT_MAXIMUM, START_AT_HISTORY, BOTH_AT_LIMITS -> null;
            case SPAN_ONE_SECOND_OVER -> c.action().spanCode();
            case START_ONE_SECOND_EARLIER -> c.action().historyCode();
            case END_AT_START -> c.action().orderCode();
        };
        if (expected == null) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            return;
        }
        if (c.action().rules() == WindowRules.PRODUCER) {
            assertAliyunError(reply, 400, expected, null);
        } else {
            assertServiceError(reply, 400, expected);
        }
    }

    private TestEmulator.Reply send(Case c) {
        TimeRange r = c.range();
        return switch (c.action().name()) {
            case "ListOperationDistribution" -> emulator.volcengine(c.action().name(), "2020-12-01", "rtc",
                    TestEmulator.VOLC_AK, "{\"AppId\":\"Your_AppId\",\"StartTime\":\"" + r.startRfc3339()
                            + "\",\"EndTime\":\"" + r.endRfc3339() + "\",\"Indicator\":\"user_num\","
                            + "\"Dimension\":\"province\"}");
            case "DescribeLiveProducerUsageData" -> emulator.get("/?Action=DescribeLiveProducerUsageData"
                    + "&Version=2016-11-01&Format=JSON&AccessKeyId=" + TestEmulator.ALIYUN_AK + "&Interval="
                    + c.granularity() + "&StartTime=" + AliyunConformanceProperties.utc(r.start()) + "&EndTime="
                    + AliyunConformanceProperties.utc(r.end()));
            default -> emulator.volcengine(c.action().name(), "2023-01-01", "live", TestEmulator.VOLC_AK,
                    "{\"StartTime\":\"" + r.startRfc3339() + "\",\"EndTime\":\"" + r.endRfc3339()
                            + "\",\"Aggregation\":" + c.granularity() + "}");
        };
    }
}
