package dev.usagekit.contract.pact;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.usagekit.emulator.EmulatorApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Verifies every pact in {@code contract-tests/pacts} against the in-process emulator (signatures off, clock frozen
 * at 2026-11-20T12:00:00Z). Provider states are set through the control plane. Runs in the surefire execution
 * {@code pact-provider-verification} (phase integration-test), after the consumer tests have written the pacts.
 */
@Provider("usagekit-emulator")
@PactFolder("pacts")
class EmulatorPactVerification {

    private static ConfigurableApplicationContext context;
    private static int port;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        context = new SpringApplicationBuilder(EmulatorApplication.class).run("--server.port=0",
                "--emulator.signature-mode=off", "--emulator.clock.fixed=2026-11-20T12:00:00Z",
                "--emulator.clock.frozen=true");
        port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @BeforeEach
    void before(PactVerificationContext ctx) throws Exception {
        ctx.setTarget(new HttpTestTarget("127.0.0.1", port));
        control("/reset", "");
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void verify(PactVerificationContext ctx) {
        // Pact replays the Authorization header recorded with commas as one line per part, as it comes: the
        // emulator reads repeated lines as one header
        ctx.verifyInteraction();
    }

    @State("clock is 2026-11-20T12:00:00Z")
    void clock() throws Exception {
        control("/clock", "{\"set\":\"2026-11-20T12:00:00Z\",\"freeze\":true}");
    }

    // The default catalogue already holds the documentation's example resources for the demo account.
    @State({"account demo has group001", "account demo has example.com", "account demo has app Your_AppId",
            "account demo has producer instances"})
    void defaultCatalogue() {
    }

    /** The shipped outage-and-spike scenario: the demo account as in the default catalogue, with group001 out. */
    @State("group001 is out from 2026-11-19T02:00:00Z to 04:00:00Z")
    void group001Outage() throws Exception {
        try (var scenario = EmulatorPactVerification.class.getClassLoader()
                .getResourceAsStream("usagekit/fixtures/scenarios/outage-and-spike.yaml")) {
            control("/fixtures", new String(scenario.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @State("DescribeLivePullToPushBandwidthData is throttled for account demo")
    void bandwidthThrottled() throws Exception {
        throttleAfterOneCall("DescribeLivePullToPushBandwidthData", "2023-01-01",
                VolcengineConsumerPactTest.BW_OK, "live");
    }

    @State("DescribeLiveTranscodeData is throttled for account demo")
    void transcodeThrottled() throws Exception {
        throttleAfterOneCall("DescribeLiveTranscodeData", "2023-01-01", VolcengineConsumerPactTest.TC_OK, "live");
    }

    @State("DescribeLiveProducerUsageData is throttled for account demo")
    void aliyunThrottled() throws Exception {
        control("/throttles", "{\"action\":\"DescribeLiveProducerUsageData\",\"limit\":\"1/s\"}");
        new UsageClients.AliyunClient(base(), "testid").describeLiveProducerUsageData(AliyunConsumerPactTest.OK);
    }

    /** Limit the action to 1/s; the clock is frozen, so after one call the bucket stays empty. */
    private void throttleAfterOneCall(String action, String version, String body, String service) throws Exception {
        control("/throttles", "{\"action\":\"" + action + "\",\"limit\":\"1/s\"}");
        new UsageClients.VolcengineClient(base(), "AKLTtestaccesskey").call(service, action, version, body);
    }

    private static String base() {
        return "http://127.0.0.1:" + port;
    }

    private static void control(String path, String json) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/_emulator" + path))
                .header("Content-Type", "application/json")
                .POST(json.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("control " + path + " -> " + r.statusCode() + " " + r.body());
        }
    }
}
