package dev.usagekit.emulator.conformance;

import static dev.usagekit.emulator.it.ErrorEnvelopes.assertGatewayError;
import static dev.usagekit.emulator.it.ErrorEnvelopes.assertServiceError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.it.TestEmulator;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Conformance of the three Volcengine actions, against the test emulator (frozen clock, signatures off, response
 * self-check on): generated legal requests all succeed with a schema-valid body that adds up; a legal request with
 * exactly one mistake gets exactly the code and status the README documents for that mistake, in a schema-valid
 * error envelope.
 */
class VolcengineConformanceProperties {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final String RTC = "ListOperationDistribution";
    static final String PULL_TO_PUSH = "DescribeLivePullToPushBandwidthData";
    static final String TRANSCODE = "DescribeLiveTranscodeData";

    // resources of the demo account in the default catalogue, and some that are not its own
    static final List<String> APPS = List.of("Your_AppId", "63a1f0c2b7d94e5f8a0b1c2d");
    static final List<String> GROUPS = List.of("group001", "group002", "group003");
    static final List<String> DOMAINS = List.of("example.com", "example2.com", "legacy.example.net");
    static final String OTHER_ACCOUNTS_APP = "7e5d4c3b2a1908f7e6d5c4b3";
    static final String OTHER_ACCOUNTS_GROUP = "tenant2-relay";
    static final String OTHER_ACCOUNTS_DOMAIN = "live.second-tenant.example";

    static final List<String> TRANSCODE_TYPES = List.of("Normal_H264", "Normal_H265", "ByteHD_H264", "ByteHD_H265",
            "Audio", "Normal_H266", "ByteHD_H266", "ByteQE");
    static final List<String> RESOLUTIONS = List.of("480P", "720P", "1080P", "2K", "4K", "8K", "0", "0P");
    static final List<String> MALFORMED_TIMES = List.of("2026-11-19 00:00:00+08:00", "2026-11-19T00:00:00",
            "2026-11-19", "20261119T000000Z", "2026-11-19T00:00+08:00", "2026-02-30T00:00:00+08:00",
            "2026-11-19T00:00:00+8:00", "2026-11-19T00:00:00.1234567890+08:00", "yesterday", "");

    /** The README's error mapping of each service, per kind of mistake. */
    record ServiceCodes(Expected missing, Expected wrongType, Expected invalid, Expected endNotAfterStart,
            Expected spanTooLong, Expected tooOld, Expected malformedBody, Expected emptyBody) {
    }

    static final ServiceCodes RTC_CODES = new ServiceCodes(Expected.service(400, "InvalidParameter"),
            Expected.service(400, "InvalidParameter.Unmarshal"), Expected.service(400, "InvalidParameter"),
            Expected.service(400, "InvalidParameter.StartTimeAfterEndTime"),
            Expected.service(400, "InvalidParameter.OutofTimeRange"),
            Expected.service(400, "InvalidParameter.OutofTimeRange"),
            Expected.service(400, "InvalidParameter.Unmarshal"), Expected.service(400, "InvalidParameter.BodyIsEmpty"));
    static final Expected INVALID_PARAM = Expected.service(400, "InvalidParam");
    static final Expected BIND_ERROR = Expected.service(400, "InvalidParam.BindError");
    static final ServiceCodes LIVE_CODES = new ServiceCodes(INVALID_PARAM, BIND_ERROR, INVALID_PARAM, INVALID_PARAM,
            INVALID_PARAM, INVALID_PARAM, BIND_ERROR, BIND_ERROR);

