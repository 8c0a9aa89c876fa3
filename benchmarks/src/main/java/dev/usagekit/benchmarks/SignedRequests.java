package dev.usagekit.benchmarks;

import dev.usagekit.emulator.signing.ClientSigning;
import dev.usagekit.emulator.signing.Rfc3986;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the signed requests the load generators replay, one request per line:
 * {@code METHOD<TAB>PATH<TAB>BODY<TAB>Header: value<TAB>...}.
 *
 * <p>Volcengine HMAC-SHA256 has no nonce, so one request signed at the emulator's frozen virtual time stays valid
 * for its 15-minute window and is replayed. Aliyun refuses a reused SignatureNonce, so every Aliyun request is signed
 * on its own with a fresh nonce and each may be sent once.
 *
 * <p>Usage: {@code SignedRequests <host:port> <virtual-time, e.g. 2026-11-20T12:00:00Z> <out-dir> <aliyun-count>}
 */
public final class SignedRequests {

    /** The demo account of the default catalogue. */
    static final String VOLC_AK = "AKLTtestaccesskey";
    static final String VOLC_SK = "testsecretkey";
    static final String ALIYUN_AK = "testid";
    static final String ALIYUN_SK = "testsecret";

    /** The headline query: one local day at 300 s over the account's groups, 288 points (~19 KB). */
    static final String BANDWIDTH_DAY = "{\"StartTime\":\"2026-11-19T00:00:00+08:00\","
            + "\"EndTime\":\"2026-11-20T00:00:00+08:00\",\"Aggregation\":300}";
    /** The largest legal query: 31 days at 300 s, three groups split by Group (4 x 8928 points). */
    static final String BANDWIDTH_31_DAYS_SPLIT = "{\"GroupList\":[\"group001\",\"group002\",\"group003\"],"
            + "\"StartTime\":\"2026-10-19T00:00:00+08:00\",\"EndTime\":\"2026-11-19T00:00:00+08:00\","
            + "\"Aggregation\":300,\"DetailField\":[\"Group\"]}";
    static final String TRANSCODE = "{\"DomainList\":[\"example.com\",\"example2.com\"],"
            + "\"StartTime\":\"2026-11-15T00:00:00+08:00\",\"EndTime\":\"2026-11-18T00:00:00+08:00\","
            + "\"Aggregation\":86400}";
    static final String RTC = "{\"AppId\":\"Your_AppId\",\"StartTime\":\"2026-11-17T00:00:00+08:00\","
            + "\"EndTime\":\"2026-11-19T00:00:00+08:00\",\"Indicator\":\"user_count\",\"Dimension\":\"province\"}";

    private SignedRequests() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: SignedRequests <host:port> <virtual-time> <out-dir> <aliyun-count>");
            System.exit(2);
        }
        String host = args[0];
        Instant at = Instant.parse(args[1]);
        Path out = Files.createDirectories(Path.of(args[2]));
        int aliyunCount = Integer.parseInt(args[3]);
        write(out.resolve("bandwidth.req"), List.of(
                volcengine(host, at, "live", "DescribeLivePullToPushBandwidthData", "2023-01-01", BANDWIDTH_DAY)));
        write(out.resolve("bandwidth-31d-split.req"), List.of(volcengine(host, at, "live",
                "DescribeLivePullToPushBandwidthData", "2023-01-01", BANDWIDTH_31_DAYS_SPLIT)));
        write(out.resolve("transcode.req"), List.of(
                volcengine(host, at, "live", "DescribeLiveTranscodeData", "2023-01-01", TRANSCODE)));
        write(out.resolve("rtc.req"), List.of(
                volcengine(host, at, "rtc", "ListOperationDistribution", "2020-12-01", RTC)));
        // warm-up and measured runs must not share a nonce
        writeAliyun(out.resolve("producer.req"), host, at, 0, aliyunCount);
        writeAliyun(out.resolve("producer-warmup.req"), host, at, aliyunCount, aliyunCount + aliyunCount / 2);
    }

    private static void writeAliyun(Path file, String host, Instant at, int from, int to) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = from; i < to; i++) {
                w.write(aliyun(host, at, i));
                w.write('\n');
            }
        }
    }

    /** A POST signed over content-type, host and x-date, as the Volcengine SDKs do. */
    static String volcengine(String host, Instant at, String service, String action, String version, String body) {
        var signed = ClientSigning.volcenginePost(host, at, service, action, version, body, VOLC_AK, VOLC_SK);
        StringBuilder line = new StringBuilder("POST\t").append(signed.pathAndQuery()).append('\t').append(body);
        signed.headers().forEach((name, value) -> line.append('\t').append(name).append(": ").append(value));
        return line.toString();
    }

    /** An RPC GET with signature V1 and a nonce of its own: one day of producer minutes per hour, split by type. */
    static String aliyun(String host, Instant at, int index) {
        Map<String, String> day = new LinkedHashMap<>();
        day.put("StartTime", "2026-11-18T00:00:00Z");
        day.put("EndTime", "2026-11-19T00:00:00Z");
        day.put("Interval", "3600");
        day.put("SplitBy", "type");
        Map<String, List<String>> params = ClientSigning.aliyunV1("GET", "DescribeLiveProducerUsageData", "2016-11-01",
                day, ALIYUN_AK, ALIYUN_SK, new UUID(0x5eedL, index).toString(), at);
        return String.join("\t", "GET", "/?" + Rfc3986.canonicalQuery(params), "", "Host: " + host);
    }

    private static void write(Path file, List<String> lines) throws IOException {
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
