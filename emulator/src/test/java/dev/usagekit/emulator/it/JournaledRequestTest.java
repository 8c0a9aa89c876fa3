package dev.usagekit.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The journal keeps what each client sent, so a test can check its client's request and not only the answer. */
class JournaledRequestTest {

    private final TestEmulator emulator = TestEmulator.named("journaled-request", "emulator.limits.enabled=false");

    @AfterEach
    void clean() {
        emulator.post("/_emulator/reset", "");
    }

    private JsonNode lastCall() {
        JsonNode entries = emulator.get("/_emulator/journal").json().get("entries");
        return entries.get(entries.size() - 1);
    }

    @Test
    void aVolcengineCallKeepsItsBodyAsSentEvenWhenItFailsARule() {
        String body = "{\"groupList\":[\"group001\"],\"StartTime\":\"2026-10-01T00:00:00+08:00\","
                + "\"EndTime\":\"2026-11-20T00:00:00+08:00\",\"Aggregation\":300}";
        TestEmulator.Reply r = emulator.volcengine("DescribeLivePullToPushBandwidthData", "2023-01-01", "live",
                TestEmulator.VOLC_AK, body);
        assertThat(r.status()).isEqualTo(400); // 50 days at 300 s

        JsonNode call = lastCall();
        assertThat(call.get("errorCode").asString()).isEqualTo("InvalidParam");
        // as the client spelled it: Go's binding of groupList to GroupList is the emulator's business
        assertThat(call.at("/details/request").toString()).isEqualTo(body);
    }

    @Test
    void anAliyunCallKeepsItsQueryOrFormParameters() {
        String query = "Action=DescribeLiveProducerUsageData&Version=2016-11-01&AccessKeyId=" + TestEmulator.ALIYUN_AK
                + "&Format=JSON&StartTime=2026-11-19T00:00:00Z&EndTime=2026-11-20T00:00:00Z&SplitBy=domain%2Ctype";
        assertThat(emulator.get("/?" + query).status()).isEqualTo(200);
        JsonNode sent = lastCall().at("/details/request");
        assertThat(sent.get("StartTime").asString()).isEqualTo("2026-11-19T00:00:00Z");
        assertThat(sent.get("SplitBy").asString()).isEqualTo("domain,type");
        assertThat(sent.get("AccessKeyId").asString()).isEqualTo(TestEmulator.ALIYUN_AK);

        assertThat(emulator.postForm(query + "&Interval=86400").status())
                .isEqualTo(200);
        assertThat(lastCall().at("/details/request/Interval").asString()).isEqualTo("86400");
    }

    @Test
    void aRequestOverSixteenKilobytesIsCountedNotKept() {
        String padded = "{\"DomainList\":[\"example.com\"]" + " ".repeat(20_000) + ",\"StartTime\":"
                + "\"2026-11-15T00:00:00+08:00\",\"EndTime\":\"2026-11-18T00:00:00+08:00\",\"Aggregation\":86400}";
        assertThat(emulator.volcengine("DescribeLiveTranscodeData", "2023-01-01", "live", TestEmulator.VOLC_AK, padded)
                .status()).isEqualTo(200);
        JsonNode details = lastCall().get("details");
        assertThat(details.has("request")).isFalse();
        assertThat(details.get("requestOmitted").asString()).isEqualTo(padded.length()
                + " bytes, over the 16384 the journal keeps");
    }
}
