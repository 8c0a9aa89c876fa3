package dev.usagekit.emulator.fuzz;

import dev.usagekit.emulator.fuzz.FuzzInputs.AliyunCase;
import dev.usagekit.emulator.fuzz.FuzzInputs.AliyunStyle;
import dev.usagekit.emulator.fuzz.FuzzInputs.Auth;
import dev.usagekit.emulator.fuzz.FuzzInputs.VolcengineCase;
import dev.usagekit.emulator.gateway.aliyun.AliyunGateway;
import dev.usagekit.emulator.signing.AliyunSignatureV1;
import dev.usagekit.emulator.signing.AliyunSignatureV3;
import dev.usagekit.emulator.signing.Rfc3986;
import dev.usagekit.emulator.signing.VolcengineSignatureV4;
import dev.usagekit.emulator.web.FormUrlEncoded;
import dev.usagekit.emulator.web.RawRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;

/**
 * Turns fuzz cases into wire requests, signed with the emulator's own signers the way a client would sign them
 * (over the parameters as the server will decode them), so correctly signed inputs pass strict mode.
 */
public final class FuzzRequests {

    private final String accessKeyId;
    private final String secret;
    private final Instant now;
    private final String host;

    /** @param host the Host header the client sends, e.g. 127.0.0.1:8080 */
    public FuzzRequests(String accessKeyId, String secret, Instant now, String host) {
        this.accessKeyId = accessKeyId;
        this.secret = secret;
        this.now = now;
        this.host = host;
    }

    public RawHttp.Request volcengine(VolcengineCase c) {
        String rawQuery = "Action=" + c.action() + "&Version=" + c.version() + c.extraQuery();
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        if (c.contentType() != null) {
            headers.add(Map.entry("Content-Type", c.contentType()));
        }
        String xDate = c.auth() == Auth.ABSURD_TIME ? c.absurdDate() : VolcengineSignatureV4.formatXDate(now);
        headers.add(Map.entry("X-Date", xDate));
        switch (c.auth()) {
            case NONE -> { }
            case MALFORMED -> headers.add(Map.entry("Authorization", c.malformedAuthorization()));
            default -> headers.add(Map.entry("Authorization", volcengineAuthorization(c, rawQuery, xDate)));
        }
        return new RawHttp.Request(c.method(), "/?" + rawQuery, headers, c.body());
    }

    private String volcengineAuthorization(VolcengineCase c, String rawQuery, String xDate) {
        String service = c.action().equals("ListOperationDistribution") ? "rtc" : "live";
        Map<String, String> signed = new TreeMap<>();
        if (c.contentType() != null) {
            signed.put("content-type", c.contentType());
        }
        signed.put("host", host);
        signed.put("x-date", xDate);
        String key = c.auth() == Auth.UNKNOWN_KEY ? "AKLTnosuchkey" : accessKeyId;
        String scopeDate = xDate.length() >= 8 ? xDate.substring(0, 8) : "20261120";
        String signature;
        try {
            signature = VolcengineSignatureV4.compute(c.method(), "/", FormUrlEncoded.decode(rawQuery), signed,
                    List.copyOf(signed.keySet()), c.body(), xDate, "cn-north-1", service,
                    c.auth() == Auth.WRONG_SECRET ? secret + "x" : secret).signature();
        } catch (RuntimeException unsignable) {
            signature = "0".repeat(64); // e.g. an X-Date the signer cannot parse: the server refuses it first anyway
        }
        return "HMAC-SHA256 Credential=" + key + "/" + scopeDate + "/cn-north-1/" + service + "/request, SignedHeaders="
                + String.join(";", signed.keySet()) + ", Signature=" + signature;
    }

