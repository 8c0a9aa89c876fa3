package dev.usagekit.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Settings of the control plane itself: journal size, faults in force, admin token, admin switch. */
class ControlPlaneSettingsTest {

    private static final String TRANSCODE = ControlPlaneTest.TRANSCODE;

    @Test
    void journalKeepsTheNewestEntriesAndCountsEvictions() {
        TestEmulator e = TestEmulator.named("small-journal", "emulator.limits.enabled=false",
                "emulator.journal.size=3");
        e.post("/_emulator/reset", "");
        for (int i = 0; i < 5; i++) {
            e.post("/_emulator/clock", "{\"advance\":\"PT1S\"}");
            e.volcengine("DescribeLiveTranscodeData", "2023-01-01", "live", TestEmulator.VOLC_AK, TRANSCODE);
        }
        var journal = e.get("/_emulator/journal").json();
        assertThat(journal.get("entries")).hasSize(3);
        assertThat(journal.get("evicted").asLong()).isEqualTo(2);
        assertThat(journal.at("/entries/0/time").asString()).isEqualTo("2026-11-20T12:00:03Z");
        assertThat(journal.at("/entries/2/id").asLong()).isEqualTo(5);
        assertThat(e.get("/_emulator/journal/count").json().get("evicted").asLong()).isEqualTo(2);
        assertThat(e.get("/_emulator/info").json().at("/journal/size").asInt()).isEqualTo(3);
    }

    @Test
    void aFaultPastTheLimitIs400SayingHowToClearThemAndRunOutOrClearedOnesMakeRoom() {
        TestEmulator e = TestEmulator.named("two-faults", "emulator.limits.enabled=false", "emulator.faults.max=2");
        e.post("/_emulator/reset", "");
        String once = "{\"action\":\"DescribeLiveTranscodeData\",\"times\":1}";
        assertThat(e.post("/_emulator/faults", "{\"action\":\"ListOperationDistribution\"}").status())
                .isEqualTo(200);
        assertThat(e.post("/_emulator/faults", once).status()).isEqualTo(200);

        TestEmulator.Reply refused = e.post("/_emulator/faults", once);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).isEqualTo("{\"error\":\"Bad Request\",\"message\":\"at most 2 faults may be in"
                + " force (emulator.faults.max); clear them with DELETE /_emulator/faults\"}");
        assertThat(e.get("/_emulator/faults").json().get("faults")).hasSize(2);

        // the times:1 fault answers this call and is gone
        assertThat(e.volcengine("DescribeLiveTranscodeData", "2023-01-01", "live", TestEmulator.VOLC_AK, TRANSCODE)
                .status()).isEqualTo(500);
        assertThat(e.post("/_emulator/faults", once).status()).isEqualTo(200);
        assertThat(e.post("/_emulator/faults", once).status()).isEqualTo(400);