    // per field, values the field cannot bind (a wrong JSON type, a number Go will not put in an int32), and
    // well-typed values the action refuses
    static final Map<String, List<Object>> RTC_WRONG_TYPES = Map.of("AppId", List.of(42, true),
            "Indicator", List.of(List.of("user_num")), "Dimension", List.of(Map.of("a", "b")),
            "StartTime", List.of(20261119), "EndTime", List.of(false));
    static final Map<String, List<Object>> RTC_INVALID_VALUES = Map.of("Indicator", List.of("user_total", "USER_NUM", ""),
            "Dimension", List.of("city", "provinces", ""), "AppId", List.of(""));
    static final Map<String, List<Object>> PULL_TO_PUSH_WRONG_TYPES = Map.of("StartTime", List.of(1763510400),
            "EndTime", List.of(true), "Aggregation", List.of("300", 300.5, 300.0, new BigDecimal("3E+2"), 2147483648L),
            "GroupList", List.of("group001", List.of(1)), "DetailField", List.of("Group"));
    static final Map<String, List<Object>> PULL_TO_PUSH_INVALID_VALUES = Map.of(
            "Aggregation", List.of(60, 600, 7200, 0, -300), "DetailField", List.of(List.of("Domain"), List.of("group")),
            "GroupList", List.of(List.of(""), List.of(" ")));
    static final Map<String, List<Object>> TRANSCODE_WRONG_TYPES = Map.of("StartTime", List.of(1763510400),
            "Aggregation", List.of("86400", 86400.5, 86400.0, -0.0, new BigInteger("99999999999999999999")),
            "DomainList", List.of("example.com", List.of(1)), "TranscodeType", List.of("Audio"),
            "Resolution", List.of("720P"));
    static final Map<String, List<Object>> TRANSCODE_INVALID_VALUES = Map.of("Aggregation", List.of(300, 3600, 0),
            "TranscodeType", List.of(List.of("H264"), List.of("normal_h264")),
            "Resolution", List.of(List.of("360P"), List.of("720p")), "App", List.of("live app"),
            "DomainList", List.of(List.of(""), List.of(" ")));

    /** One call as a client sends it; {@code rawBody} replaces the JSON of {@code body} when set. */
    record Call(String method, String action, String version, String service, String accessKey,
            Map<String, Object> body, String rawBody, TimeRange range) {

        String query() {
            return "Action=" + action + (version == null ? "" : "&Version=" + version);
        }

        String text() {
            return rawBody != null ? rawBody : JSON.writeValueAsString(body);
        }

        Object get(String field) {
            return body.get(field);
        }

        @SuppressWarnings("unchecked")
        List<String> list(String field) {
            Object v = body.get(field);
            return v == null ? List.of() : (List<String>) v;
        }

        Call with(String field, Object value) {
            Map<String, Object> b = new LinkedHashMap<>(body);
            b.put(field, value);
            return new Call(method, action, version, service, accessKey, b, rawBody, range);
        }

        Call without(String field) {
            Map<String, Object> b = new LinkedHashMap<>(body);
            b.remove(field);
            return new Call(method, action, version, service, accessKey, b, rawBody, range);
        }

        Call withRange(TimeRange r) {
            return new Call(method, action, version, service, accessKey, body, rawBody, r)
                    .with("StartTime", r.startRfc3339()).with("EndTime", r.endRfc3339());
        }

        Call withRaw(String raw) {
            return new Call(method, action, version, service, accessKey, body, raw, range);
        }

        Call withMethod(String m) {
            return new Call(m, action, version, service, accessKey, body, rawBody, range);
        }

        Call withVersion(String v) {
            return new Call(method, action, v, service, accessKey, body, rawBody, range);
        }

        Call withAccessKey(String key) {
            return new Call(method, action, version, service, key, body, rawBody, range);
        }

        @Override
        public String toString() {
            return method + " /?" + query() + " key=" + accessKey + " " + text();
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
        return emulator.volcengineCall(call.method(), call.query(), call.service(), call.accessKey(), call.text());
    }

    /** @param sendNulls send a field without a value as JSON null (as Jackson does by default) rather than leave it out */
    private static Call call(String action, String version, String service, TimeRange range,
            Map<String, Object> fields, boolean sendNulls) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("StartTime", range.startRfc3339());
        body.put("EndTime", range.endRfc3339());
        fields.forEach((k, v) -> {
            if (v != null || sendNulls) {
                body.put(k, v);
            }
        });
        return new Call("POST", action, version, service, TestEmulator.VOLC_AK, body, null, range);
    }

    // --- valid requests

    @Provide
    Arbitrary<Call> validRtc() {
        return Combinators.combine(WindowRules.RTC.valid(86400), Arbitraries.of(APPS),
                Arbitraries.of("user_num", "user_count"), anyCase("province", "country"), Arbitraries.of(false, true),
                Arbitraries.of(false, true))
                .as((range, app, indicator, dimension, extraField, sendNulls) -> {
                    Map<String, Object> fields = new LinkedHashMap<>();
                    fields.put("AppId", app);
                    fields.put("Indicator", indicator);
                    fields.put("Dimension", dimension);
                    fields.put("ClientNote", extraField ? "extra fields are tolerated" : null);
                    return call(RTC, "2020-12-01", "rtc", range, fields, sendNulls);
                });
    }

