package dev.usagekit.emulator.it;

import static dev.usagekit.emulator.it.ErrorEnvelopes.assertAliyunError;
import static dev.usagekit.emulator.it.ErrorEnvelopes.assertAliyunXmlError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class AliyunProducerUsageTest {

    private final TestEmulator emulator = TestEmulator.unthrottled();
    private static final String BASE = "/?Action=DescribeLiveProducerUsageData&Version=2016-11-01&AccessKeyId=testid";
    private static final String NO_SUCH_VERSION = "The specified version does not exist.";
    private static final String API_NOT_FOUND = "Specified api is not found,please check your url and method.";

    private TestEmulator.Reply json(String params) {
        return emulator.get(BASE + "&Format=JSON" + params);
    }

    @Test
    void seedExampleShapeWithHourlyItems() {
        var r = json("&StartTime=2026-11-19T00:00:00Z&EndTime=2026-11-19T06:00:00Z&Interval=3600");
        assertThat(r.status()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.has("Code")).isFalse();
        assertThat(body.get("StartTime").asString()).isEqualTo("2026-11-19T00:00:00Z");
        assertThat(body.get("EndTime").asString()).isEqualTo("2026-11-19T06:00:00Z");
        JsonNode items = body.at("/BillProducerData/BillProducerDataItem");
        assertThat(items.size()).isEqualTo(6);
        assertThat(items.get(1).get("TimeStamp").asString()).isEqualTo("2026-11-19T01:00:00Z");
        assertThat(items.get(0).get("OutputHdDuration").isIntegralNumber()).isTrue();
        assertThat(items.get(0).has("Type")).isFalse();
    }

    @Test
    void splitGroupsAddUpToTheUnsplitTotal() {
        String range = "&StartTime=2026-11-18T00:00:00Z&EndTime=2026-11-19T00:00:00Z&Interval=86400";
        JsonNode total = json(range).json().at("/BillProducerData/BillProducerDataItem/0");
        JsonNode split = json(range + "&SplitBy=type,region").json().at("/BillProducerData/BillProducerDataItem");
        assertThat(split.size()).isGreaterThan(1);
        for (String field : new String[] {"OutputHdDuration", "OutputLdDuration", "OutputSdDuration", "TranHdDuration",
            "TranLdDuration", "TranSdDuration"}) {
            long sum = 0;
            for (JsonNode item : split) {
                sum += item.get(field).asLong();
                assertThat(item.get("Type").asString()).isIn("slidelive", "universal");
                assertThat(item.has("Region")).isTrue();
            }
            assertThat(sum).as(field).isEqualTo(total.get(field).asLong());
        }
    }

    @Test
    void dailyBucketIsTheSumOfItsHours() {
        JsonNode hours = json("&StartTime=2026-11-18T00:00:00Z&EndTime=2026-11-19T00:00:00Z&Interval=3600").json()
                .at("/BillProducerData/BillProducerDataItem");
        JsonNode day = json("&StartTime=2026-11-18T00:00:00Z&EndTime=2026-11-19T00:00:00Z&Interval=86400").json()
                .at("/BillProducerData/BillProducerDataItem/0");
        long sum = 0;
        for (JsonNode h : hours) {
            sum += h.get("OutputHdDuration").asLong();
        }
        assertThat(day.get("OutputHdDuration").asLong()).isEqualTo(sum);
    }

    @Test
    void noFormatWithV1StyleIsXml() {
        var r = emulator.get(BASE + "&StartTime=2026-11-19T00:00:00Z&EndTime=2026-11-19T02:00:00Z");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("text/xml;charset=utf-8");
        assertThat(r.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><DescribeLiveProducerUsageDataResponse>")
                .contains("<BillProducerData><BillProducerDataItem>").doesNotContain("<Code>");
    }

    @Test
    void xmlErrorHasErrorRoot() {
        var r = emulator.get(BASE + "&Format=XML&StartTime=bad&EndTime=2026-11-19T02:00:00Z");
        assertAliyunXmlError(r, 400, "InvalidStartTime.Malformed", null);
    }

    @Test
    void lowerCaseFormatIsHonoured() {
        assertThat(emulator.get(BASE + "&Format=json&StartTime=2026-11-19T00:00:00Z&EndTime=2026-11-19T02:00:00Z")
                .contentType()).startsWith("application/json");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "&StartTime=2026/11/19&EndTime=2026-11-19T02:00:00Z|InvalidStartTime.Malformed|Specified StartTime is malformed.",
        "&StartTime=2026-11-19T00:00:00Z&EndTime=tomorrow|InvalidEndTime.Malformed|Specified EndTime is malformed.",
        "&StartTime=2026-11-19T00:00:00Z|InvalidTime.Malformed|Specified StartTime or EndTime is malformed.",
        "&StartTime=2026-11-19T02:00:00Z&EndTime=2026-11-19T02:00:00Z|InvalidEndTime.Mismatch|Specified end time does not math the specified start time.",
        "&StartTime=2026-10-01T00:00:00Z&EndTime=2026-11-02T00:00:00Z|InvalidTimeSpan|The time span exceeds the limit.",
        "&StartTime=2026-08-01T00:00:00Z&EndTime=2026-08-02T00:00:00Z|InvalidTime.ValueNotSupported|Specified Time is malformed.",
        // a well-formed time before 1970 is too old, not malformed
        "&StartTime=1969-12-31T00:00:00Z&EndTime=1970-01-01T00:00:00Z|InvalidTime.ValueNotSupported|Specified Time is malformed.",
    })
    void theSixDocumentedTimeErrors(String params, String code, String message) {
        assertAliyunError(json(params), 400, code, message);
    }

    @Test
    void unsupportedIntervalIsInvalidParameter() {
        assertAliyunError(json("&StartTime=2026-11-19T00:00:00Z&EndTime=2026-11-19T02:00:00Z&Interval=300"), 400,
                "InvalidParameter", "The specified value of parameter \"Interval\" is not valid.");
    }

    @Test
    void unknownTypeAndSplitKeyAreInvalidParameter() {
        assertAliyunError(json("&StartTime=2026-11-19T00:00:00Z&EndTime=2026-11-19T02:00:00Z&Type=slidelive,studio"),
                400, "InvalidParameter", null);
        assertAliyunError(json("&StartTime=2026-11-19T00:00:00Z&EndTime=2026-11-19T02:00:00Z&SplitBy=app"), 400,
                "InvalidParameter", null);
    }

    @Test
    void instanceOfAnotherAccountIsForbidden() {
        assertAliyunError(json("&StartTime=2026-11-19T00:00:00Z&EndTime=2026-11-19T02:00:00Z"
                + "&Instance=9d8c7b6a-5f4e-4d3c-2b1a-0f9e8d7c6b5a"), 403, "Forbidden", null);
    }

    @Test
    void aDomainOfAnotherAccountIsForbidden() {
        assertAliyunError(json("&StartTime=2026-11-19T00:00:00Z&EndTime=2026-11-19T02:00:00Z"
                + "&DomainName=live.second-tenant.example"), 403, "Forbidden", null);
        assertThat(json("&StartTime=2026-11-19T00:00:00Z&EndTime=2026-11-19T02:00:00Z&DomainName=example2.com")
                .status()).isEqualTo(200);
    }

    /** Each filter keeps exactly its own instances: the filtered total is that group's item of the split answer. */
    @Test
    void eachFilterSelectsTheInstancesItNames() {
        String day = "&StartTime=2026-11-18T00:00:00Z&EndTime=2026-11-19T00:00:00Z&Interval=86400";
        JsonNode byRegion = json(day + "&SplitBy=region").json().at("/BillProducerData/BillProducerDataItem");
        JsonNode byType = json(day + "&SplitBy=type").json().at("/BillProducerData/BillProducerDataItem");
        assertThat(withoutLabels(total(day + "&Region=cn-beijing"))).isEqualTo(withoutLabels(item(byRegion, "Region",
                "cn-beijing")));
        assertThat(withoutLabels(total(day + "&Region=cn-shanghai"))).isEqualTo(withoutLabels(item(byRegion,
                "Region", "cn-shanghai")));
        assertThat(withoutLabels(total(day + "&Type=slidelive"))).isEqualTo(withoutLabels(item(byType, "Type",
                "slidelive")));
        // app liveApp is the one instance 5b2e9c41-...: the same minutes either way, and none of the others'
        JsonNode app = total(day + "&app=liveApp");
        assertThat(app).isEqualTo(total(day + "&Instance=5b2e9c41-7d3a-4f6e-9b1c-0a8d2e4f6c13"));
        assertThat(app.get("OutputHdDuration").asLong()).isPositive();
        assertThat(total(day + "&Type=slidelive&app=liveApp").get("OutputHdDuration").asLong()).isZero();
    }

    private JsonNode total(String params) {
        var r = json(params);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode items = r.json().at("/BillProducerData/BillProducerDataItem");
        assertThat(items.size()).isEqualTo(1);
        return items.get(0);
    }

    private static JsonNode item(JsonNode items, String label, String value) {
        for (JsonNode item : items) {
            if (item.get(label).asString().equals(value)) {
                return item;
            }
        }
        throw new AssertionError("no item with " + label + " " + value + " in " + items);
    }

    private static JsonNode withoutLabels(JsonNode item) {
        tools.jackson.databind.node.ObjectNode copy = ((tools.jackson.databind.node.ObjectNode) item).deepCopy();
        copy.remove(java.util.List.of("Region", "Type", "Domain", "Instance"));
        return copy;
    }

    @Test
    void missingAccessKeyIsMissingAccessKeyId() {
        assertAliyunError(emulator.get("/?Action=DescribeLiveProducerUsageData&Version=2016-11-01&Format=JSON"), 400,
                "MissingAccessKeyId", null);
    }

    @Test
    void unknownAccessKeyIsNotFound() {
        assertAliyunError(emulator.get("/?Action=DescribeLiveProducerUsageData&Version=2016-11-01&Format=JSON"
                + "&AccessKeyId=LTAInobody"), 400, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
    }

    @Test
    void unknownActionIsApiNotFound() {
        assertAliyunError(emulator.get("/?Action=DescribeNothing&Version=2016-11-01&Format=JSON&AccessKeyId=testid"),
                404, "InvalidApi.NotFound", API_NOT_FOUND);
    }

    /** The POP gateway resolves the version before the action, so an unknown version hides an unknown action. */
    @ParameterizedTest
    @CsvSource({"DescribeLiveProducerUsageData", "DescribeNothing"})
    void anUnknownVersionIsNoSuchVersionWhateverTheAction(String action) {
        assertAliyunError(emulator.get("/?Action=" + action + "&Version=2014-05-26&Format=JSON&AccessKeyId=testid"),
                400, "NoSuchVersion", NO_SUCH_VERSION);
    }

    @Test
    void anUnknownVersionInAFormBodyIsNoSuchVersion() {
        var r = emulator.send(HttpRequest.newBuilder(emulator.uri("/?Format=JSON"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "Action=DescribeLiveProducerUsageData&Version=2016-11-02&AccessKeyId=testid"))
                .build());
        assertAliyunError(r, 400, "NoSuchVersion", NO_SUCH_VERSION);
    }

    @Test
    void anUnknownVersionWithoutFormatIsAnXmlError() {
        var r = emulator.get("/?Action=DescribeLiveProducerUsageData&Version=2014-05-26&AccessKeyId=testid");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).isEqualTo("text/xml;charset=utf-8");
        assertThat(r.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><RequestId>"
                + r.header("x-acs-request-id") + "</RequestId><HostId>live.aliyuncs.com</HostId>"
                + "<Code>NoSuchVersion</Code><Message>" + NO_SUCH_VERSION + "</Message>"
                + "<Recommend>https://next.api.aliyun.com/troubleshoot?q=NoSuchVersion&amp;product=live</Recommend>"
                + "</Error>");
    }

    @ParameterizedTest
    @CsvSource({"DescribeLiveProducerUsageData", "DescribeNothing"})
    void anUnknownAcs3VersionIsNoSuchVersionWhateverTheAction(String action) {
        assertAliyunError(acs3(action, "2014-05-26"), 400, "NoSuchVersion", NO_SUCH_VERSION);
    }

    @Test
    void anUnknownAcs3ActionAtTheRightVersionIsApiNotFound() {
        assertAliyunError(acs3("DescribeNothing", "2016-11-01"), 404, "InvalidApi.NotFound", API_NOT_FOUND);
    }

    @Test
    void theRequestIdIsInTheHeadersToo() {
        var ok = emulator.get(BASE + "&Format=JSON&StartTime=2026-11-19T00:00:00Z&EndTime=2026-11-19T02:00:00Z");
        assertThat(ok.header("x-acs-request-id")).isEqualTo(ok.json().get("RequestId").asString()).isNotBlank();
        var refused = emulator.get(BASE + "&Format=JSON&StartTime=tomorrow&EndTime=2026-11-19T02:00:00Z");
        assertThat(refused.header("x-acs-request-id")).isEqualTo(refused.json().get("RequestId").asString());
    }

    @ParameterizedTest
    @CsvSource({"PUT", "DELETE", "PATCH"})
    void methodsOtherThanGetAndPostAreUnsupported(String method) {
        var r = emulator.send(HttpRequest.newBuilder(emulator.uri("/?Action=DescribeLiveProducerUsageData"
                + "&Version=2016-11-01&Format=JSON&AccessKeyId=testid")).method(method, HttpRequest.BodyPublishers.noBody())
                .build());
        assertAliyunError(r, 400, "UnsupportedHTTPMethod",
                "Specified HTTP method " + method + " is not supported; use GET or POST.");
    }

    @Test
    void formBodyParametersAreMergedWithQuery() {
        var r = emulator.send(HttpRequest.newBuilder(emulator.uri("/?Format=JSON"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Action=DescribeLiveProducerUsageData&Version=2016-11-01"
                        + "&AccessKeyId=testid&StartTime=2026-11-19T00%3A00%3A00Z&EndTime=2026-11-19T02%3A00%3A00Z"))
                .build());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().at("/BillProducerData/BillProducerDataItem").size()).isEqualTo(2);
    }

    /** An ACS3 call naming its action and version in the x-acs-* headers (signatures are not checked here). */
    private TestEmulator.Reply acs3(String action, String version) {
        return emulator.send(HttpRequest.newBuilder(emulator.uri(
                "/?StartTime=2026-11-19T00%3A00%3A00Z&EndTime=2026-11-19T02%3A00%3A00Z"))
                .header("x-acs-action", action)
                .header("x-acs-version", version)
                .header("Authorization", "ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=host,Signature=" + "0".repeat(64))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    @Test
    void actionFromAcsHeadersWithAcs3CredentialAnswersJson() {
        var r = acs3("DescribeLiveProducerUsageData", "2016-11-01");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.json().has("RequestId")).isTrue();
    }
}
