package dev.usagekit.contract.pact;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reference consumers: the smallest clients a team would write against the two vendors. They do not sign
 * requests (the provider side runs the emulator with {@code --emulator.signature-mode=off}); the access key in
 * the Authorization header / {@code AccessKeyId} parameter still selects the account.
 */
final class UsageClients {

    record Response(int status, String body) {
    }

    /** Volcengine OpenAPI: {@code POST /?Action=&Version=} with a JSON body. */
    static final class VolcengineClient {
        private final String baseUrl;
        private final String accessKey;
        private final HttpClient http = HttpClient.newHttpClient();

        VolcengineClient(String baseUrl, String accessKey) {
            this.baseUrl = baseUrl;
            this.accessKey = accessKey;
        }

        Response call(String service, String action, String version, String jsonBody) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/?Action=" + action + "&Version=" + version))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "HMAC-SHA256 Credential=" + accessKey + "/20261120/cn-north-1/" + service
                            + "/request, SignedHeaders=x-date, Signature=" + "0".repeat(64))
                    .POST(HttpRequest.BodyPublishers.ofString(jsonBody))
                    .build();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body());
        }
    }

    /** Alibaba Cloud RPC: {@code GET /?Action=&Version=&AccessKeyId=&Format=JSON&...}. */
    static final class AliyunClient {
        private final String baseUrl;
        private final String accessKeyId;
        private final HttpClient http = HttpClient.newHttpClient();

        AliyunClient(String baseUrl, String accessKeyId) {
            this.baseUrl = baseUrl;
            this.accessKeyId = accessKeyId;
        }

        Response describeLiveProducerUsageData(Map<String, String> params) throws IOException, InterruptedException {
            Map<String, String> all = new LinkedHashMap<>();
            all.put("Action", "DescribeLiveProducerUsageData");
            all.put("Version", "2016-11-01");
            all.put("AccessKeyId", accessKeyId);
            all.put("Format", "JSON");
            all.putAll(params);
            String query = all.entrySet().stream()
                    .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/?" + query)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body());
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }

    private UsageClients() {
    }
}