    @Provide
    Arbitrary<Call> validPullToPush() {
        return Arbitraries.of(0, 300, 3600, 86400).flatMap(aggregation -> Combinators.combine(
                        WindowRules.PULL_TO_PUSH.valid(aggregation == 0 ? 300 : aggregation), optionalList(GROUPS),
                        optionalList(List.of("Group")), Arbitraries.of(false, true))
                .as((range, groups, detail, sendNulls) -> {
                    Map<String, Object> fields = new LinkedHashMap<>();
                    fields.put("Aggregation", aggregation == 0 ? null : aggregation);
                    fields.put("GroupList", groups);
                    fields.put("DetailField", detail);
                    return call(PULL_TO_PUSH, "2023-01-01", "live", range, fields, sendNulls);
                }));
    }

    @Provide
    Arbitrary<Call> validTranscode() {
        Arbitrary<String> app = Arbitraries.strings().alpha().numeric().withChars("_.-").ofMinLength(1)
                .ofMaxLength(30);
        Arbitrary<String> stream = Arbitraries.strings().alpha().numeric().withChars("_.-").ofMinLength(1)
                .ofMaxLength(100);
        return Combinators.combine(WindowRules.TRANSCODE.valid(86400), Arbitraries.of(false, true),
                optionalList(DOMAINS), Combinators.combine(app, stream).as(List::of).injectNull(0.6),
                optionalList(TRANSCODE_TYPES), optionalList(RESOLUTIONS), Arbitraries.of(false, true))
                .as((range, aggregation, domains, appStream, types, resolutions, sendNulls) -> {
                    Map<String, Object> fields = new LinkedHashMap<>();
                    fields.put("Aggregation", aggregation ? 86400 : null);
                    fields.put("DomainList", domains);
                    fields.put("App", appStream == null ? null : appStream.get(0));
                    fields.put("Stream", appStream == null ? null : appStream.get(1));
                    fields.put("TranscodeType", types);
                    fields.put("Resolution", resolutions);
                    return call(TRANSCODE, "2023-01-01", "live", range, fields, sendNulls);
                });
    }

    @Property(tries = 40)
    void legalRtcCallsSucceed(@ForAll("validRtc") Call call, @ForAll boolean lateData) {
        JsonNode result = success(call, lateData);

        assertThat(result.get("Name").asString()).isEqualTo("user_num");
        assertThat(result.get("Dimension").asString()).isEqualTo(call.get("Dimension"));
        JsonNode data = result.get("Data");
        Set<String> names = new HashSet<>();
        BigDecimal proportions = BigDecimal.ZERO;
        BigDecimal previous = null;
        for (JsonNode item : data) {
            assertThat(names.add(item.get("DistributionName").asString())).as("unique area").isTrue();
            BigDecimal value = item.get("Value").decimalValue();
            assertThat(value).as("only areas with users").isPositive();
            // two decimals, which the schema states in words only (see its Value)
            assertThat(value.stripTrailingZeros().scale()).as("Value decimals").isLessThanOrEqualTo(2);
            assertThat(item.get("Proportion").decimalValue().stripTrailingZeros().scale()).as("Proportion decimals")
                    .isLessThanOrEqualTo(2);
            if (previous != null) {
                assertThat(value).as("busiest first").isLessThanOrEqualTo(previous);
            }
            previous = value;
            proportions = proportions.add(item.get("Proportion").decimalValue());
        }
        if (!data.isEmpty()) {
            assertThat(proportions).isEqualByComparingTo("100");
        }
        Statistics.label("areas served").collect(!data.isEmpty());
        Statistics.label("areas served").coverage(c -> c.check(true).percentage(p -> p >= 20));
        // China by country is the sum of the provinces over the same days, however many
        if (String.valueOf(call.get("Dimension")).equalsIgnoreCase("country")) {
            BigDecimal provinces = BigDecimal.ZERO;
            for (JsonNode item : success(call.with("Dimension", "province"), lateData).get("Data")) {
                provinces = provinces.add(item.get("Value").decimalValue());
            }
            BigDecimal china = BigDecimal.ZERO;
            for (JsonNode item : data) {
                if (item.get("DistributionName").asString().equals("中国")) {
                    china = item.get("Value").decimalValue();
                }
            }
            assertThat(china).as("China against its provinces").isEqualByComparingTo(provinces);
        }
    }

