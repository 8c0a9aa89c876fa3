package dev.usagekit.emulator.it;

import static dev.usagekit.emulator.it.ErrorEnvelopes.assertAliyunError;
import static dev.usagekit.emulator.it.ErrorEnvelopes.assertAliyunXmlError;
import static dev.usagekit.emulator.it.ErrorEnvelopes.assertGatewayError;
import static dev.usagekit.emulator.it.ErrorEnvelopes.assertServiceError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The /_emulator/ control plane, driven over HTTP against the shared unthrottled emulator. */
class ControlPlaneTest {

    static final String TRANSCODE = "{\"DomainList\":[\"example.com\"],\"StartTime\":\"2026-11-15T00:00:00+08:00\","
            + "\"EndTime\":\"2026-11-18T00:00:00+08:00\",\"Aggregation\":86400}";

    private final TestEmulator emulator = TestEmulator.unthrottled();

    @BeforeEach
    @AfterEach
    void reset() {
        assertThat(emulator.post("/_emulator/reset", "").status()).isEqualTo(200);
    }

    /** A body member reset does not read is refused, as on every other endpoint; no body and {} reset. */
    @Test
    void resetRefusesABodyItDoesNotRead() {
        TestEmulator.Reply member = emulator.post("/_emulator/reset", "{\"foo\":1}");
        assertThat(member.status()).isEqualTo(400);
        assertThat(member.json().get("message").asString())
                .isEqualTo("unknown field \"foo\" in the body; it takes none");
        TestEmulator.Reply garbage = emulator.post("/_emulator/reset", "garbage");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.json().get("message").asString()).startsWith("malformed JSON: ");
        assertThat(emulator.post("/_emulator/reset", "{}").status()).isEqualTo(200);
    }

    private TestEmulator.Reply transcode() {
        return emulator.volcengine("DescribeLiveTranscodeData", "2023-01-01", "live", TestEmulator.VOLC_AK, TRANSCODE);
    }

    @Test
    void healthAndInfo() {
        assertThat(emulator.get("/_emulator/health").json().get("status").asString()).isEqualTo("UP");
        JsonNode info = emulator.get("/_emulator/info").json();
        assertThat(info.get("seed").asLong()).isEqualTo(20240101L);
        assertThat(info.at("/clock/now").asString()).isEqualTo(TestEmulator.NOW.toString());
        assertThat(info.at("/clock/frozen").asBoolean()).isTrue();
        assertThat(info.at("/signature/mode").asString()).isEqualTo("off"); // the test emulators run unsigned
        assertThat(info.at("/signature/timeWindow").asString()).isEqualTo("PT15M");
        assertThat(info.at("/limits/enabled").asBoolean()).isFalse();
        assertThat(info.at("/limits/actions/ListOperationDistribution").asString()).isEqualTo("off");
        assertThat(info.has("version")).isTrue();
    }

    @Test
    void clockSetAdvanceFreeze() {
        JsonNode c = emulator.post("/_emulator/clock", "{\"advance\":\"PT5M\"}").json();
        assertThat(c.get("now").asString()).isEqualTo("2026-11-20T12:05:00Z");
        c = emulator.post("/_emulator/clock", "{\"set\":\"2026-11-21T00:00:00Z\"}").json();
        assertThat(c.get("now").asString()).isEqualTo("2026-11-21T00:00:00Z");
        assertThat(emulator.get("/_emulator/clock").json().get("frozen").asBoolean()).isTrue();
        // API answers tell the virtual clock's time, of either vendor, a call refused or not
        assertThat(transcode().header("Date")).isEqualTo("Sat, 21 Nov 2026 00:00:00 GMT");
        assertThat(emulator.get("/?Action=DescribeLiveProducerUsageData&Version=2016-11-01&Format=JSON")
                .header("Date")).isEqualTo("Sat, 21 Nov 2026 00:00:00 GMT");
        assertThat(emulator.post("/_emulator/clock", "{\"freeze\":false}").json().get("frozen").asBoolean())
                .isFalse();
        TestEmulator.Reply bad = emulator.post("/_emulator/clock", "{\"advance\":\"five minutes\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("message").asString()).contains("ISO-8601");
    }

    /** Set and frozen in one move, a running clock stands exactly where it was set (it used to run on a little). */
    @Test
    void aRunningClockSetAndFrozenStandsExactlyThere() {
        emulator.post("/_emulator/clock", "{\"freeze\":false}");
        JsonNode c = emulator.post("/_emulator/clock", "{\"set\":\"2026-11-22T08:00:00Z\",\"freeze\":true}").json();
        assertThat(c.get("now").asString()).isEqualTo("2026-11-22T08:00:00Z");
        c = emulator.post("/_emulator/clock", "{\"advance\":\"PT1M\",\"freeze\":true}").json();
        assertThat(c.get("now").asString()).isEqualTo("2026-11-22T08:01:00Z");
        c = emulator.post("/_emulator/clock", "{\"set\":\"2026-11-22T09:00:00Z\",\"freeze\":false}").json();
        assertThat(c.get("frozen").asBoolean()).isFalse();
        assertThat(Instant.parse(c.get("now").asString())).isBetween(Instant.parse("2026-11-22T09:00:00Z"),
                Instant.parse("2026-11-22T09:00:10Z"));
    }

    @Test
    void answersOfSeveralFieldsKeepTheOrderTheReadmeShows() {
        assertThat(names(emulator.get("/_emulator/clock"))).containsExactly("now", "frozen");
        assertThat(names(emulator.post("/_emulator/clock", "{\"advance\":\"PT1S\"}"))).containsExactly("now", "frozen");
        assertThat(names(emulator.get("/_emulator/throttles"))).containsExactly("enabled", "actions", "accounts");
        assertThat(names(emulator.post("/_emulator/reset", ""))).containsExactly("reset", "clock", "seed");
        TestEmulator.Reply added = emulator.post("/_emulator/faults", "{\"latencyMs\":5}");
        assertThat(names(added)).containsExactly("faults", "added");
        assertThat(added.json().at("/faults/0/latency").propertyNames()).containsExactly("minMs", "maxMs");
        assertThat(names(emulator.get("/_emulator/journal"))).containsExactly("entries", "evicted");
        assertThat(names(emulator.get("/_emulator/journal/count"))).containsExactly("count", "evicted");
        assertThat(names(emulator.delete("/_emulator/journal"))).containsExactly("count", "evicted");
    }

    @Test
    void aLatencyOnlyFaultIsListedWithoutTheErrorItNeverAnswers() {
        JsonNode slow = emulator.post("/_emulator/faults", "{\"latencyMs\":5}").json().at("/faults/0");
        assertThat(slow.get("code").isNull()).isTrue();
        assertThat(slow.get("status").isNull()).as("no 500 is ever answered").isTrue();
        assertThat(slow.get("message").isNull()).isTrue();
        assertThat(transcode().status()).isEqualTo(200);

        JsonNode failing = emulator.post("/_emulator/faults", "{\"code\":\"Busy\",\"status\":503,\"latencyMs\":5}")
                .json().at("/faults/1");
        assertThat(failing.get("status").asInt()).isEqualTo(503);
        assertThat(failing.get("message").asString()).isEqualTo("Injected fault.");
    }

    @Test
    void aLogNormalLatencyDelaysCallsAroundItsMedianWithinItsBounds() {
        JsonNode added = emulator.post("/_emulator/faults", "{\"action\":\"DescribeLiveTranscodeData\","
                + "\"latency\":{\"medianMs\":20,\"sigma\":0.8,\"minMs\":5,\"maxMs\":60}}").json();
        assertThat(added.at("/faults/0/latency").toString())
                .isEqualTo("{\"minMs\":5,\"maxMs\":60,\"medianMs\":20,\"sigma\":0.8}");
        assertThat(added.at("/faults/0/code").isNull()).as("latency only").isTrue();
        for (int i = 0; i < 5; i++) {
            assertThat(transcode().status()).isEqualTo(200);
        }
        for (JsonNode entry : emulator.get("/_emulator/journal?action=DescribeLiveTranscodeData").json()
                .get("entries")) {
            assertThat(entry.at("/details/latencyMillis").asLong()).isBetween(5L, 60L);
        }
        // without maxMs a log-normal delay stops at a minute
        assertThat(emulator.post("/_emulator/faults", "{\"latency\":{\"medianMs\":100,\"sigma\":1}}").json()
                .at("/faults/1/latency/maxMs").asLong()).isEqualTo(60_000);

        assertBadRequest(emulator.post("/_emulator/faults", "{\"latency\":{\"medianMs\":100}}"),
                "needs medianMs (at least 1) and sigma");
        assertBadRequest(emulator.post("/_emulator/faults", "{\"latency\":{\"medianMs\":100,\"sigma\":9}}"),
                "at most 5");
        assertBadRequest(emulator.post("/_emulator/faults", "{\"latency\":{\"medianMs\":100,\"sigma\":\"wide\"}}"),
                "latency.sigma must be a number");
        assertBadRequest(emulator.post("/_emulator/faults",
                "{\"latency\":{\"medianMs\":100,\"sigma\":0.5,\"maxMs\":50}}"), "keep medianMs between them");
        assertThat(emulator.get("/_emulator/faults").json().get("faults")).hasSize(2);
    }

    private static List<String> names(TestEmulator.Reply reply) {
        assertThat(reply.status()).isEqualTo(200);
        return List.copyOf(reply.json().propertyNames());
    }

    @Test
    void aClockMoveBeyondFourDigitYearsIs400AndMovesNothing() {
        String[] moves = {"{\"set\":\"+999999999-12-31T23:59:59Z\"}", "{\"advance\":\"PT999999999H\"}",
            "{\"set\":\"1969-12-31T00:00:00Z\"}", "{\"set\":\"2026-11-21T00:00:00Z\",\"advance\":\"PT99999999H\"}"};
        for (String move : moves) {
            TestEmulator.Reply r = emulator.post("/_emulator/clock", move);
            assertThat(r.status()).as(move).isEqualTo(400);
            assertThat(r.json().get("message").asString()).as(move).contains("1970-01-01T00:00:00Z", "9999-12-30");
        }
        assertThat(emulator.get("/_emulator/clock").json().get("now").asString())
                .isEqualTo(TestEmulator.NOW.toString());
        assertThat(transcode().status()).isEqualTo(200);
    }

    @Test
    void mistypedControlFieldsAre400WithTheFieldNamedAndChangeNothing() {
        assertBadRequest(emulator.post("/_emulator/throttles", "{\"enabled\":\"yes\"}"),
                "enabled must be true or false");
        assertBadRequest(emulator.post("/_emulator/throttles", "{\"enabled\":1}"), "enabled must be true or false");
        assertBadRequest(emulator.post("/_emulator/throttles", "{\"limit\":\"5/s\"}"),
                "action and limit go together");
        assertBadRequest(emulator.post("/_emulator/throttles",
                "{\"enabled\":true,\"action\":\"ListOperationDistribution\",\"limit\":\"fast\"}"), "fast");
        assertThat(emulator.get("/_emulator/throttles").json().get("enabled").asBoolean())
                .as("a refused body changes nothing").isFalse();
        assertBadRequest(emulator.post("/_emulator/clock", "{\"freeze\":\"maybe\"}"), "freeze must be true or false");
        assertBadRequest(emulator.post("/_emulator/faults", "{\"times\":\"x\"}"), "times must be an integer");
        assertBadRequest(emulator.post("/_emulator/faults", "{\"status\":\"503\"}"), "status must be an integer");
        assertBadRequest(emulator.post("/_emulator/faults", "{\"code\":\"X\",\"codeN\":1.5}"),
                "codeN must be an integer");
        assertBadRequest(emulator.post("/_emulator/faults", "{\"probability\":\"half\"}"),
                "probability must be a number");
        assertThat(emulator.get("/_emulator/faults").json().get("faults")).isEmpty();
        assertBadRequest(emulator.get("/_emulator/journal?outcome=weird"),
                "outcome must be one of success, error, throttled, fault");
        assertBadRequest(emulator.get("/_emulator/journal/count?outcome=ok"), "outcome must be one of");
        assertBadRequest(emulator.get("/_emulator/journal?limit=-1"), "limit must be 0");
        assertBadRequest(emulator.post("/_emulator/seed", "{\"seed\":123456789012345678901234567890}"),
                "seed must be a 64-bit integer");
        assertBadRequest(emulator.post("/_emulator/throttles", "{\"action\":[\"ListOperationDistribution\"],"
                + "\"limit\":\"5/s\"}"), "action must be a string");
        assertBadRequest(emulator.post("/_emulator/faults",
                "{\"action\":\"ListOperationDistribution\",\"code\":{\"n\":1}}"), "code must be a string");
        // an object for a state used to be read as no state at all: a reset, and a verifier none the wiser
        assertBadRequest(emulator.post("/_emulator/provider-states", "{\"state\":{\"clock\":\"now\"}}"),
                "state must be a string");
    }

    @Test
    void aMisspeltControlFieldIs400NamingTheKnownOnesAndChangesNothing() {
        // GET /clock reports "frozen"; sending that name back used to be a silent no-op
        assertBadRequest(emulator.post("/_emulator/clock", "{\"set\":\"2030-01-01T00:00:00Z\",\"frozen\":true}"),
                "unknown field \"frozen\" in the body; known: set, advance, freeze");
        assertThat(emulator.get("/_emulator/clock").json().get("now").asString()).doesNotStartWith("2030");
        // "time" for "times" made a fault that never ran out
        assertBadRequest(emulator.post("/_emulator/faults", "{\"action\":\"DescribeLiveTranscodeData\","
                + "\"code\":\"InternalError\",\"status\":500,\"time\":2}"), "unknown field \"time\"");
        assertBadRequest(emulator.post("/_emulator/faults", "{\"latency\":{\"minMs\":1,\"max\":5}}"),
                "unknown field \"max\" in latency; known: minMs, maxMs, medianMs, sigma");
        assertThat(emulator.get("/_emulator/faults").json().get("faults")).isEmpty();
        assertBadRequest(emulator.post("/_emulator/seed", "{\"sed\":5}"), "unknown field \"sed\"");
        assertBadRequest(emulator.post("/_emulator/throttles", "{\"enable\":false}"), "unknown field \"enable\"");
    }

    private static void assertBadRequest(TestEmulator.Reply reply, String message) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().get("message").asString()).contains(message);
    }

    @Test
    void faultFailsTwiceThenSucceeds() {
        TestEmulator.Reply added = emulator.post("/_emulator/faults", "{\"action\":\"DescribeLiveTranscodeData\","
                + "\"account\":\"2100000001\",\"code\":\"InternalError\",\"status\":503,\"message\":\"boom\",\"times\":2}");
        assertThat(added.status()).isEqualTo(200);
        assertThat(emulator.get("/_emulator/faults").json().get("faults")).hasSize(1);
        for (int i = 0; i < 2; i++) {
            TestEmulator.Reply r = transcode();
            assertServiceError(r, 503, "InternalError");
            assertThat(r.json().at("/ResponseMetadata/Error/Message").asString()).isEqualTo("boom");
            assertThat(r.json().at("/ResponseMetadata/Action").asString()).isEqualTo("DescribeLiveTranscodeData");
        }
        assertThat(transcode().status()).isEqualTo(200);
        assertThat(emulator.get("/_emulator/faults").json().get("faults")).isEmpty();
        JsonNode journal = emulator.get("/_emulator/journal?outcome=fault").json();
        assertThat(journal.get("entries")).hasSize(2);
        assertThat(journal.at("/entries/0/errorCode").asString()).isEqualTo("InternalError");
        assertThat(journal.at("/entries/0/details/fault/code").asString()).isEqualTo("InternalError");
    }

    /** A fault names its action in any case, as a throttle does, and is listed under the action's own name. */
    @Test
    void aFaultNamesItsActionInAnyCaseAndAnUnknownOneIsRefused() {
        TestEmulator.Reply added = emulator.post("/_emulator/faults",
                "{\"action\":\"describeLIVEtranscodedata\",\"times\":1}");
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.json().at("/faults/0/action").asString()).isEqualTo("DescribeLiveTranscodeData");
        assertThat(transcode().status()).isEqualTo(500);
        assertThat(transcode().status()).isEqualTo(200);

        assertBadRequest(emulator.post("/_emulator/faults", "{\"action\":\"DescribeLiveTranscodeDta\"}"),
                "unknown action: DescribeLiveTranscodeDta");
        assertThat(emulator.get("/_emulator/faults").json().get("faults")).isEmpty();
    }

    @Test
    void faultForAnotherAccountDoesNotFire() {
        emulator.post("/_emulator/faults", "{\"action\":\"DescribeLiveTranscodeData\",\"account\":\"2100000002\"}");
        assertThat(transcode().status()).isEqualTo(200);
    }

    @Test
    void aFaultNamesItsAccountByIdOrNameAndAnUnknownOneIsRefused() {
        TestEmulator.Reply byName = emulator.post("/_emulator/faults",
                "{\"action\":\"DescribeLiveTranscodeData\",\"account\":\"demo\",\"times\":1}");
        assertThat(byName.json().at("/faults/0/account").asString()).isEqualTo("2100000001");
        assertThat(transcode().status()).isEqualTo(500);

        TestEmulator.Reply unknown = emulator.post("/_emulator/faults", "{\"account\":\"dmeo\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("message").asString()).contains("no account dmeo", "demo 2100000001");
        assertThat(emulator.get("/_emulator/faults").json().get("faults")).isEmpty();
    }

    /** "Slow every call" and "fail the next two" hold together: the latency-only fault does not hide the other. */
    @Test
    void aLatencyOnlyFaultAddsToTheFaultsAfterItInsteadOfHidingThem() {
        long slow = emulator.post("/_emulator/faults",
                "{\"action\":\"DescribeLiveTranscodeData\",\"latencyMs\":30}").json().get("added").asLong();
        long failing = emulator.post("/_emulator/faults", "{\"action\":\"DescribeLiveTranscodeData\","
                + "\"code\":\"ServiceUnavailable\",\"status\":503,\"times\":2,\"latencyMs\":20}").json()
                .get("added").asLong();
        assertThat(transcode().status()).isEqualTo(503);
        assertThat(transcode().status()).isEqualTo(503);
        assertThat(transcode().status()).isEqualTo(200);

        JsonNode entries = emulator.get("/_emulator/journal?action=DescribeLiveTranscodeData").json().get("entries");
        assertThat(entries).hasSize(3);
        for (int i = 0; i < 2; i++) {
            List<Long> ids = new ArrayList<>();
            entries.get(i).at("/details/fault/ids").forEach(id -> ids.add(id.asLong()));
            assertThat(ids).containsExactly(slow, failing);
            assertThat(entries.get(i).at("/details/fault/code").asString()).isEqualTo("ServiceUnavailable");
            assertThat(entries.get(i).at("/details/latencyMillis").asLong()).isEqualTo(50);
        }
        assertThat(entries.get(2).at("/details/fault/code").asString()).isEqualTo("latency");
        assertThat(entries.get(2).at("/details/latencyMillis").asLong()).isEqualTo(30);
        assertThat(emulator.get("/_emulator/faults").json().get("faults")).hasSize(1);
    }

    @Test
    void gatewayFaultWithProbabilityOneAlwaysFires() {
        emulator.post("/_emulator/faults", "{\"action\":\"DescribeLiveTranscodeData\",\"code\":\"ServiceUnavailable\","
                + "\"status\":502,\"codeN\":100014,\"probability\":1.0}");
        for (int i = 0; i < 3; i++) {
            TestEmulator.Reply r = transcode();
            assertGatewayError(r, 502, "ServiceUnavailable", 100014);
        }
        assertThat(emulator.delete("/_emulator/faults").status()).isEqualTo(200);
        assertThat(transcode().status()).isEqualTo(200);
    }

    @Test
    void aliyunFaultUsesTheFlatEnvelope() {
        emulator.post("/_emulator/faults", "{\"action\":\"DescribeLiveProducerUsageData\",\"code\":\"ServiceUnavailable\","
                + "\"status\":503,\"times\":1}");
        TestEmulator.Reply r = emulator.get("/?Action=DescribeLiveProducerUsageData&Version=2016-11-01&AccessKeyId="
                + TestEmulator.ALIYUN_AK + "&Format=JSON&StartTime=2026-11-19T00:00:00Z&EndTime=2026-11-19T02:00:00Z");
        assertAliyunError(r, 503, "ServiceUnavailable", null);
    }

    @Test
    void invalidFaultIsRefused() {
        assertThat(emulator.post("/_emulator/faults", "{\"action\":\"NoSuchAction\"}").status()).isEqualTo(400);
        // a latency that is not an object used to be dropped, leaving a fault that failed every call
        for (String latency : new String[] {"100", "\"100\"", "[1,2]", "true"}) {
            TestEmulator.Reply r = emulator.post("/_emulator/faults", "{\"latency\":" + latency + "}");
            assertThat(r.status()).as(latency).isEqualTo(400);
            assertThat(r.json().get("message").asString()).as(latency).contains("latency must be an object");
        }
        assertThat(emulator.get("/_emulator/faults").json().get("faults")).isEmpty();
        assertThat(emulator.post("/_emulator/faults", "{\"probability\":2}").status()).isEqualTo(400);
        assertThat(emulator.post("/_emulator/faults", "{not json").status()).isEqualTo(400);
    }

    /** The error schemas (and the OpenAPI description) say CodeN is above 0: a fault must not answer otherwise. */
    @Test
    void aCodeNBelowOneIsRefusedNamingTheField() {
        for (String codeN : new String[] {"0", "-5"}) {
            TestEmulator.Reply r = emulator.post("/_emulator/faults",
                    "{\"code\":\"ServiceUnavailable\",\"status\":503,\"codeN\":" + codeN + "}");
            assertThat(r.status()).as(codeN).isEqualTo(400);
            assertThat(r.json().get("message").asString()).as(codeN).isEqualTo("codeN must be a positive integer");
        }
        assertThat(emulator.get("/_emulator/faults").json().get("faults")).isEmpty();
    }

    /** Milliseconds past a long's range are a 400 naming the field, not "malformed JSON" about Jackson's nodes. */
    @Test
    void millisecondsOutOfRangeAre400NamingTheField() {
        String huge = "99999999999999999999999";
        String range = " must be an integer from 0 to 60000 (milliseconds, a minute at most)";
        assertBadRequestExactly(emulator.post("/_emulator/faults", "{\"latencyMs\":" + huge + "}"),
                "latencyMs" + range);
        assertBadRequestExactly(emulator.post("/_emulator/faults", "{\"latency\":{\"minMs\":" + huge + "}}"),
                "latency.minMs" + range);
        assertBadRequestExactly(emulator.post("/_emulator/faults", "{\"latency\":{\"maxMs\":" + huge + "}}"),
                "latency.maxMs" + range);
        assertBadRequestExactly(emulator.post("/_emulator/faults",
                "{\"latency\":{\"medianMs\":" + huge + ",\"sigma\":0.5}}"),
                "latency.medianMs" + range);
        assertThat(emulator.get("/_emulator/faults").json().get("faults")).isEmpty();
    }

    /**
     * A fault delays a call by a minute at most: nothing else ends the wait, so a typo ({@code 6000000}) held the call
     * and its connection for 100 minutes. Every latency field takes the minute itself and refuses a millisecond more.
     */
    @Test
    void aLatencyOfAMinuteIsTakenAndOneMillisecondMoreIsRefusedNamingTheField() {
        String[][] fieldAndBody = {
            {"latencyMs", "{\"latencyMs\":%d}"},
            {"latency.minMs", "{\"latency\":{\"minMs\":%d}}"},
            {"latency.maxMs", "{\"latency\":{\"maxMs\":%d}}"},
            {"latency.minMs", "{\"latency\":{\"minMs\":%1$d,\"maxMs\":%1$d}}"},
            {"latency.medianMs", "{\"latency\":{\"medianMs\":%d,\"sigma\":0.5}}"},
            {"latency.maxMs", "{\"latency\":{\"medianMs\":100,\"sigma\":0.5,\"maxMs\":%d}}"}};
        for (String[] row : fieldAndBody) {
            TestEmulator.Reply taken = emulator.post("/_emulator/faults", row[1].formatted(60_000));
            assertThat(taken.status()).as(row[1] + ": " + taken.body()).isEqualTo(200);
            assertBadRequestExactly(emulator.post("/_emulator/faults", row[1].formatted(60_001)),
                    row[0] + " must be an integer from 0 to 60000 (milliseconds, a minute at most)");
        }
        assertThat(emulator.get("/_emulator/faults").json().get("faults")).hasSize(fieldAndBody.length)
                .allSatisfy(fault -> assertThat(fault.at("/latency/maxMs").asLong()).isEqualTo(60_000));
    }

    /**
     * Aliyun answers in XML unless asked for JSON, and XML 1.0 cannot carry most control characters: such a code or
     * message made every matching call a generic InternalError (a stack trace in the log, the fault's times spent).
     */
    @Test
    void aFaultCodeOrMessageXmlCannotCarryIsRefusedNamingTheField() {
        assertBadRequestExactly(emulator.post("/_emulator/faults", "{\"code\":\"Bad\\u0001Code\"}"),
                "code must not hold control characters other than tab, line feed and carriage return"
                        + " (an Aliyun answer is XML)");
        assertBadRequestExactly(emulator.post("/_emulator/faults", "{\"message\":\"bell\\u0007\"}"),
                "message must not hold control characters other than tab, line feed and carriage return"
                        + " (an Aliyun answer is XML)");
        assertThat(emulator.get("/_emulator/faults").json().get("faults")).isEmpty();

        // the characters XML does carry are kept as given
        emulator.post("/_emulator/faults", "{\"action\":\"DescribeLiveProducerUsageData\",\"code\":\"Throttling\","
                + "\"status\":503,\"message\":\"line one\\nline two <&>\",\"times\":1}");
        TestEmulator.Reply xml = emulator.get("/?Action=DescribeLiveProducerUsageData&Version=2016-11-01&AccessKeyId="
                + TestEmulator.ALIYUN_AK);
        assertAliyunXmlError(xml, 503, "Throttling", "line one\nline two <&>");
        assertThat(xml.body()).contains("<Message>line one\nline two &lt;&amp;&gt;</Message>");
    }

    private static void assertBadRequestExactly(TestEmulator.Reply reply, String message) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().get("message").asString()).isEqualTo(message);
    }

    @Test
    void latencyDoesNotBlockOtherRequests() throws Exception {
        // long enough for five calls on a busy two-core machine to pass the slow one
        emulator.post("/_emulator/faults", "{\"action\":\"DescribeLiveTranscodeData\",\"latencyMs\":4000,\"times\":1}");
        List<String> finished = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(6);
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> {
            assertThat(transcode().status()).isEqualTo(200);
            finished.add("slow");
        }, clients);
        emulator.awaitFaultsUsedUp();
        List<CompletableFuture<Void>> fast = IntStream.range(0, 5).mapToObj(i -> CompletableFuture.runAsync(() -> {
            assertThat(transcode().status()).isEqualTo(200);
            finished.add("fast");
        }, clients)).toList();
        CompletableFuture.allOf(fast.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        slow.get(30, TimeUnit.SECONDS);
        clients.shutdown();
        assertThat(finished).hasSize(6).endsWith("slow");
        assertThat(finished.subList(0, 5)).containsOnly("fast");
        // the journal records a call when it is answered, so the slow one comes last
        JsonNode slowEntry = emulator.get("/_emulator/journal?limit=1").json().at("/entries/0");
        assertThat(slowEntry.at("/details/latencyMillis").asLong()).isEqualTo(4000);
    }

    /** A call still waiting on its latency when a test resets the emulator is not journaled under the next test. */
    @Test
    void aCallAnsweredAfterAResetIsNotInTheNewJournal() throws Exception {
        emulator.post("/_emulator/faults", "{\"action\":\"DescribeLiveTranscodeData\",\"latencyMs\":800,\"times\":1}");
        CompletableFuture<TestEmulator.Reply> slow = CompletableFuture.supplyAsync(this::transcode);
        emulator.awaitFaultsUsedUp();
        assertThat(emulator.post("/_emulator/reset", "").status()).isEqualTo(200);

        assertThat(slow.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(emulator.get("/_emulator/journal").json().get("entries")).isEmpty();
        assertThat(transcode().status()).isEqualTo(200);
        assertThat(emulator.get("/_emulator/journal").json().get("entries")).hasSize(1);
    }

    @Test
    void journalFiltersAndCount() {
        transcode();
        emulator.volcengine("DescribeLiveTranscodeData", "2023-01-01", "live", TestEmulator.VOLC_AK, "{}");
        emulator.get("/?Action=DescribeLiveProducerUsageData&Version=2016-11-01&AccessKeyId=LTAIsecondtenant"
                + "&Format=JSON&StartTime=2026-11-19T00:00:00Z&EndTime=2026-11-19T02:00:00Z");
        JsonNode all = emulator.get("/_emulator/journal").json();
        assertThat(all.get("entries")).hasSize(3);
        assertThat(all.get("evicted").asLong()).isZero();
        JsonNode first = all.at("/entries/0");
        assertThat(first.propertyNames()).as("the README's fields, in its order").containsExactly("id", "time",
                "vendor", "action", "account", "status", "errorCode", "outcome", "details");
        assertThat(first.get("errorCode").isNull()).isTrue();
        assertThat(first.get("vendor").asString()).isEqualTo("VOLCENGINE");
        assertThat(first.get("action").asString()).isEqualTo("DescribeLiveTranscodeData");
        assertThat(first.get("account").asString()).isEqualTo("2100000001");
        assertThat(first.get("status").asInt()).isEqualTo(200);
        assertThat(first.get("outcome").asString()).isEqualTo("success");
        assertThat(first.get("time").asString()).isEqualTo(TestEmulator.NOW.toString());
        assertThat(first.at("/details/buckets").propertyNames()).as("the same order in every run")
                .containsExactly("total", "served", "withheldByDataDelay", "servedUntil");
        JsonNode error = all.at("/entries/1");
        assertThat(error.get("outcome").asString()).isEqualTo("error");
        assertThat(error.get("errorCode").asString()).startsWith("InvalidParam");
        assertThat(error.at("/details/rule").isMissingNode()).isFalse();

        assertThat(count("?action=DescribeLiveTranscodeData")).isEqualTo(2);
        assertThat(count("?account=2100000002")).isEqualTo(1);
        assertThat(count("?account=second-tenant")).as("an account by its catalogue name").isEqualTo(1);
        assertThat(emulator.get("/_emulator/journal/count?acount=2100000002").status())
                .as("a misspelt filter would have counted everything").isEqualTo(400);
        assertThat(emulator.get("/_emulator/journal/count?limit=1").status()).isEqualTo(400);
        assertThat(count("?outcome=error")).isEqualTo(1);
        assertThat(count("?outcome=success&action=DescribeLiveProducerUsageData")).isEqualTo(1);
        assertThat(count("?since=2026-11-20T12:00:01Z")).isZero();
        emulator.post("/_emulator/clock", "{\"advance\":\"PT1M\"}");
        transcode();
        assertThat(count("?since=2026-11-20T12:00:30Z")).isEqualTo(1);
        assertThat(emulator.get("/_emulator/journal?limit=1").json().at("/entries/0/time").asString())
                .isEqualTo("2026-11-20T12:01:00Z");
        assertThat(emulator.get("/_emulator/journal?since=yesterday").status()).isEqualTo(400);
        TestEmulator.Reply cleared = emulator.delete("/_emulator/journal");
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().get("evicted").asLong()).isZero();
        assertThat(count("")).isZero();
    }

    @Test
    void earlyErrorsAreJournaledWithTheirCode() {
        TestEmulator.Reply r = emulator.volcengine("DescribeLiveTranscodeData", "2023-01-01", "live",
                TestEmulator.VOLC_AK, "{\"x\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}");
        assertGatewayError(r, 413, "RequestEntityTooLarge", null);
        JsonNode entry = emulator.get("/_emulator/journal").json().at("/entries/0");
        assertThat(entry.get("vendor").asString()).isEqualTo("VOLCENGINE");
        assertThat(entry.get("outcome").asString()).isEqualTo("error");
        assertThat(entry.get("errorCode").asString()).isEqualTo("RequestEntityTooLarge");
    }

    private long count(String query) {
        return emulator.get("/_emulator/journal/count" + query).json().get("count").asLong();
    }

    @Test
    void seedChangesDataAndResetRestoresIt() {
        String before = transcode().json().get("Result").toString();
        assertThat(emulator.post("/_emulator/seed", "{\"seed\":123}").json().get("seed").asLong()).isEqualTo(123);
        String reseeded = transcode().json().get("Result").toString();
        assertThat(reseeded).isNotEqualTo(before);
        assertThat(emulator.post("/_emulator/seed", "{\"seed\":\"x\"}").status()).isEqualTo(400);
        emulator.post("/_emulator/reset", "");
        assertThat(transcode().json().get("Result").toString()).isEqualTo(before);
    }

    @Test
    void resetRestoresClockFaultsJournalAndLimits() {
        emulator.post("/_emulator/clock", "{\"set\":\"2026-12-01T00:00:00Z\",\"freeze\":false}");
        emulator.post("/_emulator/faults", "{\"action\":\"DescribeLiveTranscodeData\"}");
        emulator.post("/_emulator/throttles", "{\"enabled\":true}");
        transcode();
        TestEmulator.Reply reset = emulator.post("/_emulator/reset", "");
        assertThat(reset.status()).isEqualTo(200);
        JsonNode clock = emulator.get("/_emulator/clock").json();
        assertThat(clock.get("now").asString()).isEqualTo(TestEmulator.NOW.toString());
        assertThat(clock.get("frozen").asBoolean()).isTrue();
        assertThat(emulator.get("/_emulator/faults").json().get("faults")).isEmpty();
        assertThat(emulator.get("/_emulator/throttles").json().get("enabled").asBoolean()).isFalse();
        assertThat(emulator.get("/_emulator/journal/count").json().get("count").asLong()).isZero();
        assertThat(transcode().status()).isEqualTo(200);
    }

    @Test
    void fixturesReplaceTheCatalogue() {
        String yaml = """
                accounts:
                  - accountId: "2100000009"
                    name: loaded
                    utcOffset: "+00:00"
                    accessKeys:
                      - accessKeyId: AKLTloaded
                        secret: loadedsecret
                    liveDomains:
                      - name: loaded.example.com
                        scale: 1.0
                """;
        TestEmulator.Reply loaded = emulator.send(java.net.http.HttpRequest.newBuilder(emulator.uri("/_emulator/fixtures"))
                .header("Content-Type", "application/yaml")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(yaml)).build());
        assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
        assertThat(loaded.json().get("accounts").asInt()).isEqualTo(1);
        TestEmulator.Reply r = emulator.volcengine("DescribeLiveTranscodeData", "2023-01-01", "live", "AKLTloaded",
                TRANSCODE.replace("example.com", "loaded.example.com"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(transcode().status()).isEqualTo(401);
        emulator.post("/_emulator/reset", "");
        assertThat(transcode().status()).isEqualTo(200);
    }

    @Test
    void invalidFixtureIs400WithAMessage() {
        TestEmulator.Reply r = emulator.post("/_emulator/fixtures", "accounts: [ {accountId: ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("message").asString()).startsWith("cannot read the catalogue of POST /_emulator/fixtures: ");
        TestEmulator.Reply unknownField = emulator.post("/_emulator/fixtures",
                "accounts: [{accountId: \"1\", name: n, id: x}]");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().get("message").asString()).startsWith(
                "cannot read the catalogue of POST /_emulator/fixtures: unknown field accounts[0].id (line: 1; known there: ");
        assertThat(emulator.post("/_emulator/fixtures", "").status()).isEqualTo(400);
        assertThat(transcode().status()).isEqualTo(200);
    }

    /**
     * An account without a name goes by its id, as catalogues written before names existed do (it used to turn
     * journal, fault and throttle lookups into 500s); one without a secret is refused, naming the path.
     */
    @Test
    void aNamelessAccountGoesByItsIdAndAMissingSecretIs400NamingItsPath() {
        TestEmulator.Reply refused = emulator.post("/_emulator/fixtures", """
                accounts:
                  - accountId: "2100000009"
                    name: loaded
                    accessKeys: [{accessKeyId: AKLTloaded, secret: s}]
                  - accountId: "2100000010"
                    accessKeys: [{accessKeyId: AKLTsecretless}]
                """);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("message").asString()).isEqualTo("cannot read the catalogue of POST "
                + "/_emulator/fixtures: accounts[1].accessKeys[0].secret is required (line: 6)");
        assertThat(transcode().status()).isEqualTo(200);

        assertThat(emulator.post("/_emulator/fixtures", """
                accounts:
                  - accountId: "2100000010"
                    accessKeys: [{accessKeyId: AKLTnameless, secret: s}]
                """).status()).isEqualTo(200);
        assertThat(emulator.get("/_emulator/fixtures").json().at("/accounts/0/name").asString()).isEqualTo("2100000010");
        assertThat(emulator.get("/_emulator/journal/count?account=x").status()).isEqualTo(200);
        assertThat(emulator.post("/_emulator/throttles", "{\"account\":\"2100000010\",\"action\":"
                + "\"ListOperationDistribution\",\"limit\":\"1/s\"}").status()).isEqualTo(200);
    }

    @Test
    void throttleOverrides() {
        TestEmulator.Reply r = emulator.post("/_emulator/throttles",
                "{\"enabled\":true,\"action\":\"DescribeLiveTranscodeData\",\"limit\":\"1/s\"}");
        assertThat(r.json().at("/actions/DescribeLiveTranscodeData").asString()).isEqualTo("1/s");
        assertThat(transcode().status()).isEqualTo(200);
        TestEmulator.Reply throttled = transcode();
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(count("?outcome=throttled")).isEqualTo(1);
        // an action named in any case, as the startup setting takes it: the action's own name is set
        assertThat(emulator.post("/_emulator/throttles", "{\"action\":\"describelivetranscodedata\",\"limit\":"
                + "\"off\"}").json().at("/actions/DescribeLiveTranscodeData").asString()).isEqualTo("off");
        assertThat(transcode().status()).isEqualTo(200);
        assertThat(emulator.post("/_emulator/throttles", "{\"action\":\"DescribeLiveTranscodeData\",\"limit\":\"x\"}")
                .status()).isEqualTo(400);
        assertThat(emulator.post("/_emulator/throttles", "{\"action\":\"Nope\",\"limit\":\"1/s\"}").status())
                .isEqualTo(400);
    }

    @Test
    void unknownControlPathIs404Json() {
        TestEmulator.Reply r = emulator.get("/_emulator/nothing");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("message").asString()).contains("/_emulator/nothing");
    }

    @Test
    void aControlPathAskedWithAnotherMethodIs405WithTheMethodsItAnswers() {
        TestEmulator.Reply r = emulator.send(HttpRequest.newBuilder(emulator.uri("/_emulator/clock"))
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.header("Allow")).isEqualTo("GET,HEAD,POST");
        assertThat(r.json().get("error").asString()).isEqualTo("Method Not Allowed");
        assertThat(r.json().get("message").asString()).contains("PUT /_emulator/clock", "GET, HEAD, POST");

        TestEmulator.Reply reset = emulator.get("/_emulator/reset");
        assertThat(reset.status()).isEqualTo(405);
        assertThat(reset.header("Allow")).isEqualTo("POST");
        assertThat(emulator.delete("/_emulator/journal/count").header("Allow")).isEqualTo("GET,HEAD");

        TestEmulator.Reply head = emulator.send(HttpRequest.newBuilder(emulator.uri("/_emulator/health"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(head.status()).as("a health probe by HEAD").isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void metricsCountRequests() {
        transcode();
        TestEmulator.Reply prometheus = emulator.get("/actuator/prometheus");
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.body()).contains("usagekit_requests_total").contains("usagekit_request_latency")
                .as("Spring's generic request timer is off").doesNotContain("http_server_requests");
    }

    @Test
    void madeUpActionNamesAddNoMetersButAreJournaledAsSent() {
        for (int i = 0; i < 3; i++) {
            emulator.volcengine("MadeUpAction" + i, "2023-01-01", "live", TestEmulator.VOLC_AK, "{}");
        }
        String scrape = emulator.get("/actuator/prometheus").body();
        assertThat(scrape).doesNotContain("MadeUpAction").contains("action=\"unknown\"");
        assertThat(emulator.get("/_emulator/journal?action=MadeUpAction2").json().get("entries")).hasSize(1);
    }

    @Test
    void aCallRefusedForItsSignatureIsStillItsAccountsInTheJournal() {
        TestEmulator strict = TestEmulator.strictNow();
        strict.post("/_emulator/reset", "");
        String badlySigned = "{\"StartTime\":\"2026-11-17T00:00:00+08:00\",\"EndTime\":\"2026-11-18T00:00:00+08:00\"}";
        TestEmulator.Reply refused = strict.raw("POST /?Action=DescribeLiveTranscodeData&Version=2023-01-01 HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nContent-Type: application/json\r\nX-Date: 20261120T120000Z\r\n"
                + "Authorization: HMAC-SHA256 Credential=" + TestEmulator.VOLC_AK + "/20261120/cn-north-1/live/request, "
                + "SignedHeaders=x-date, Signature=" + "0".repeat(64) + "\r\n", badlySigned.getBytes(
                        java.nio.charset.StandardCharsets.UTF_8));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(strict.get("/_emulator/journal/count?account=2100000001&outcome=error").json().get("count")
                .asLong()).isEqualTo(1);
    }

}
