package dev.usagekit.contract.pact;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.FileSource;
import au.com.dius.pact.provider.ConsumerInfo;
import au.com.dius.pact.provider.ProviderInfo;
import au.com.dius.pact.provider.ProviderVerifier;
import au.com.dius.pact.provider.VerificationResult;
import dev.usagekit.emulator.EmulatorApplication;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The pacts verified as Pact's Maven and Gradle plugins (and other languages' verifiers, with their state-change URL
 * option) verify a provider: no provider code, only the emulator's state-change URL, {@code POST
 * /_emulator/provider-states}, which sets up each interaction's states by their names.
 */
class StateChangeUrlPactVerification {

    private static ConfigurableApplicationContext context;
    private static String base;

    @BeforeAll
    static void start() {
        // on the machine's clock: interactions pin theirs with "clock is ...", or ask for times around it
        context = EmulatorApplication.inSharedJvm().run("--server.port=0",
                "--emulator.signature-mode=off");
        base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void everyInteractionVerifiesWithOnlyTheStateChangeUrl() throws Exception {
        URL stateChange = URI.create(base + "/_emulator/provider-states").toURL();
        ProviderInfo provider = new ProviderInfo("usagekit-emulator");
        provider.setProtocol("http");
        provider.setHost("127.0.0.1");
        provider.setPort(URI.create(base).getPort());
        provider.setStateChangeUrl(stateChange);
        List<File> pacts = List.of(new File("pacts").listFiles((dir, name) -> name.endsWith(".json")));
        assertThat(pacts).as("written by the consumer tests").hasSize(2);
        for (File pact : pacts) {
            ConsumerInfo consumer = new ConsumerInfo(pact.getName());
            consumer.setPactSource(new FileSource(pact));
            consumer.setStateChange(stateChange);
            provider.getConsumers().add(consumer);
        }

        ProviderVerifier verifier = new ProviderVerifier();
        // the build plugins' way of reading pact.* settings
        verifier.setProjectHasProperty(name -> System.getProperty(name) != null);
        verifier.setProjectGetProperty(System::getProperty);
        List<VerificationResult> results = verifier.verifyProvider(provider);

        List<String> failures = new ArrayList<>();
        for (VerificationResult result : results) {
            if (result instanceof VerificationResult.Failed failed) {
                failures.add(failed.getDescription() + ": " + failed.getFailures());
            }
        }
        assertThat(failures).isEmpty();
        assertThat(results).hasSize(2).allMatch(r -> r instanceof VerificationResult.Ok);
        // each of the 18 interactions (13 Volcengine, 5 Aliyun) reached the emulator, the three throttled ones as such
        var requests = context.getBean(MeterRegistry.class).find("usagekit.requests");
        assertThat(requests.counters().stream().mapToDouble(Counter::count).sum()).isGreaterThanOrEqualTo(18);
        assertThat(requests.tag("outcome", "throttled").counters().stream().mapToDouble(Counter::count).sum())
                .isGreaterThanOrEqualTo(3);
    }
}
