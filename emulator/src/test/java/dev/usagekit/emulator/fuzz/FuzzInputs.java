package dev.usagekit.emulator.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * What the fuzzer throws at the two gateways: valid requests of every action, mutated field by field (wrong types,
 * huge numbers, deep nesting, duplicate keys, absurd times, long lists) and byte by byte (invalid UTF-8, truncation),
 * with odd Content-Types, repeated and encoded query keys, and every way of (mis)signing. Values lean towards valid so
 * that most inputs pass the signature check and reach binding, rules and handlers.
 */
public final class FuzzInputs {

    private FuzzInputs() {
    }

    /** How a request is authenticated. SIGNED is correct for the emulator's clock; the rest should be refused. */
    public enum Auth {
        SIGNED, WRONG_SECRET, ABSURD_TIME, MALFORMED, NONE, UNKNOWN_KEY
    }

    /** A Volcengine call before signing. {@code extraQuery} is appended raw (it may be badly encoded). */
    public record VolcengineCase(String method, String action, String version, String extraQuery, String contentType,
            byte[] body, Auth auth, String absurdDate, String malformedAuthorization) {
    }

    /** How an Aliyun call carries its parameters and signature. */
    public enum AliyunStyle {
        GET_QUERY, POST_QUERY, POST_FORM, ACS3
    }

    /** An Aliyun call before signing: business parameters in order (repeats allowed), plus raw extra query text. */
    public record AliyunCase(AliyunStyle style, List<Map.Entry<String, String>> params, String extraQuery,
            String contentType, Auth auth, String absurdTime, String malformedAuthorization) {
    }

    static final String[][] VOLCENGINE_ACTIONS = {{"ListOperationDistribution", "2020-12-01", "rtc"},
        {"DescribeLivePullToPushBandwidthData", "2023-01-01", "live"}, {"DescribeLiveTranscodeData", "2023-01-01", "live"}};

    // --- values

