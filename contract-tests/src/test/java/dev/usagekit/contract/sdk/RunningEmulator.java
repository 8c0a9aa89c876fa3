package dev.usagekit.contract.sdk;

import dev.usagekit.emulator.EmulatorApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The emulator started in-process on a random port. SDKs sign with the real system time, so by default the
 * emulator keeps the system clock; {@link #withClockAt(Instant)} moves the emulator's clock instead of the client's.
 */
final class RunningEmulator implements AutoCloseable {

    static final String VOLC_AK = "AKLTtestaccesskey";
    static final String VOLC_SK = "testsecretkey";
    static final String ALIYUN_AK = "testid";
    static final String ALIYUN_SK = "testsecret";

    private final ConfigurableApplicationContext context;
    final int port;

    private RunningEmulator(List<String> args) {
        this.context = EmulatorApplication.inSharedJvm().run(args.toArray(String[]::new));
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    /**
     * QPS limits are off: the SDK tests are about wire compatibility, and several calls per second to one action
     * (Aliyun producer usage allows 5/s) would otherwise turn a rule-violation test into Throttling.User.
     */
    static final String NO_LIMITS = "--emulator.limits.enabled=false";

    static RunningEmulator start() {
        return new RunningEmulator(List.of("--server.port=0", NO_LIMITS));
    }

    /**
     * Runs the emulator with a clock that starts at {@code now} and keeps ticking (fixed, not frozen), with any further
     * settings ({@code --name=value}).
     */
    static RunningEmulator withClockAt(Instant now, String... settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", NO_LIMITS, "--emulator.clock.fixed=" + now));
        args.addAll(List.of(settings));
        return new RunningEmulator(args);
    }

    String hostAndPort() {
        return "127.0.0.1:" + port;
    }

    /**
     * Sends one control-plane request ({@code /_emulator/...} on the API port) and returns its body; fails on any
     * status but 200.
     *
     * @param json the body, or null for none
     */
    String control(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + hostAndPort() + "/_emulator" + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    @Override
    public void close() {
        context.close();
    }
}
