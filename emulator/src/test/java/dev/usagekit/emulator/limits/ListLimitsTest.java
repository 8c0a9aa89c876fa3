package dev.usagekit.emulator.limits;

import static dev.usagekit.emulator.it.ErrorEnvelopes.assertAliyunError;
import static dev.usagekit.emulator.it.ErrorEnvelopes.assertServiceError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.it.TestEmulator;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * List parameters are capped at 100 items (schemas mirror it with maxItems and bounded patterns): beyond that the
 * service's own invalid-parameter error, never a stack overflow in a regular expression or a huge query.
 */
class ListLimitsTest {

    private final TestEmulator emulator = TestEmulator.unthrottled();

    private static String names(String prefix, int n) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add("\"" + prefix + i + "\"");
        }
        return "[" + String.join(",", items) + "]";
    }

    private TestEmulator.Reply live(String action, String extra) {
        return emulator.volcengine(action, "2023-01-01", "live", TestEmulator.VOLC_AK, "{\"StartTime\":"
                + "\"2026-11-19T00:00:00+08:00\",\"EndTime\":\"2026-11-20T00:00:00+08:00\"," + extra + "}");
    }

    @ParameterizedTest
    @CsvSource({"DescribeLivePullToPushBandwidthData, DetailField",
        "DescribeLiveTranscodeData, DomainList", "DescribeLiveTranscodeData, TranscodeType",
        "DescribeLiveTranscodeData, Resolution"})
    void liveListsOver100AreInvalidParam(String action, String field) {
        var r = live(action, "\"" + field + "\":" + names("x", 101));
        assertServiceError(r, 400, "InvalidParam");
        assertThat(r.json().at("/ResponseMetadata/Error/Message").asString()).contains(field);
    }

    @org.junit.jupiter.api.Test
    void moreThanTwentyGroupsAreInvalidParam() {
        var r = live("DescribeLivePullToPushBandwidthData", "\"GroupList\":" + names("group", 21));
        assertServiceError(r, 400, "InvalidParam");
        assertThat(r.json().at("/ResponseMetadata/Error/Message").asString()).contains("GroupList");
    }

    @org.junit.jupiter.api.Test
    void twentyGroupsPassTheCapAndReachTheHandler() {
        var r = live("DescribeLivePullToPushBandwidthData", "\"GroupList\":" + names("group", 20));
        // past the cap, the handler looks the groups up: these do not exist under the account
        assertServiceError(r, 403, "RequestForbidden");
    }

    private TestEmulator.Reply producer(String name, String value) {
        String form = "Action=DescribeLiveProducerUsageData&Version=2016-11-01&AccessKeyId=testid&Format=JSON"
                + "&StartTime=2026-11-19T00:00:00Z&EndTime=2026-11-20T00:00:00Z&" + name + "=" + value;
        return emulator.send(HttpRequest.newBuilder(emulator.uri("/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** Found by fuzzing: 5,000 items overflowed the stack of the schema's regular expression. */
    @ParameterizedTest
    @ValueSource(strings = {"Type", "SplitBy", "Region", "DomainName", "Instance"})
    void aliyunCommaListsOver100AreInvalidParameter(String name) {
        for (int n : new int[] {101, 5000}) {
            String item = name.equals("Type") ? "slidelive" : name.equals("SplitBy") ? "domain" : "x";
            var r = producer(name, String.join(",", Collections.nCopies(n, item)));
            assertAliyunError(r, 400, "InvalidParameter", null);
            assertThat(r.json().get("Message").asString()).contains(name);
        }
        assertThat(emulator.get("/actuator/health").status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Type", "Region"})
    void aliyunCommaListsOf100AreAccepted(String name) {
        String item = name.equals("Type") ? "slidelive" : "cn-shanghai";
        var r = producer(name, String.join(",", Collections.nCopies(100, item)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }
}
