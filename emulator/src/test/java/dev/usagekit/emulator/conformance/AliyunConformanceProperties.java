package dev.usagekit.emulator.conformance;

import static dev.usagekit.emulator.it.ErrorEnvelopes.assertAliyunError;
import static dev.usagekit.emulator.it.ErrorEnvelopes.assertAliyunXmlError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.it.TestEmulator;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.JsonNode;

/**
 * Conformance of Alibaba Cloud DescribeLiveProducerUsageData (RPC, GET query or POST form), against the test
 * emulator: legal parameter combinations succeed with a schema-valid JSON body whose buckets are the documented
 * ones; one mistake gets exactly its documented code and status in a schema-valid flat error body.
 */
class AliyunConformanceProperties {

    static final String ACTION = "DescribeLiveProducerUsageData";
    static final List<String> REGIONS = List.of("cn-shanghai", "cn-beijing", "ap-southeast-1");
    static final List<String> DOMAINS = List.of("example.com", "example2.com", "legacy.example.net");
    static final List<String> INSTANCES = List.of("a17d0184-462d-4630-b2a6-8c26dde2****",
            "5b2e9c41-7d3a-4f6e-9b1c-0a8d2e4f6c13", "0c7f3a92-1e4b-4d5a-8c6f-3b2a1d0e9f87");
    static final List<String> TYPES = List.of("slidelive", "universal");
    static final List<String> SPLIT_KEYS = List.of("domain", "region", "instance", "type");
    /** The item field each SplitBy key fills. */
    static final Map<String, String> SPLIT_FIELDS = Map.of("domain", "DomainName", "region", "Region", "instance",
            "Instance", "type", "Type");
    static final List<String> MALFORMED_TIMES = List.of("2026-11-19 00:00:00", "2026-11-19T00:00:00+08:00",
            "2026-11-19T00:00:00", "2026-11-19", "20261119T000000Z", "2026-02-30T00:00:00Z", "2026-11-19T00:00Z", "");

    static final Expected INVALID_PARAMETER = Expected.service(400, "InvalidParameter");
    static final Expected FORBIDDEN = Expected.service(403, "Forbidden");
    static final Expected UNSUPPORTED_METHOD = Expected.service(400, "UnsupportedHTTPMethod");

    /**
     * One RPC call and its parameters.
     *
     * @param method GET (parameters in the query), POST (in a form body), or any other method (in the query)
     */
    record Call(String method, Map<String, String> params, TimeRange range) {

