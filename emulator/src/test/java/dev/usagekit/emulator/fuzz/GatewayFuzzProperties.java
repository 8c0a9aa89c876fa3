package dev.usagekit.emulator.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.it.TestEmulator;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * Whatever a client sends, the answer is a vendor envelope and never a 5xx. With the self-check on, every JSON
 * body (errors included) is also validated against its schema: a violation would surface here as a 500.
 */
class GatewayFuzzProperties {

    private final TestEmulator emulator = TestEmulator.unthrottled();

    private static final String[] ACTIONS = {"ListOperationDistribution&Version=2020-12-01",
        "DescribeLivePullToPushBandwidthData&Version=2023-01-01", "DescribeLiveTranscodeData&Version=2023-01-01"};
    private static final String[] FIELDS = {"AppId", "StartTime", "EndTime", "Indicator", "Dimension", "Aggregation",
        "GroupList", "DetailField", "DomainList", "App", "Stream", "TranscodeType", "Resolution"};

    @Provide
    Arbitrary<String> jsonValue() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40).map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""),
                Arbitraries.of("\"2026-11-19T00:00:00+08:00\"", "\"2026-11-19T00:00:00Z\"", "\"9999-12-31T23:59:59+14:00\"",
                        "\"0000-01-01T00:00:00-12:00\"", "\"2026-02-30T00:00:00Z\"", "300", "86400", "-1", "1e400",
                        "123456789012345678901234567890", "null", "true", "[]", "[\"group001\",\"\"]", "{}",
                        "[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]", "\"user_num\"", "\"PROVINCE\"", "[\"Group\"]"));
    }

    @Provide
    Arbitrary<String> body() {
        Arbitrary<String> objects = Arbitraries.maps(Arbitraries.of(FIELDS), jsonValue()).ofMaxSize(8)
                .map(m -> "{" + String.join(",", m.entrySet().stream()
                        .map(e -> "\"" + e.getKey() + "\":" + e.getValue()).toList()) + "}");
        Arbitrary<String> garbage = Arbitraries.strings().ofMaxLength(200);
        return Arbitraries.oneOf(objects, objects, garbage, Arbitraries.of("", "{", "[]", "null", "{\"a\":1,\"a\":2}",
                "\uFEFF{}", "{\"StartTime\":\"\\ud800\"}"));
    }

    @Property(tries = 300)
    void volcengineNeverAnswers5xx(@ForAll("body") String body, @ForAll("actionIndex") int action,
            @ForAll("contentType") String contentType) {
        var r = emulator.send(HttpRequest.newBuilder(emulator.uri("/?Action=" + ACTIONS[action]))
                .header("Content-Type", contentType)
                .header("Authorization", "HMAC-SHA256 Credential=AKLTtestaccesskey/20261120/cn-north-1/live/request, "
                        + "SignedHeaders=x-date, Signature=" + "0".repeat(64))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(r.status()).as(r.body()).isBetween(200, 499);
        assertThat(r.json().at("/ResponseMetadata/RequestId").asString()).isNotBlank();
    }

    @Provide
    Arbitrary<Integer> actionIndex() {
        return Arbitraries.integers().between(0, ACTIONS.length - 1);
    }

    @Provide
    Arbitrary<String> contentType() {
        return Arbitraries.of("application/json", "application/json; charset=utf-8", "text/plain",
                "application/x-www-form-urlencoded", "application/octet-stream", "multipart/form-data; boundary=x");
    }

    @Provide
    Arbitrary<String> paramValue() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40),
                Arbitraries.of("2026-11-19T00:00:00Z", "3600", "86400", "slidelive,universal", "type,domain,,",
                        "2026-13-45T99:99:99Z", "%", "", "example.com", "JSON", "XML", "json"));
    }

    @Property(tries = 300)
    void aliyunNeverAnswers5xx(@ForAll("paramValue") String start, @ForAll("paramValue") String end,
            @ForAll("paramValue") String interval, @ForAll("paramValue") String split,
            @ForAll("paramValue") String type, @ForAll boolean post) {
        String q = "Action=DescribeLiveProducerUsageData&Version=2016-11-01&AccessKeyId=testid&Format=JSON"
                + "&StartTime=" + enc(start) + "&EndTime=" + enc(end) + "&Interval=" + enc(interval)
                + "&SplitBy=" + enc(split) + "&Type=" + enc(type) + "&SplitBy=" + enc(type);
        HttpRequest request = post
                ? HttpRequest.newBuilder(emulator.uri("/")).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(q)).build()
                : HttpRequest.newBuilder(emulator.uri("/?" + q)).GET().build();
        var r = emulator.send(request);
        assertThat(r.status()).as(r.body()).isBetween(200, 499);
        assertThat(r.json().get("RequestId").asString()).isNotBlank();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @AfterProperty
    void stillHealthy() {
        assertThat(emulator.get("/actuator/health").status()).isEqualTo(200);
    }
}
