package dev.usagekit.emulator.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.it.TestEmulator;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.resource.ResourceUrlProvider;

/**
 * Started as the launcher starts it (beans made when first needed), the emulator leaves the actuator's and the
 * control plane's handler mappings, and the control plane itself, to their first request instead of making them all
 * as the API port opens. (The only test that calls this emulator, so nothing else has asked for them first.)
 */
class NoStaticResourcesTest {

    private static final String ACTUATOR_MAPPING = "webEndpointReactiveHandlerMapping";

    private final TestEmulator emulator = TestEmulator.lazy();

    @Test
    void handlerMappingsAndTheControlPlaneWaitForTheFirstRequestThatNeedsThem() {
        var beans = emulator.context().getBeanFactory();
        assertThat(beans.getBean(ResourceUrlProvider.class)).isInstanceOf(
                NoStaticResources.InertResourceUrlProvider.class);
        assertThat(beans.containsSingleton(ACTUATOR_MAPPING)).as("made at startup").isFalse();
        assertThat(beans.containsSingleton("controlApi")).as("made at startup").isFalse();
        assertThat(beans.containsSingleton("openApiEndpoint")).as("made at startup").isFalse();

        assertThat(emulator.get("/actuator/health").status()).isEqualTo(200);
        assertThat(emulator.get("/_emulator/clock").status()).isEqualTo(200);
        assertThat(beans.containsSingleton(ACTUATOR_MAPPING)).isTrue();
        assertThat(beans.containsSingleton("controlApi")).isTrue();
    }
}