    static Arbitrary<String> jsonString() {
        return Arbitraries.strings().ofMaxLength(40)
                .map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\x00-\\x1f]", " ") + "\"");
    }

    static Arbitrary<String> rfc3339() {
        return Arbitraries.of("\"2026-11-19T00:00:00+08:00\"", "\"2026-11-20T00:00:00+08:00\"", "\"2026-11-19T00:00:00Z\"",
                "\"2026-11-20T11:00:00Z\"", "\"2026-10-21T00:00:00+08:00\"", "\"2026-10-20T00:00:00Z\"",
                "\"9999-12-31T23:59:59+14:00\"", "\"0000-01-01T00:00:00-12:00\"", "\"2026-02-30T00:00:00Z\"",
                "\"+999999999-12-31T23:59:59Z\"", "\"2026-11-19T00:00:00+25:00\"", "\"2026-11-19T00:00:00-18:00\"",
                "\"2026-11-19T00:00:00.123456789+08:00\"", "\"2026-11-19t00:00:00z\"", "\"1970-01-01T00:00:00Z\"",
                "\"2026-11-19T24:00:00Z\"", "\"2026-11-19 00:00:00\"", "\"1763510400\"", "1763510400", "\"\"");
    }

    static Arbitrary<String> number() {
        return Arbitraries.oneOf(Arbitraries.of("0", "-1", "60", "300", "3600", "86400", "300.0", "1.5", "-0", "1e308",
                "1e400", "-1e400", "9223372036854775808", "123456789012345678901234567890", "2147483648", "NaN",
                "0x12c", "01"), Arbitraries.integers().map(String::valueOf));
    }

    static Arbitrary<String> nested() {
        return Arbitraries.integers().between(1, 3000).map(depth -> "[".repeat(depth) + "]".repeat(depth));
    }

    static Arbitrary<String> list() {
        Arbitrary<String> items = Arbitraries.oneOf(Arbitraries.of("\"group001\"", "\"group002\"", "\"group003\"",
                "\"example.com\"", "\"example2.com\"", "\"Group\"", "\"Domain\"", "\"\"", "\"nope\"", "1", "null",
                "{}", "[]"), jsonString());
        return Arbitraries.oneOf(items.list().ofMaxSize(6).map(l -> "[" + String.join(",", l) + "]"),
                Arbitraries.integers().between(90, 1200).map(n -> {
                    List<String> many = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        many.add("\"g" + i + "\"");
                    }
                    return "[" + String.join(",", many) + "]";
                }));
    }

    static Arbitrary<String> jsonValue() {
        return Arbitraries.frequencyOf(Tuple.of(3, rfc3339()), Tuple.of(3, number()), Tuple.of(3, jsonString()),
                Tuple.of(3, list()), Tuple.of(1, nested()),
                Tuple.of(2, Arbitraries.of("null", "true", "false", "{}", "{\"a\":{\"b\":[1,2,{}]}}", "\"user_num\"",
                        "\"user_count\"", "\"province\"", "\"country\"", "\"PROVINCE\"", "\"Your_AppId\"")));
    }

    // --- Volcengine

    private static Map<String, String> validBody(int action) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("StartTime", "\"2026-11-19T00:00:00+08:00\"");
        body.put("EndTime", "\"2026-11-20T00:00:00+08:00\"");
        switch (action) {
            case 0 -> {
                body.put("AppId", "\"Your_AppId\"");
                body.put("Indicator", "\"user_num\"");
                body.put("Dimension", "\"province\"");
            }
            case 1 -> {
                body.put("Aggregation", "300");
                body.put("GroupList", "[\"group001\",\"group002\"]");
                body.put("DetailField", "[\"Group\"]");
            }
            default -> {
                body.put("Aggregation", "86400");
                body.put("DomainList", "[\"example.com\"]");
            }
        }
        return body;
    }

    private static final List<String> VOLCENGINE_FIELDS = List.of("AppId", "StartTime", "EndTime", "Indicator",
            "Dimension", "Aggregation", "GroupList", "DetailField", "DomainList", "App", "Stream", "TranscodeType",
            "Resolution", "Unknown");

    /** One field-level change to a JSON body; an empty value means "remove the field". */
    private record Mutation(String field, String value, boolean duplicate) {
    }

    private static Arbitrary<Mutation> mutation() {
        return Combinators.combine(Arbitraries.of(VOLCENGINE_FIELDS),
                Arbitraries.frequencyOf(Tuple.of(8, jsonValue()), Tuple.of(1, Arbitraries.just(""))),
                Arbitraries.of(false, false, false, true)).as(Mutation::new);
    }

    private static String render(Map<String, String> fields, List<Mutation> mutations) {
        Map<String, String> body = new LinkedHashMap<>(fields);
        List<String> duplicates = new ArrayList<>();
        for (Mutation m : mutations) {
            if (m.duplicate() && !m.value().isEmpty()) {
                duplicates.add("\"" + m.field() + "\":" + m.value());
            } else if (m.value().isEmpty()) {
                body.remove(m.field());
            } else {
                body.put(m.field(), m.value());
            }
        }
        List<String> members = new ArrayList<>();
        body.forEach((k, v) -> members.add("\"" + k + "\":" + v));
        members.addAll(duplicates);
        return "{" + String.join(",", members) + "}";
    }

    /** Byte-level damage after rendering: none most of the time. */
    static Arbitrary<java.util.function.UnaryOperator<byte[]>> byteDamage() {
        return Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.just(b -> b)),
                Tuple.of(1, Arbitraries.integers().between(0, 400).map(n -> b -> java.util.Arrays.copyOf(b, Math.min(n, b.length)))),
                Tuple.of(1, Arbitraries.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF},
                        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                        new byte[] {0}).map(bad -> b -> insertIntoFirstString(b, bad))),
                Tuple.of(1, Arbitraries.just(b -> concat("\uFEFF".getBytes(StandardCharsets.UTF_8), b))),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(300).map(random -> b -> random)));
    }

    private static byte[] insertIntoFirstString(byte[] json, byte[] bad) {
        int quote = new String(json, StandardCharsets.ISO_8859_1).indexOf("\":\"");
        int at = quote < 0 ? json.length / 2 : quote + 3;
        return concat(concat(java.util.Arrays.copyOf(json, at), bad), java.util.Arrays.copyOfRange(json, at, json.length));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static Arbitrary<String> contentType() {
        return Arbitraries.frequencyOf(Tuple.of(10, Arbitraries.just("application/json")),
                Tuple.of(3, Arbitraries.of("application/json; charset=utf-8", "APPLICATION/JSON", "text/plain",
                        "application/x-www-form-urlencoded", "application/octet-stream", "multipart/form-data; boundary=x",
                        "application/json; charset=latin-1", "application/xml", "*/*", ";;;", "application/json;charset=\"",
                        "")),
                Tuple.of(1, Arbitraries.just((String) null)));
    }

    /** Raw query text appended after Action and Version: repeated, encoded, badly encoded and empty keys. */
    static Arbitrary<String> extraQuery() {
        Arbitrary<String> fragment = Arbitraries.of("&Action=DescribeLiveTranscodeData", "&Action=", "&%41ction=Nope",
                "&Version=2099-01-01", "&Version", "&x=%FF%FE", "&%", "&a=%zz", "&=", "&&&", "&X-Credential=abc",
                "&X-Algorithm=HMAC-SHA256", "&a=1&a=2&a=3", "&%E4%B8%AD=%E6%96%87", "&k=" + "x".repeat(2000), "&+=+",
                "&Format=XML", "&Signature=abc", "&AccessKeyId=testid", "&q=%00");
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("")),
                Tuple.of(2, fragment.list().ofMaxSize(3).map(l -> String.join("", l))));
    }

    static Arbitrary<String> absurdDate() {
        return Arbitraries.of("99991231T235959Z", "00000101T000000Z", "20261120T120000", "2026-11-20T12:00:00Z", "",
                "20261120T1200000Z", "19700101T000000Z", "20261120T240000Z", "20261320T120000Z", "20261120T115900Z",
                "+1000000101T000000Z");
    }

    static Arbitrary<String> malformedVolcengineAuthorization() {
        return Arbitraries.oneOf(Arbitraries.of("HMAC-SHA256", "HMAC-SHA256 ", "HMAC-SHA256 Signature=abc",
                "HMAC-SHA256 Credential=, SignedHeaders=, Signature=",
                "HMAC-SHA256 Credential=AKLTtestaccesskey, SignedHeaders=x-date, Signature=00",
                "HMAC-SHA256 Credential=AKLTtestaccesskey/20261120/cn-north-1/live/request, SignedHeaders=, Signature=zz",
                "HMAC-SHA256 Credential=AKLTtestaccesskey/20261120/cn-north-1/live/request,SignedHeaders=host;;x-date,Signature="
                        + "0".repeat(64),
                "HMAC-SHA256 Credential=AKLTtestaccesskey/2026/x/y/z/w, SignedHeaders=host, Signature=" + "0".repeat(64),
                "HMAC-SHA256 Credential=AKLTtestaccesskey/20261120/cn-north-1/live/request, Credential=x, Signature=1",
                "Bearer abc", "Basic dGVzdDp0ZXN0", "ACS3-HMAC-SHA256", "ACS3-HMAC-SHA256 Credential=testid", "=====",
                "HMAC-SHA256 Credential=AKLTtestaccesskey/20261120/cn-north-1/live/request, SignedHeaders=authorization, "
                        + "Signature=" + "0".repeat(64)),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(120).map(s -> "HMAC-SHA256 " + s));
    }

    public static Arbitrary<VolcengineCase> volcengine() {
        Arbitrary<Integer> action = Arbitraries.integers().between(0, VOLCENGINE_ACTIONS.length);
        Arbitrary<String> method = Arbitraries.frequencyOf(Tuple.of(20, Arbitraries.just("POST")),
                Tuple.of(1, Arbitraries.of("GET", "PUT", "DELETE", "PATCH")));
        Arbitrary<Auth> auth = Arbitraries.frequencyOf(Tuple.of(14, Arbitraries.just(Auth.SIGNED)),
                Tuple.of(1, Arbitraries.of(Auth.values())));
        // the body is rendered in the final step rather than by flatMap on the action: a flatMap makes a new
        // arbitrary per sample, which jqwik memoizes, and a long run outside a property then runs out of heap
        return Combinators.combine(List.of(method.asGeneric(), action.asGeneric(), extraQuery().asGeneric(),
                contentType().asGeneric(), mutation().list().ofMaxSize(3).asGeneric(), byteDamage().asGeneric(),
                auth.asGeneric(), absurdDate().asGeneric(), malformedVolcengineAuthorization().asGeneric())).as(v -> {
                    int a = (Integer) v.get(1);
                    String name = a < VOLCENGINE_ACTIONS.length ? VOLCENGINE_ACTIONS[a][0] : "NoSuchAction";
                    String version = a < VOLCENGINE_ACTIONS.length ? VOLCENGINE_ACTIONS[a][1] : "2023-01-01";
                    @SuppressWarnings("unchecked")
                    List<Mutation> mutations = (List<Mutation>) v.get(4);
                    @SuppressWarnings("unchecked")
                    var damage = (java.util.function.UnaryOperator<byte[]>) v.get(5);
                    byte[] body = damage.apply(render(validBody(Math.min(a, 2)), mutations).getBytes(StandardCharsets.UTF_8));
                    return new VolcengineCase((String) v.get(0), name, version, (String) v.get(2), (String) v.get(3),
                            body, (Auth) v.get(6), (String) v.get(7), (String) v.get(8));
                });
    }

    // --- Aliyun

    static Arbitrary<String> aliyunTime() {
        return Arbitraries.of("2026-11-19T00:00:00Z", "2026-11-20T00:00:00Z", "2026-11-18T16:00:00Z",
                "2026-10-22T00:00:00Z", "2025-01-01T00:00:00Z", "2026-11-19T00:00Z", "2026-11-19T00:00:00+08:00",
                "9999-12-31T23:59:59Z", "0000-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "2026-02-30T00:00:00Z",
                "2026-11-19", "1763510400", "", "2026-11-19T00:00:00.999Z", "2026-11-19T00:00:60Z");
    }

    static Arbitrary<String> aliyunValue() {
        Arbitrary<String> lists = Arbitraries.of("domain", "region", "instance", "type", "slidelive", "universal",
                "example.com", "cn-shanghai", "x", "").list().ofMaxSize(6).map(l -> String.join(",", l));
        Arbitrary<String> longLists = Arbitraries.integers().between(90, 5000)
                .map(n -> String.join(",", java.util.Collections.nCopies(n, n % 2 == 0 ? "slidelive" : "example.com")));
        return Arbitraries.frequencyOf(Tuple.of(3, aliyunTime()), Tuple.of(3, lists), Tuple.of(1, longLists),
                Tuple.of(2, Arbitraries.strings().ofMaxLength(40)),
                Tuple.of(2, Arbitraries.of("3600", "86400", "300", "-1", "1e400", "99999999999999999999", "JSON", "XML",
                        "json", "yaml", "type,domain,,", " domain", "domain ,region", "%", "\u0000", "\uD83D\uDE00")));
    }

    private static final List<String> ALIYUN_FIELDS = List.of("StartTime", "EndTime", "Interval", "SplitBy", "Type",
            "Region", "DomainName", "Instance", "app", "OwnerId", "RegionId", "Format", "Action", "Version");

    public static Arbitrary<AliyunCase> aliyun() {
        Arbitrary<List<Map.Entry<String, String>>> changes = Combinators.combine(Arbitraries.of(ALIYUN_FIELDS),
                aliyunValue()).as(Map::entry).list().ofMaxSize(4);
        Arbitrary<Auth> auth = Arbitraries.frequencyOf(Tuple.of(14, Arbitraries.just(Auth.SIGNED)),
                Tuple.of(1, Arbitraries.of(Auth.values())));
        Arbitrary<String> format = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("JSON")),
                Tuple.of(2, Arbitraries.just("XML")), Tuple.of(2, Arbitraries.just("")));
        Arbitrary<String> formContentType = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just("application/x-www-form-urlencoded")),
                Tuple.of(1, Arbitraries.of("application/x-www-form-urlencoded; charset=UTF-8", "application/json",
                        "text/plain", "multipart/form-data; boundary=x")));
        Arbitrary<String> malformed = Arbitraries.oneOf(Arbitraries.of("ACS3-HMAC-SHA256", "ACS3-HMAC-SHA256 ",
                "ACS3-HMAC-SHA256 Credential=testid", "ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=,Signature=",
                "ACS3-HMAC-SHA256 Credential=,SignedHeaders=host,Signature=00",
                "ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=host;;x-acs-date,Signature=zz"),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(120).map(s -> "ACS3-HMAC-SHA256 " + s));
        return Combinators.combine(List.of(Arbitraries.of(AliyunStyle.values()).asGeneric(), changes.asGeneric(),
                format.asGeneric(), extraQuery().asGeneric(), formContentType.asGeneric(), auth.asGeneric(),
                aliyunTime().asGeneric(), malformed.asGeneric())).as(v -> {
                    @SuppressWarnings("unchecked")
                    List<Map.Entry<String, String>> mutations = (List<Map.Entry<String, String>>) v.get(1);
                    List<Map.Entry<String, String>> params = new ArrayList<>();
                    params.add(Map.entry("StartTime", "2026-11-19T00:00:00Z"));
                    params.add(Map.entry("EndTime", "2026-11-20T00:00:00Z"));
                    params.add(Map.entry("SplitBy", "type,domain"));
                    params.add(Map.entry("Type", "slidelive,universal"));
                    if (!((String) v.get(2)).isEmpty()) {
                        params.add(Map.entry("Format", (String) v.get(2)));
                    }
                    for (Map.Entry<String, String> m : mutations) {
                        // half replace the parameter, half repeat it
                        if (m.getValue().length() % 2 == 0) {
                            params.removeIf(p -> p.getKey().equals(m.getKey()));
                        }
                        params.add(m);
                    }
                    return new AliyunCase((AliyunStyle) v.get(0), params, (String) v.get(3), (String) v.get(4),
                            (Auth) v.get(5), (String) v.get(6), (String) v.get(7));
                });
    }
}
