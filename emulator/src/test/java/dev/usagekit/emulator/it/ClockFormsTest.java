package dev.usagekit.emulator.it;

import static dev.usagekit.emulator.it.ErrorEnvelopes.assertServiceError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.time.InstantTextCases;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The clock's set and a call's X-Emulator-Clock header take the same forms of instant, and refuse the same. */
class ClockFormsTest {

    private static final String BANDWIDTH = "{\"GroupList\":[\"group001\"],\"StartTime\":\"2026-11-19T00:00:00Z\","
            + "\"EndTime\":\"2026-11-20T00:00:00Z\",\"Aggregation\":3600}";

    private final TestEmulator emulator = TestEmulator.named("request-clock", "emulator.limits.enabled=false");

    @AfterEach
    void clockBack() {
        emulator.post("/_emulator/reset", "");
    }

    private TestEmulator.Reply callWithHeader(String header) {
        return emulator.volcengineCall("POST", "Action=DescribeLivePullToPushBandwidthData&Version=2023-01-01",
                "live", TestEmulator.VOLC_AK, BANDWIDTH, new String[] {"X-Emulator-Clock", header});
    }

    private TestEmulator.Reply set(String text) {
        return emulator.post("/_emulator/clock", "{\"set\":\"" + text + "\"}");
    }

    @Test
    void eachFormSetsTheClockAndPinsACallToTheSameInstant() {
        InstantTextCases.ACCEPTED.forEach((text, instant) -> {
            TestEmulator.Reply call = callWithHeader(text);
            assertThat(call.status()).as("header %s: %s", text, call.body()).isEqualTo(200);
            JsonNode entries = emulator.get("/_emulator/journal?action=DescribeLivePullToPushBandwidthData&limit=1")
                    .json().get("entries");
            assertThat(Instant.parse(entries.get(0).at("/details/clock/now").asString())).as(text).isEqualTo(instant);

            TestEmulator.Reply moved = set(text);
            assertThat(moved.status()).as("set %s: %s", text, moved.body()).isEqualTo(200);
            assertThat(Instant.parse(moved.json().get("now").asString())).as(text).isEqualTo(instant);
            set(TestEmulator.NOW.toString());
        });
    }

    @Test
    void aTextOfNoFormIsRefusedByBothNamingWhatWasWanted() {
        for (String text : InstantTextCases.REFUSED) {
            TestEmulator.Reply call = callWithHeader(text);
            assertServiceError(call, 400, "InvalidParam");
            assertThat(call.json().at("/ResponseMetadata/Error/Message").asString()).as(text)
                    .isEqualTo("invalid X-Emulator-Clock: must be an ISO-8601 instant from 1970-01-01T00:00:00Z to"
                            + " 9999-12-30T23:59:59Z, such as 2026-11-20T12:00:00Z");

            TestEmulator.Reply moved = set(text);
            assertThat(moved.status()).as(text).isEqualTo(400);
            assertThat(moved.json().get("message").asString()).as(text)
                    .isEqualTo("set must be an ISO-8601 instant with an offset, such as 2026-11-20T12:00:00Z");
        }
        assertThat(emulator.get("/_emulator/clock").json().get("now").asString())
                .isEqualTo(TestEmulator.NOW.toString());
    }
}
