package dev.usagekit.contract.pact;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.usagekit.kit.EmulatorControl;
import dev.usagekit.kit.UsageEmulator;
import dev.usagekit.kit.UsageEmulatorTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verifies every pact in {@code contract-tests/pacts} against the emulator the kit starts (signatures off, clock frozen
 * at 2026-11-20T12:00:00Z), the Pact JVM JUnit 5 way: one {@code @State} method per state, each handing the state's
 * name to the emulator. The kit resets the emulator before each interaction, before Pact sets its states up. Runs in
 * the surefire execution {@code pact-provider-verification} (phase integration-test), after the consumer tests have
 * written the pacts.
 */
@Provider("usagekit-emulator")
@PactFolder("pacts")
@UsageEmulatorTest(clock = "2026-11-20T12:00:00Z", frozen = true, signatureMode = "off")
class EmulatorPactVerification {

    EmulatorControl control;

    @BeforeEach
    void before(PactVerificationContext ctx, UsageEmulator emulator) {
        ctx.setTarget(new HttpTestTarget("127.0.0.1", emulator.port()));
        control = emulator.control();
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void verify(PactVerificationContext ctx) {
        // Pact replays the Authorization header recorded with commas as one line per part, as it comes: the
        // emulator reads repeated lines as one header
        ctx.verifyInteraction();
    }

    // Each state is set up by its name, as a verifier's state-change URL would (StateChangeUrlPactVerification does
    // that with no code at all); the emulator resets before the first state of each interaction.

    @State("clock is 2026-11-20T12:00:00Z")
    void clock() {
        control.providerState("clock is 2026-11-20T12:00:00Z");
    }

    @State({"account demo has group001", "account demo has example.com", "account demo has app Your_AppId",
            "account demo has producer instances"})
    Map<String, Object> defaultCatalogue() {
        // the times around the clock, for interactions whose requests ask for ${yesterday} and the like
        return control.providerStateValues("account demo has group001");
    }

    @State("group001 is out from 2026-11-19T02:00:00Z to 04:00:00Z")
    void group001Outage() {
        control.providerState("group001 is out from 2026-11-19T02:00:00Z to 04:00:00Z");
    }

    @State("DescribeLivePullToPushBandwidthData is throttled for account demo")
    void bandwidthThrottled() {
        control.providerState("DescribeLivePullToPushBandwidthData is throttled for account demo");
    }

    @State("DescribeLiveTranscodeData is throttled for account demo")
    void transcodeThrottled() {
        control.providerState("DescribeLiveTranscodeData is throttled for account demo");
    }

    @State("DescribeLiveProducerUsageData is throttled for account demo")
    void aliyunThrottled() {
        control.providerState("DescribeLiveProducerUsageData is throttled for account demo");
    }
}
