package dev.usagekit.emulator.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.core.CallTrace;
import dev.usagekit.emulator.web.RawRequest;
import dev.usagekit.emulator.web.ResponseBody;
import dev.usagekit.emulator.web.WireResponse;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CallRecorderTest {

    private final RequestJournal journal = new RequestJournal(10);
    private final CallRecorder recorder = new CallRecorder(journal, new SimpleMeterRegistry(),
            Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void theJournalServesWhatTheStagesNotedInTheirOrder() {
        CallTrace trace = new CallTrace().note("vendor", "VOLCENGINE").note("signature", "verified")
                .note("action", "DescribeLiveTranscodeData").note("account", "2100000001")
                .note("throttle", Map.of("admitted", true)).note("buckets", List.of(1, 2)).note("errorCode", "X")
                .note("errorKind", "THROTTLED");

        recorder.answered(RawRequest.undecodable(), trace, new WireResponse(429, "application/json",
                ResponseBody.of(new byte[0]), Map.of()), Duration.ofMillis(3), recorder.generation());

        JsonNode entry = onlyEntry();
        assertThat(entry.get("action").asString()).isEqualTo("DescribeLiveTranscodeData");
        assertThat(entry.get("outcome").asString()).isEqualTo("throttled");
        assertThat(entry.get("errorCode").asString()).isEqualTo("X");
        assertThat(entry.get("time").asString()).isEqualTo("2026-11-20T12:00:00Z");
        JsonNode details = entry.get("details");
        assertThat(details.isObject()).isTrue();
        assertThat(details.propertyNames()).containsExactly("signature", "throttle", "buckets");
        assertThat(details.at("/throttle/admitted").asBoolean()).isTrue();
        assertThat(details.at("/buckets/1").asInt()).isEqualTo(2);
    }

    @Test
    void aNoteJsonCannotHoldIsReportedNotLost() {
        CallTrace trace = new CallTrace().note("action", "DescribeLiveTranscodeData").note("odd", new Unwritable());

        recorder.answered(RawRequest.undecodable(), trace, new WireResponse(200, "application/json",
                ResponseBody.of(new byte[0]), Map.of()), Duration.ofMillis(3), recorder.generation());

        JsonNode entry = onlyEntry();
        assertThat(entry.get("status").asInt()).isEqualTo(200);
        assertThat(entry.at("/details/unwritableDetails").isString()).isTrue();
    }

    /** A call that waited on injected latency while a test reset the emulator is not the next test's call. */
    @Test
    void aCallThatStartedBeforeTheJournalWasClearedIsNotJournaled() {
        long before = recorder.generation();
        journal.clear();
        recorder.answered(RawRequest.undecodable(), new CallTrace().note("action", "DescribeLiveTranscodeData"),
                new WireResponse(500, "application/json", ResponseBody.of(new byte[0]), Map.of()),
                Duration.ofMillis(1500), before);
        assertThat(journal.find(RequestJournal.Filter.ANY, 0).entries()).isEmpty();

        recorder.answered(RawRequest.undecodable(), new CallTrace().note("action", "DescribeLiveTranscodeData"),
                new WireResponse(200, "application/json", ResponseBody.of(new byte[0]), Map.of()),
                Duration.ofMillis(3), recorder.generation());
        assertThat(onlyEntry().get("status").asInt()).isEqualTo(200);
    }

    /** A note whose only property cannot be read. */
    public static final class Unwritable {
        public int getValue() {
            throw new IllegalStateException("not today");
        }
    }

    /** The journal's one entry as the journal endpoint writes it. */
    private JsonNode onlyEntry() {
        List<RequestJournal.Entry> entries = journal.find(RequestJournal.Filter.ANY, 0)
                .entries();
        assertThat(entries).hasSize(1);
        return ControlApi.JSON.readTree(ControlApi.JSON.writeValueAsString(entries.get(0)));
    }
}