    public RawHttp.Request aliyun(AliyunCase c) {
        List<Map.Entry<String, String>> params = new ArrayList<>();
        boolean acs3 = c.style() == AliyunStyle.ACS3;
        if (!acs3) {
            params.add(Map.entry("Action", "DescribeLiveProducerUsageData"));
            params.add(Map.entry("Version", "2016-11-01"));
        }
        params.addAll(c.params());
        String timestamp = c.auth() == Auth.ABSURD_TIME ? c.absurdTime() : aliyunTime(now);
        if (!acs3 && c.auth() != Auth.NONE) {
            params.add(Map.entry("AccessKeyId", c.auth() == Auth.UNKNOWN_KEY ? "nosuchkey" : accessKeyId));
            params.add(Map.entry("SignatureMethod", c.auth() == Auth.MALFORMED ? "HMAC-MD5" : "HMAC-SHA1"));
            params.add(Map.entry("SignatureVersion", "1.0"));
            params.add(Map.entry("SignatureNonce", UUID.randomUUID().toString()));
            params.add(Map.entry("Timestamp", timestamp));
        }
        String encoded = params.stream().map(p -> Rfc3986.encode(p.getKey()) + "=" + Rfc3986.encode(p.getValue()))
                .collect(Collectors.joining("&"));
        boolean form = c.style() == AliyunStyle.POST_FORM;
        String method = c.style() == AliyunStyle.GET_QUERY ? "GET" : "POST";
        String rawQuery = (form ? "" : encoded) + c.extraQuery();
        byte[] body = form ? encoded.getBytes(StandardCharsets.UTF_8) : new byte[0];
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        if (form) {
            headers.add(Map.entry("Content-Type", c.contentType()));
        }
        if (acs3) {
            headers.addAll(acs3Headers(c, rawQuery, body, timestamp));
        } else if (c.auth() != Auth.NONE) {
            HttpHeaders h = new HttpHeaders();
            headers.forEach(e -> h.add(e.getKey(), e.getValue()));
            RawRequest raw = new RawRequest(method, "/", rawQuery, FormUrlEncoded.decode(rawQuery), h, body);
            String signature = AliyunSignatureV1.sign(c.auth() == Auth.WRONG_SECRET ? secret + "x" : secret,
                    AliyunSignatureV1.stringToSign(method, AliyunGateway.parameters(raw)));
            rawQuery = (rawQuery.isEmpty() ? "" : rawQuery + "&") + "Signature=" + Rfc3986.encode(signature);
        }
        return new RawHttp.Request(method, "/" + (rawQuery.isEmpty() ? "" : "?" + rawQuery), headers, body);
    }

    private List<Map.Entry<String, String>> acs3Headers(AliyunCase c, String rawQuery, byte[] body, String date) {
        Map<String, String> signed = new TreeMap<>();
        signed.put("host", host);
        signed.put("x-acs-action", "DescribeLiveProducerUsageData");
        signed.put("x-acs-version", "2016-11-01");
        signed.put("x-acs-date", date);
        signed.put("x-acs-signature-nonce", UUID.randomUUID().toString());
        signed.put("x-acs-content-sha256", sha256Hex(body));
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        signed.forEach((k, v) -> {
            if (!k.equals("host")) {
                headers.add(Map.entry(k, v));
            }
        });
        String authorization = switch (c.auth()) {
            case NONE -> null;
            case MALFORMED -> c.malformedAuthorization();
            default -> {
                String signature = AliyunSignatureV3.compute("POST", "/", FormUrlEncoded.decode(rawQuery), signed,
                        List.copyOf(signed.keySet()), body, c.auth() == Auth.WRONG_SECRET ? secret + "x" : secret)
                        .signature();
                yield "ACS3-HMAC-SHA256 Credential=" + (c.auth() == Auth.UNKNOWN_KEY ? "nosuchkey" : accessKeyId)
                        + ",SignedHeaders=" + String.join(";", signed.keySet()) + ",Signature=" + signature;
            }
        };
        if (authorization != null) {
            headers.add(Map.entry("Authorization", authorization));
        }
        return headers;
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String aliyunTime(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
