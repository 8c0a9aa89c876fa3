package dev.usagekit.contract.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.usagekit.emulator.signing.ClientSigning;
import dev.usagekit.emulator.signing.Rfc3986;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The emulator's own answer to a call, as it is on the wire, signed with the project's client signing (no SDK): what
 * an SDK's parsed model is checked against. Calls for whole past days only, so the answer cannot change between
 * the SDK's call and this one.
 */
final class WireCalls {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private WireCalls() {
    }

    /** The HTTP status and parsed JSON body of one answer. */
    record Answer(int status, JsonNode json) {
    }

    static Answer volcengine(int port, String service, String action, String version, String body) throws Exception {
        String host = "127.0.0.1:" + port;
        var signed = ClientSigning.volcenginePost(host, Instant.now(), service, action, version, body,
                RunningEmulator.VOLC_AK, RunningEmulator.VOLC_SK);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + signed.pathAndQuery()))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        signed.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Host")) { // java.net.http sends the same Host itself
                request.header(name, value);
            }
        });
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    static Answer aliyun(int port, Map<String, String> parameters) throws Exception {
        var signed = ClientSigning.aliyunV1("GET", "DescribeLiveProducerUsageData", "2016-11-01", parameters,
                RunningEmulator.ALIYUN_AK, RunningEmulator.ALIYUN_SK, UUID.randomUUID().toString(), Instant.now());
        HttpRequest request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/?" + Rfc3986.canonicalQuery(signed))).GET().build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }
}