    @Property(tries = 50)
    void legalPullToPushCallsSucceed(@ForAll("validPullToPush") Call call, @ForAll boolean lateData) {
        JsonNode result = success(call, lateData);

        int aggregation = call.get("Aggregation") == null ? 300 : (Integer) call.get("Aggregation");
        assertThat(result.get("Aggregation").asInt()).isEqualTo(aggregation);
        assertEchoed(call, result, "StartTime", "EndTime", "GroupList", "DetailField");
        List<String> expected = call.range().servedBucketsRfc3339(aggregation, WindowRules.NOW,
                WindowRules.PULL_TO_PUSH.dataDelay());
        assertThat(timestamps(result.get("BandwidthDataList"))).isEqualTo(expected);
        Statistics.label("points served").collect(!expected.isEmpty());
        Statistics.label("points served").coverage(c -> c.check(true).percentage(p -> p >= 20));
        assertThat(result.get("PeakUpBandwidth").decimalValue()).isEqualByComparingTo(peak(result));
        boolean split = call.list("DetailField").contains("Group") && call.list("GroupList").size() > 1;
        assertThat(result.has("BandwidthDetailDataList")).as("split by group").isEqualTo(split);
        if (split) {
            List<String> groups = new ArrayList<>();
            for (JsonNode detail : result.get("BandwidthDetailDataList")) {
                groups.add(detail.get("Group").asString());
                assertThat(timestamps(detail.get("BandwidthDataList"))).isEqualTo(expected);
            }
            assertThat(groups).isEqualTo(call.list("GroupList"));
        }
    }

