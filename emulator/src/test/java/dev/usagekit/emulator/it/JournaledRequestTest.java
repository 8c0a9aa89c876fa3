package dev.usagekit.emulator.it;

import static dev.usagekit.emulator.it.ErrorEnvelopes.assertAliyunError;
import static dev.usagekit.emulator.it.ErrorEnvelopes.assertServiceError;
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

    /** The service reads the first value of a repeated parameter; the journal shows all of them, so the slip shows. */
    @Test
    void aRepeatedAliyunParameterIsJournaledWithEveryValue() {
        String query = "Action=DescribeLiveProducerUsageData&Version=2016-11-01&AccessKeyId=" + TestEmulator.ALIYUN_AK
                + "&Format=JSON&StartTime=2026-11-19T00:00:00Z&EndTime=2026-11-20T00:00:00Z&StartTime=2026-11-18T00:00:00Z";
        TestEmulator.Reply r = emulator.get("/?" + query);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("StartTime").asString()).isEqualTo("2026-11-19T00:00:00Z");
        JsonNode sent = lastCall().at("/details/request");
        assertThat(sent.get("StartTime").toString()).isEqualTo("[\"2026-11-19T00:00:00Z\",\"2026-11-18T00:00:00Z\"]");
        assertThat(sent.get("EndTime").asString()).isEqualTo("2026-11-20T00:00:00Z");
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

    /** Where the vendor's message is a fixed text, the journal's details.problem says what exactly was wrong. */
    @Test
    void theJournalNamesWhatAFixedTextErrorWasAbout() {
        TestEmulator.Reply typed = emulator.volcengine("DescribeLiveTranscodeData", "2023-01-01", "live",
                TestEmulator.VOLC_AK, "{\"StartTime\":\"2026-11-15T00:00:00+08:00\",\"EndTime\":"
                        + "\"2026-11-18T00:00:00+08:00\",\"Aggregation\":\"86400\"}");
        assertServiceError(typed, 400, "InvalidParam.BindError");
        assertThat(typed.json().at("/ResponseMetadata/Error/Message").asString())
                .isEqualTo("Request parameter error, please check input data");
        assertThat(lastCall().at("/details/problem").asString()).startsWith("Aggregation: ");

        emulator.volcengine("DescribeLiveTranscodeData", "2023-01-01", "live", TestEmulator.VOLC_AK,
                "{\"StartTime\":\"bad\",\"Aggregation\":86400.0}");
        assertThat(lastCall().at("/details/problem").asString()).isEqualTo("Aggregation must be an int32: digits only,"
                + " no fraction or exponent, from -2147483648 to 2147483647");

        emulator.volcengine("DescribeLiveTranscodeData", "2023-01-01", "live", TestEmulator.VOLC_AK, "{\"StartTime\":");
        assertThat(lastCall().at("/details/problem").asString()).isNotBlank();

        String aliyun = "Action=DescribeLiveProducerUsageData&Version=2016-11-01&Format=JSON&EndTime=2026-11-20T00:00:00Z";
        assertAliyunError(emulator.get("/?" + aliyun + "&AccessKeyId=" + TestEmulator.ALIYUN_AK
                + "&StartTime=2026-11-19T00:00:00%2B08:00"), 400, "InvalidStartTime.Malformed", null);
        assertThat(lastCall().at("/details/problem").asString())
                .startsWith("StartTime must be a UTC time written yyyy-MM-ddTHH:mm:ssZ");

        assertAliyunError(emulator.get("/?" + aliyun + "&AccessKeyId=" + TestEmulator.ALIYUN_AK
                + "&StartTime=2026-11-19T00:00:00Z&DomainName=nope.example"), 403, "Forbidden", null);
        assertThat(lastCall().at("/details/problem").asString()).isEqualTo("DomainName nope.example is not the caller's");

        assertAliyunError(emulator.get("/?" + aliyun + "&AccessKeyId=LTAInobody&StartTime=2026-11-19T00:00:00Z"), 400,
                "InvalidAccessKeyId.NotFound", null);
        assertThat(lastCall().at("/details/problem").asString())
                .isEqualTo("access key id LTAI… (10 characters) is not in the catalogue");

        emulator.volcengine("DescribeLiveTranscodeData", "2023-01-01", "live", "AKLTnobody", "{}");
        assertThat(lastCall().at("/details/problem").asString())
                .isEqualTo("access key id AKLT… (10 characters) is not in the catalogue");
    }

    /** A client's exception shows the RequestId (Volcengine's LogID): its journal entry is found by it. */
    @Test
    void anEntryIsFoundByItsRequestIdOrErrorCode() {
        TestEmulator.Reply failed = emulator.volcengine("DescribeLiveTranscodeData", "2023-01-01", "live",
                TestEmulator.VOLC_AK, "{}");
        String requestId = failed.json().at("/ResponseMetadata/RequestId").asString();
        emulator.volcengine("DescribeLiveTranscodeData", "2023-01-01", "live", TestEmulator.VOLC_AK, "{}");

        JsonNode found = emulator.get("/_emulator/journal?requestId=" + requestId).json().get("entries");
        assertThat(found).hasSize(1);
        assertThat(found.at("/0/details/requestId").asString()).isEqualTo(requestId);
        assertThat(found.get(0).has("requestId")).as("served within details only").isFalse();
        assertThat(emulator.get("/_emulator/journal/count?errorCode=InvalidParam").json().get("count").asLong())
                .isEqualTo(2);
        assertThat(emulator.get("/_emulator/journal/count?errorCode=InvalidParam.BindError").json().get("count")
                .asLong()).isZero();
        assertThat(emulator.get("/_emulator/journal?requestId=nothing-like-it").json().get("entries")).isEmpty();
        assertThat(emulator.get("/_emulator/journal?requestId=").json().get("entries")).as("a blank id is none")
                .isEmpty();

        // refused before it was routed (its body over the 1 MB limit): found by its id all the same
        TestEmulator.Reply tooLarge = emulator.volcengine("DescribeLiveTranscodeData", "2023-01-01", "live",
                TestEmulator.VOLC_AK, " ".repeat(1_100_000) + "{}");
        assertThat(tooLarge.status()).isEqualTo(413);
        String refusedId = tooLarge.json().at("/ResponseMetadata/RequestId").asString();
        assertThat(emulator.get("/_emulator/journal?requestId=" + refusedId).json().at("/entries/0/errorCode")
                .asString()).isEqualTo("RequestEntityTooLarge");
    }
}
