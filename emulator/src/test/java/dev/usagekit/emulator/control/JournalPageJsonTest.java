package dev.usagekit.emulator.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JournalPageJsonTest {

    private static RequestJournal.Page page(int entries) {
        RequestJournal journal = new RequestJournal(1000);
        IntStream.range(0, entries).forEach(i -> journal.record(0, Instant.parse("2026-11-20T12:00:00Z").plusSeconds(i),
                "VOLCENGINE", i % 2 == 0 ? "DescribeLiveTranscodeData" : null, i % 3 == 0 ? null : "2100000001",
                i % 5 == 0 ? 401 : 200, i % 5 == 0 ? "SignatureDoesNotMatch" : null, i % 5 == 0 ? "error" : "success",
                "{\"requestId\":\"r" + i + "\",\"request\":{\"query\":\"\\u00e9\\\"" + "x".repeat(i) + "\"}}",
                "r" + i));
        return journal.find(RequestJournal.Filter.ANY, 0);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, JournalPageJson.ENTRIES_PER_BATCH - 1, JournalPageJson.ENTRIES_PER_BATCH,
            JournalPageJson.ENTRIES_PER_BATCH + 1, 3 * JournalPageJson.ENTRIES_PER_BATCH, 1000})
    void thePiecesAreThePageWrittenWhole(int entries) {
        RequestJournal.Page page = page(entries);
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        JournalPageJson.pieces(page).toIterable().forEach(streamed::writeBytes);

        assertThat(streamed.toString(StandardCharsets.UTF_8)).isEqualTo(ControlApi.JSON.writeValueAsString(page));
    }

    /** A client's body with a lone surrogate: its entry, and every read of the journal, must still be JSON. */
    @ParameterizedTest
    @ValueSource(ints = {1, JournalPageJson.ENTRIES_PER_BATCH + 1})
    void anUnpairedSurrogateInACallsDetailsLeavesTheJournalReadable(int entries) {
        RequestJournal journal = new RequestJournal(1000);
        String details = CallRecorder.detailsJson(Map.of("request", Map.of("body", "{\"StartTime\":\"\ud800x\"}"),
                "problem", "ends in \udc00"));
        for (int i = 0; i < entries; i++) {
            journal.record(0, Instant.parse("2026-11-20T12:00:00Z"), "VOLCENGINE", "DescribeLiveTranscodeData",
                    "2100000001", 400, "InvalidParam", "error", details, "r" + i);
        }
        RequestJournal.Page page = journal.find(RequestJournal.Filter.ANY, 0);
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        JournalPageJson.pieces(page).toIterable().forEach(streamed::writeBytes);

        assertThat(ControlApi.JSON.readTree(streamed.toByteArray()).get("entries")).hasSize(entries);
        assertThat(ControlApi.JSON.readTree(ControlApi.JSON.writeValueAsBytes(page))
                .at("/entries/0/details/request/body").asString()).isEqualTo("{\"StartTime\":\"\ud800x\"}");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, JournalPageJson.ENTRIES_PER_BATCH, 1000})
    void theAnswerComesInBatchesOf64Entries(int entries) {
        long pieces = JournalPageJson.pieces(page(entries)).count().block();

        assertThat(pieces).isEqualTo(2 + (entries + JournalPageJson.ENTRIES_PER_BATCH - 1)
                / JournalPageJson.ENTRIES_PER_BATCH);
    }
}