    @Property(tries = 50)
    void legalTranscodeCallsSucceed(@ForAll("validTranscode") Call call, @ForAll boolean lateData) {
        JsonNode result = success(call, lateData);

        assertThat(result.get("Aggregation").asInt()).isEqualTo(86400);
        assertEchoed(call, result, "StartTime", "EndTime", "DomainList", "App", "Stream", "TranscodeType",
                "Resolution");
        List<String> days = call.range().servedBucketsRfc3339(86400, WindowRules.NOW,
                WindowRules.TRANSCODE.dataDelay());
        double sum = 0;
        for (JsonNode item : result.get("TranscodeDataList")) {
            sum += item.get("Duration").asDouble();
            List<String> types = call.list("TranscodeType");
            assertThat(types.isEmpty() || types.contains(item.get("TranscodeType").asString())).as("type filter")
                    .isTrue();
            assertThat(resolutionSelected(call.list("Resolution"), item.get("Resolution").asString()))
                    .as("resolution filter").isTrue();
        }
        List<String> seenDays = new ArrayList<>(new LinkedHashSet<>(timestamps(result.get("TranscodeDataList"))));
        if (!seenDays.isEmpty()) {
            assertThat(days).as("local days served, a day with no minutes left out").containsSubsequence(seenDays);
        }
        Statistics.label("days served").collect(!seenDays.isEmpty());
        Statistics.label("days served").coverage(c -> c.check(true).percentage(p -> p >= 20));
        assertThat(result.get("Duration").asDouble()).isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-6));
        // the same domains in another order: the same items and sums, to the last digit
        List<String> domains = new ArrayList<>(call.list("DomainList"));
        if (domains.size() > 1) {
            java.util.Collections.reverse(domains);
            JsonNode reversed = success(call.with("DomainList", domains), lateData);
            assertThat(reversed.get("TranscodeDataList")).isEqualTo(result.get("TranscodeDataList"));
            assertThat(reversed.get("Duration")).isEqualTo(result.get("Duration"));
        }
    }

    private static boolean resolutionSelected(List<String> filter, String resolution) {
        boolean audio = resolution.equals("0") || resolution.equals("0P");
        return filter.isEmpty() || filter.contains(resolution)
                || (audio && (filter.contains("0") || filter.contains("0P")));
    }

    /**
     * Sends a legal call (which its request schema must allow), checks 200 and the response schema; the Result.
     *
     * @param lateData send it where the demo account's recent data is still arriving (scenario late-data): the same
     *     rules hold
     */
    private JsonNode success(Call call, boolean lateData) {
        Expected.assertConforms("volcengine/" + call.action() + ".request.json", call.text());
        TestEmulator.Reply reply = send(lateData ? TestEmulator.lateData() : emulator, call);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Expected.assertConforms("volcengine/" + call.action() + ".response.json", reply);
        JsonNode body = reply.json();
        assertThat(body.at("/ResponseMetadata/Action").asString()).isEqualTo(call.action());
        assertThat(body.at("/ResponseMetadata/Version").asString()).isEqualTo(call.version());
        return body.get("Result");
    }

    /** Each field sent non-empty comes back as sent; an absent or empty one is left out. */
    private static void assertEchoed(Call call, JsonNode result, String... fields) {
        for (String field : fields) {
            Object sent = call.get(field);
            boolean empty = sent == null || (sent instanceof List<?> l && l.isEmpty());
            if (empty) {
                assertThat(result.has(field)).as(field + " left out").isFalse();
            } else {
                assertThat(result.get(field)).as(field).isEqualTo(JSON.valueToTree(sent));
            }
        }
    }

    private static List<String> timestamps(JsonNode points) {
        List<String> stamps = new ArrayList<>();
        points.forEach(p -> stamps.add(p.get("TimeStamp").asString()));
        return stamps;
    }

    private static BigDecimal peak(JsonNode result) {
        BigDecimal max = BigDecimal.ZERO;
        for (JsonNode p : result.get("BandwidthDataList")) {
            max = max.max(p.get("UpBandwidth").decimalValue());
        }
        return max;
    }

    // --- invalid requests

    @Provide
    Arbitrary<Mistake<Call>> invalidRtc() {
        return validRtc().flatMap(call -> Arbitraries.oneOf(
                common(call, RTC_CODES, WindowRules.RTC, 86400, List.of("AppId", "StartTime", "EndTime", "Indicator",
                        "Dimension")),
                wrongType(call, RTC_CODES, RTC_WRONG_TYPES),
                invalidValue(call, RTC_CODES, RTC_INVALID_VALUES),
                Arbitraries.of(
                        new Mistake<>("app of another account", call.with("AppId", OTHER_ACCOUNTS_APP),
                                Expected.service(403, "AccessDenied.NoPermissionForApp")),
                        new Mistake<>("unknown app", call.with("AppId", "NoSuchApp"),
                                Expected.service(400, "InvalidParameter.NotExistAppId")))));
    }

    @Provide
    Arbitrary<Mistake<Call>> invalidPullToPush() {
        return validPullToPush().flatMap(call -> {
            int aggregation = call.get("Aggregation") == null ? 300 : (Integer) call.get("Aggregation");
            List<String> withStranger = new ArrayList<>(call.list("GroupList"));
            withStranger.add(OTHER_ACCOUNTS_GROUP);
            return Arbitraries.oneOf(
                    common(call, LIVE_CODES, WindowRules.PULL_TO_PUSH, aggregation, List.of("StartTime", "EndTime")),
                    wrongType(call, LIVE_CODES, PULL_TO_PUSH_WRONG_TYPES),
                    invalidValue(call, LIVE_CODES, PULL_TO_PUSH_INVALID_VALUES),
                    Arbitraries.of(
                            new Mistake<>("group of another account", call.with("GroupList", withStranger),
                                    Expected.service(403, "RequestForbidden")),
                            new Mistake<>("unknown group", call.with("GroupList", List.of("no-such-group")),
                                    Expected.service(403, "RequestForbidden"))));
        });
    }

    @Provide
    Arbitrary<Mistake<Call>> invalidTranscode() {
        return validTranscode().flatMap(call -> {
            List<String> withStranger = new ArrayList<>(call.list("DomainList"));
            withStranger.add(OTHER_ACCOUNTS_DOMAIN);
            List<Mistake<Call>> appStream = new ArrayList<>();
            if (call.get("App") == null) {
                appStream.add(new Mistake<>("App without Stream", call.with("App", "liveApp"), INVALID_PARAM));
                appStream.add(new Mistake<>("App with a null Stream", call.with("App", "liveApp").with("Stream", null),
                        INVALID_PARAM));
                appStream.add(new Mistake<>("Stream without App", call.with("Stream", "s1"), INVALID_PARAM));
                appStream.add(new Mistake<>("App with a bad character", call.with("App", "live app").with("Stream", "s"),
                        INVALID_PARAM));
                appStream.add(new Mistake<>("App over 30 characters", call.with("App", "a".repeat(31))
                        .with("Stream", "s"), INVALID_PARAM));
            } else {
                appStream.add(new Mistake<>("App dropped, Stream kept", call.without("App"), INVALID_PARAM));
                appStream.add(new Mistake<>("App null, Stream kept", call.with("App", null), INVALID_PARAM));
                appStream.add(new Mistake<>("App of wrong type", call.with("App", 7), BIND_ERROR));
                appStream.add(new Mistake<>("Stream with a bad character", call.with("Stream", "a/b"), INVALID_PARAM));
            }
            return Arbitraries.oneOf(
                    common(call, LIVE_CODES, WindowRules.TRANSCODE, 86400, List.of("StartTime", "EndTime")),
                    wrongType(call, LIVE_CODES, TRANSCODE_WRONG_TYPES),
                    invalidValue(call, LIVE_CODES, TRANSCODE_INVALID_VALUES),
                    Arbitraries.of(appStream),
                    Arbitraries.of(
                            new Mistake<>("domain of another account", call.with("DomainList", withStranger),
                                    Expected.service(403, "RequestForbidden.AccountIDNotAllow")),
                            new Mistake<>("unknown domain", call.with("DomainList", List.of("unknown.example.org")),
                                    Expected.service(404, "ResourceNotFound"))));
        });
    }

    @Property(tries = 60)
    void rtcMistakesGetTheirDocumentedError(@ForAll("invalidRtc") Mistake<Call> invalid) {
        assertRefused(invalid);
    }

    @Property(tries = 60)
    void pullToPushMistakesGetTheirDocumentedError(@ForAll("invalidPullToPush") Mistake<Call> invalid) {
        assertRefused(invalid);
    }

    @Property(tries = 60)
    void transcodeMistakesGetTheirDocumentedError(@ForAll("invalidTranscode") Mistake<Call> invalid) {
        assertRefused(invalid);
    }

    /**
     * A value the field cannot bind (a wrong JSON type, a number Go will not put in an int32) beside a second mistake
     * in another field (a missing field, a bad time, a refused value): the bind error, whichever field comes first in
     * the body, as a Go service binds the whole body before it checks any value.
     */
    @Property(tries = 60)
    void aWrongTypeWinsOverAValueMistake(@ForAll("wrongTypeAndValueMistake") Mistake<Call> invalid) {
        assertRefused(invalid);
    }

    @Provide
    Arbitrary<Mistake<Call>> wrongTypeAndValueMistake() {
        return Arbitraries.oneOf(
                validRtc().flatMap(call -> wrongTypeAndValueMistake(call, RTC_CODES, RTC_WRONG_TYPES,
                        RTC_INVALID_VALUES, List.of("AppId", "StartTime", "EndTime", "Indicator", "Dimension"))),
                validPullToPush().flatMap(call -> wrongTypeAndValueMistake(call, LIVE_CODES, PULL_TO_PUSH_WRONG_TYPES,
                        PULL_TO_PUSH_INVALID_VALUES, List.of("StartTime", "EndTime"))),
                validTranscode().flatMap(call -> wrongTypeAndValueMistake(call.without("App").without("Stream"),
                        LIVE_CODES, TRANSCODE_WRONG_TYPES, TRANSCODE_INVALID_VALUES, List.of("StartTime", "EndTime"))));
    }

    private static Arbitrary<Mistake<Call>> wrongTypeAndValueMistake(Call call, ServiceCodes codes,
            Map<String, List<Object>> wrongTypes, Map<String, List<Object>> invalidValues, List<String> required) {
        List<Mistake<Call>> all = new ArrayList<>();
        wrongTypes.forEach((typed, typeValues) -> typeValues.forEach(wrong -> {
            Call base = call.with(typed, wrong);
            String what = "unbindable " + typed + " (" + wrong + ") and ";
            required.stream().filter(f -> !f.equals(typed)).forEach(f ->
                    all.add(new Mistake<>(what + "no " + f, base.without(f), codes.wrongType())));
            invalidValues.forEach((field, values) -> values.stream().filter(v -> !field.equals(typed)).forEach(v ->
                    all.add(new Mistake<>(what + "invalid " + field + " (" + v + ")", base.with(field, v),
                            codes.wrongType()))));
            Stream.of("StartTime", "EndTime").filter(f -> !f.equals(typed)).forEach(f ->
                    all.add(new Mistake<>(what + "malformed " + f, base.with(f, "yesterday"), codes.wrongType())));
        }));
        return Arbitraries.of(all);
    }

    private void assertRefused(Mistake<Call> invalid) {
        TestEmulator.Reply reply = send(invalid.call());
        Expected expected = invalid.expected();
        if (expected.codeN() == null) {
            assertServiceError(reply, expected.status(), expected.code());
        } else {
            assertGatewayError(reply, expected.status(), expected.code(), expected.codeN());
        }
        Expected.assertConforms("volcengine/error.json", reply);
    }

    /** Mistakes every Volcengine action shares: envelope, body, required fields, times and windows. */
    private static Arbitrary<Mistake<Call>> common(Call call, ServiceCodes codes, WindowRules rules, int granularity,
            List<String> required) {
        String text = call.text();
        List<Mistake<Call>> fixed = List.of(
                new Mistake<>("no Authorization", call.withAccessKey(null),
                        Expected.gateway(401, "MissingAuthenticationToken", 100003)),
                new Mistake<>("unknown access key", call.withAccessKey("AKLTnosuchkey"),
                        Expected.gateway(401, "InvalidAccessKey", 100009)),
                new Mistake<>("no Version", call.withVersion(null), Expected.gateway(400, "MissingParameter", 100002)),
                new Mistake<>("unknown Version", call.withVersion("2019-01-01"),
                        Expected.gateway(404, "InvalidActionOrVersion", 100008)),
                new Mistake<>("GET instead of POST", call.withMethod("GET").withRaw(""),
                        Expected.gateway(405, "MethodNotAllowed", 100020)),
                new Mistake<>("truncated JSON", call.withRaw(text.substring(0, text.length() - 1)), codes.malformedBody()),
                new Mistake<>("duplicate key", call.withRaw("{\"StartTime\":\"x\"," + text.substring(1)),
                        codes.malformedBody()),
                new Mistake<>("array instead of object", call.withRaw("[" + text + "]"), codes.malformedBody()),
                new Mistake<>("empty body", call.withRaw(""), codes.emptyBody()));
        return Arbitraries.oneOf(
                Arbitraries.of(fixed),
                Arbitraries.of(required).map(f -> new Mistake<>("no " + f, call.without(f), codes.missing())),
                Arbitraries.of(required).map(f -> new Mistake<>("null " + f, call.with(f, null), codes.missing())),
                Combinators.combine(Arbitraries.of("StartTime", "EndTime"), Arbitraries.of(MALFORMED_TIMES))
                        .as((f, t) -> new Mistake<>("malformed " + f, call.with(f, t), codes.invalid())),
                rules.endNotAfterStart(granularity).map(r -> new Mistake<>("end not after start", call.withRange(r),
                        codes.endNotAfterStart())),
                rules.spanOverMaximum(granularity).map(r -> new Mistake<>("span over the maximum", call.withRange(r),
                        codes.spanTooLong())),
                rules.startBeforeHistory(granularity).map(r -> new Mistake<>("start before the history window",
                        call.withRange(r), codes.tooOld())));
    }

    private static Arbitrary<Mistake<Call>> wrongType(Call call, ServiceCodes codes, Map<String, List<Object>> values) {
        return replacing(call, values, "unbindable ", codes.wrongType());
    }

    private static Arbitrary<Mistake<Call>> invalidValue(Call call, ServiceCodes codes, Map<String, List<Object>> values) {
        return replacing(call, values, "invalid value for ", codes.invalid());
    }

    private static Arbitrary<Mistake<Call>> replacing(Call call, Map<String, List<Object>> values, String what,
            Expected expected) {
        List<Mistake<Call>> all = new ArrayList<>();
        values.forEach((field, candidates) -> candidates.forEach(v ->
                all.add(new Mistake<>(what + field + " (" + v + ")", call.with(field, v), expected))));
        return Arbitraries.of(all);
    }

    /** Absent (null), empty, or some of the values in any order. */
    static Arbitrary<List<String>> optionalList(List<String> values) {
        return Arbitraries.of(values).list().uniqueElements().ofMaxSize(values.size()).injectNull(0.3);
    }

    /** One of the words in a random mix of upper and lower case. */
    static Arbitrary<String> anyCase(String... words) {
        return Arbitraries.of(words).flatMap(w -> Arbitraries.integers().between(0, (1 << w.length()) - 1)
                .map(mask -> {
                    StringBuilder b = new StringBuilder(w.length());
                    for (int i = 0; i < w.length(); i++) {
                        char c = w.charAt(i);
                        b.append((mask & (1 << i)) != 0 ? Character.toUpperCase(c) : c);
                    }
                    return b.toString();
                }));
    }
}