        String encoded() {
            return params.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));
        }

        Call with(String name, String value) {
            Map<String, String> p = new LinkedHashMap<>(params);
            p.put(name, value);
            return new Call(method, p, range);
        }

        Call without(String name) {
            Map<String, String> p = new LinkedHashMap<>(params);
            p.remove(name);
            return new Call(method, p, range);
        }

        Call withRange(TimeRange r) {
            return new Call(method, params, r).with("StartTime", utc(r.start())).with("EndTime", utc(r.end()));
        }

        boolean timed() {
            return params.containsKey("StartTime");
        }

        List<String> list(String name) {
            String v = params.get(name);
            return v == null || v.isEmpty() ? List.of() : List.of(v.split(","));
        }

        int interval() {
            return params.containsKey("Interval") ? Integer.parseInt(params.get("Interval")) : 3600;
        }

        @Override
        public String toString() {
            return (method.equals("POST") ? "POST form " : method + " ?") + encoded();
        }
    }

    private final TestEmulator emulator = TestEmulator.unthrottled();

    @BeforeContainer
    static void selfCheckIsOn() {
        Expected.assertSelfCheckOn(TestEmulator.unthrottled());
        Expected.assertSelfCheckOn(TestEmulator.lateData());
    }

    private TestEmulator.Reply send(Call call) {
        return send(emulator, call);
    }

    private static TestEmulator.Reply send(TestEmulator emulator, Call call) {
        return switch (call.method()) {
            case "POST" -> emulator.postForm(call.encoded());
            case "GET" -> emulator.get("/?" + call.encoded());
            default -> emulator.send(HttpRequest.newBuilder(emulator.uri("/?" + call.encoded()))
                    .method(call.method(), HttpRequest.BodyPublishers.noBody()).build());
        };
    }

    static String utc(Instant t) {
        return TimeRange.UTC_SECONDS.format(t);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // --- valid requests

    /** Absent (null), empty, or some of the values joined by commas. */
    static Arbitrary<String> optionalCommaList(List<String> values) {
        return VolcengineConformanceProperties.optionalList(values).map(l -> l == null ? null : String.join(",", l));
    }

    @Provide
    Arbitrary<Call> validProducer() {
        Arbitrary<Map<String, String>> filters = Combinators.combine(optionalCommaList(REGIONS),
                optionalCommaList(DOMAINS), optionalCommaList(INSTANCES), optionalCommaList(TYPES),
                optionalCommaList(SPLIT_KEYS), Arbitraries.of("liveApp", "sports", "liveApp****").injectNull(0.7))
                .as((region, domain, instance, type, split, app) -> {
                    Map<String, String> m = new LinkedHashMap<>();
                    m.put("Region", region);
                    m.put("DomainName", domain);
                    m.put("Instance", instance);
                    m.put("Type", type);
                    m.put("SplitBy", split);
                    m.put("app", app);
                    return m;
                });
        return Arbitraries.of(0, 3600, 86400).flatMap(interval -> Combinators.combine(
                        WindowRules.PRODUCER.valid(interval == 0 ? 3600 : interval).injectNull(0.15), filters,
                        Arbitraries.of(false, true), Arbitraries.of(false, true))
                .as((range, optional, post, regionId) -> {
                    Map<String, String> p = new LinkedHashMap<>();
                    p.put("Action", ACTION);
                    p.put("Version", "2016-11-01");
                    p.put("AccessKeyId", TestEmulator.ALIYUN_AK);
                    p.put("Format", "JSON");
                    if (regionId) {
                        p.put("RegionId", "cn-shanghai");
                    }
                    if (interval != 0) {
                        p.put("Interval", String.valueOf(interval));
                    }
                    optional.forEach((k, v) -> {
                        if (v != null) {
                            p.put(k, v);
                        }
                    });
                    Call call = new Call(post ? "POST" : "GET", p, null);
                    return range == null ? call
                            : call.withRange(new TimeRange(range.start(), range.end(), ZoneOffset.UTC));
                }));
    }

    @Property(tries = 60)
    void legalProducerCallsSucceed(@ForAll("validProducer") Call call, @ForAll boolean lateData) {
        // the same rules hold while the demo account's recent data is still arriving (scenario late-data)
        TestEmulator.Reply reply = send(lateData ? TestEmulator.lateData() : emulator, call);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Expected.assertConforms("aliyun/" + ACTION + ".response.json", reply);
        JsonNode body = reply.json();

        long g = call.interval();
        TimeRange range = call.range();
        if (range == null) { // neither time given: the last day, ending at the latest whole interval
            Instant end = Instant.ofEpochSecond(Math.floorDiv(WindowRules.NOW.getEpochSecond(), g) * g);
            range = new TimeRange(end.minus(Duration.ofDays(1)), end, ZoneOffset.UTC);
        }
        assertThat(body.get("StartTime").asString()).isEqualTo(utc(range.start()));
        assertThat(body.get("EndTime").asString()).isEqualTo(utc(range.end()));
        List<String> expected = range.servedBuckets(g, WindowRules.NOW, WindowRules.PRODUCER.dataDelay()).stream()
                .map(AliyunConformanceProperties::utc).toList();
        JsonNode items = body.at("/BillProducerData/BillProducerDataItem");
        List<String> split = call.list("SplitBy");
        List<String> stamps = new ArrayList<>();
        for (JsonNode item : items) {
            stamps.add(item.get("TimeStamp").asString());
            for (String key : SPLIT_KEYS) {
                String field = SPLIT_FIELDS.get(key);
                assertThat(item.has(field)).as(field + " labelled only when split by " + key)
                        .isEqualTo(split.contains(key));
            }
            assertFilter(call, item, "Type", "Type");
            assertFilter(call, item, "DomainName", "DomainName");
            assertFilter(call, item, "Instance", "Instance");
            assertFilter(call, item, "Region", "Region");
        }
        if (split.isEmpty()) {
            assertThat(stamps).as("one unsplit item per served bucket").isEqualTo(expected);
        } else {
            assertThat(new ArrayList<>(new LinkedHashSet<>(stamps))).isIn(List.of(), expected);
        }
        Statistics.label("items served").collect(!stamps.isEmpty());
        Statistics.label("items served").coverage(c -> c.check(true).percentage(p -> p >= 25));
    }

    /** A split label of a filtered key is one of the values asked for. */
    private static void assertFilter(Call call, JsonNode item, String param, String field) {
        List<String> filter = call.list(param);
        if (!filter.isEmpty() && item.has(field)) {
            assertThat(filter).as(field).contains(item.get(field).asString());
        }
    }

    // --- invalid requests

    @Provide
    Arbitrary<Mistake<Call>> invalidProducer() {
        return validProducer().flatMap(call -> {
            List<Arbitrary<Mistake<Call>>> mistakes = new ArrayList<>();
            mistakes.add(Arbitraries.of(
                    new Mistake<>("unknown Version", call.with("Version", "2014-01-01"),
                            Expected.service(400, "NoSuchVersion")),
                    new Mistake<>("unknown Action", call.with("Action", "DescribeLiveProducerData"),
                            Expected.service(404, "InvalidApi.NotFound")),
                    new Mistake<>("unknown access key", call.with("AccessKeyId", "LTAInosuchkey"),
                            Expected.service(400, "InvalidAccessKeyId.NotFound")),
                    new Mistake<>("no AccessKeyId", call.without("AccessKeyId"),
                            Expected.service(400, "MissingAccessKeyId")),
                    new Mistake<>("PUT", new Call("PUT", call.params(), call.range()), UNSUPPORTED_METHOD),
                    new Mistake<>("DELETE", new Call("DELETE", call.params(), call.range()), UNSUPPORTED_METHOD),
                    new Mistake<>("unknown Format", call.with("Format", "YAML"),
                            Expected.service(400, "InvalidParameter.Format")),
                    new Mistake<>("domain of another account", call.with("DomainName", "live.second-tenant.example"),
                            FORBIDDEN),
                    new Mistake<>("unknown domain", call.with("DomainName", "example.com,unknown.example.org"),
                            FORBIDDEN),
                    new Mistake<>("instance of another account",
                            call.with("Instance", "9d8c7b6a-5f4e-4d3c-2b1a-0f9e8d7c6b5a"), FORBIDDEN)));
            mistakes.add(replacing(call, Map.of(
                    "Interval", List.of("300", "60", "", "3600s", "1h"),
                    "Type", List.of("studio", "slidelive,", "Universal"),
                    "SplitBy", List.of("city", "domain,,type", "Domain"),
                    "Region", List.of("cn-shanghai,,cn-beijing", " cn-shanghai"),
                    "OwnerId", List.of("abc", "-1"))));
            if (call.timed()) {
                int g = call.interval();
                mistakes.add(Arbitraries.of(
                        new Mistake<>("StartTime without EndTime", call.without("EndTime"),
                                Expected.service(400, "InvalidTime.Malformed")),
                        new Mistake<>("EndTime without StartTime", call.without("StartTime"),
                                Expected.service(400, "InvalidTime.Malformed"))));
                mistakes.add(Combinators.combine(Arbitraries.of("StartTime", "EndTime"), Arbitraries.of(MALFORMED_TIMES))
                        .as((name, text) -> new Mistake<>("malformed " + name, call.with(name, text),
                                Expected.service(400, name.equals("StartTime") ? "InvalidStartTime.Malformed"
                                        : "InvalidEndTime.Malformed"))));
                mistakes.add(WindowRules.PRODUCER.endNotAfterStart(g).map(r -> new Mistake<>("end not after start",
                        call.withRange(r), Expected.service(400, "InvalidEndTime.Mismatch"))));
                mistakes.add(WindowRules.PRODUCER.spanOverMaximum(g).map(r -> new Mistake<>("span over 31 days",
                        call.withRange(r), Expected.service(400, "InvalidTimeSpan"))));
                mistakes.add(WindowRules.PRODUCER.startBeforeHistory(g).map(r -> new Mistake<>("start over 90 days ago",
                        call.withRange(r), Expected.service(400, "InvalidTime.ValueNotSupported"))));
            } else {
                mistakes.add(Arbitraries.of(new Mistake<>("StartTime alone", call.with("StartTime",
                        utc(WindowRules.NOW.minus(Duration.ofDays(1)))), Expected.service(400, "InvalidTime.Malformed"))));
            }
            return Arbitraries.oneOf(mistakes);
        });
    }

    @Property(tries = 80)
    void producerMistakesGetTheirDocumentedError(@ForAll("invalidProducer") Mistake<Call> invalid) {
        TestEmulator.Reply reply = send(invalid.call());

        if (!"JSON".equals(invalid.call().params().get("Format"))) { // an unknown Format gets the XML default
            assertAliyunXmlError(reply, invalid.expected().status(), invalid.expected().code(), null);
            return;
        }
        assertAliyunError(reply, invalid.expected().status(), invalid.expected().code(), null);
        Expected.assertConforms("aliyun/error.json", reply);
    }

    private static Arbitrary<Mistake<Call>> replacing(Call call, Map<String, List<String>> values) {
        List<Mistake<Call>> all = new ArrayList<>();
        values.forEach((name, candidates) -> candidates.forEach(v ->
                all.add(new Mistake<>("invalid " + name + " (" + v + ")", call.with(name, v), INVALID_PARAMETER))));
        return Arbitraries.of(all);
    }
}