        e.delete("/_emulator/faults");
        assertThat(e.post("/_emulator/faults", once).status()).isEqualTo(200);
        assertThat(e.post("/_emulator/faults", once).status()).isEqualTo(200);
    }

    /** A script numbering its faults (or matching the journal's fault ids) sees 1, 2, 3: a refused one takes no id. */
    @Test
    void refusedFaultsTakeNoIdSoTheFaultsAddedAreNumberedWithoutGaps() {
        TestEmulator e = TestEmulator.named("two-faults", "emulator.limits.enabled=false", "emulator.faults.max=2");
        e.post("/_emulator/reset", "");
        long first = addedId(e, "{\"action\":\"ListOperationDistribution\"}");
        for (String refused : List.of("{\"status\":600}", "{\"tims\":1}", "{\"action\":\"NoSuchAction\"}",
                "{\"account\":\"nobody\"}", "{\"latencyMs\":6000000}", "{\"code\":\"a\\u0001b\"}", "[1]", "{")) {
            assertThat(e.post("/_emulator/faults", refused).status()).as(refused).isEqualTo(400);
        }
        assertThat(addedId(e, "{\"action\":\"DescribeLiveTranscodeData\",\"times\":1}")).isEqualTo(first + 1);
        assertThat(e.post("/_emulator/faults", "{}").status()).as("past the limit").isEqualTo(400);

        assertThat(e.volcengine("DescribeLiveTranscodeData", "2023-01-01", "live", TestEmulator.VOLC_AK, TRANSCODE)
                .status()).isEqualTo(500);
        assertThat(e.get("/_emulator/journal?action=DescribeLiveTranscodeData").json()
                .at("/entries/0/details/fault/ids/0").asLong()).as("the journal's fault id").isEqualTo(first + 1);
        assertThat(addedId(e, "{}")).as("after the refusal past the limit").isEqualTo(first + 2);
    }

    /** Adds racing for the last places: exactly the limit are taken, numbered on from the last id, listed in order. */
    @Test
    void concurrentFaultsAroundTheLimitNeverPassItNorSkipAnId() throws Exception {
        TestEmulator e = TestEmulator.named("two-faults", "emulator.limits.enabled=false", "emulator.faults.max=2");
        e.post("/_emulator/reset", "");
        long before = addedId(e, "{}");
        e.delete("/_emulator/faults");

        ExecutorService senders = Executors.newFixedThreadPool(6);
        List<TestEmulator.Reply> replies = new ArrayList<>();
        try {
            List<Future<TestEmulator.Reply>> sent = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                sent.add(senders.submit(() -> e.post("/_emulator/faults", "{}")));
            }
            for (Future<TestEmulator.Reply> reply : sent) {
                replies.add(reply.get());
            }
        } finally {
            senders.shutdownNow();
        }

        List<Long> added = replies.stream().filter(r -> r.status() == 200).map(r -> r.json().get("added").asLong())
                .sorted().toList();
        assertThat(added).containsExactly(before + 1, before + 2);
        assertThat(replies.stream().filter(r -> r.status() == 400)).hasSize(4);
        List<Long> inForce = new ArrayList<>();
        e.get("/_emulator/faults").json().get("faults").forEach(f -> inForce.add(f.get("id").asLong()));
        assertThat(inForce).containsExactly(before + 1, before + 2);
    }

    private static long addedId(TestEmulator e, String fault) {
        TestEmulator.Reply added = e.post("/_emulator/faults", fault);
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        return added.json().get("added").asLong();
    }

    @Test
    void tokenIsRequiredWhenSet() {
        TestEmulator e = TestEmulator.named("token", "emulator.admin.token=s3cret");
        TestEmulator.Reply denied = e.get("/_emulator/info");
        assertThat(denied.status()).isEqualTo(401);
        assertThat(denied.json().get("message").asString()).contains("X-Emulator-Token");
        assertThat(denied.headers().get("www-authenticate"))
                .containsExactly("X-Emulator-Token realm=\"usagekit control plane\"");
        assertThat(e.send(HttpRequest.newBuilder(e.uri("/_emulator/info")).header("X-Emulator-Token", "wrong")
                .GET().build()).status()).isEqualTo(401);
        assertThat(e.send(HttpRequest.newBuilder(e.uri("/_emulator/info")).header("X-Emulator-Token", "s3cret")
                .GET().build()).status()).isEqualTo(200);
        // API calls need no token
        assertThat(e.volcengine("DescribeLiveTranscodeData", "2023-01-01", "live", TestEmulator.VOLC_AK, TRANSCODE)
                .status()).isEqualTo(200);
    }

    /** A header carries spaces and tabs between other characters as sent, so a token may hold them. */
    @Test
    void aTokenWithSpacesAndATabBetweenItsWordsIsMatchedAsSent() {
        TestEmulator e = TestEmulator.named("token-with-spaces", "emulator.admin.token=two words\tand a tab");
        String health = "GET /_emulator/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Emulator-Token: ";
        assertThat(e.raw(health + "two words\tand a tab\r\n", new byte[0]).status()).isEqualTo(200);
        assertThat(e.raw(health + "two words and a tab\r\n", new byte[0]).status()).isEqualTo(401);
    }

    @Test
    void disabledControlPlaneAnswers404() {
        TestEmulator e = TestEmulator.named("admin-off", "emulator.admin.enabled=false");
        assertThat(e.get("/_emulator/health").status()).isEqualTo(404);
        assertThat(e.post("/_emulator/reset", "").status()).isEqualTo(404);
    }
}
