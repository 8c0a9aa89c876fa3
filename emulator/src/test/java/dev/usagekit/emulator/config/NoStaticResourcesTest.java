package dev.usagekit.emulator.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.it.TestEmulator;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.resource.ResourceUrlProvider;

/**
 * Started as the launcher starts it (beans made when first needed), the emulator leaves the actuator's and the
 * control plane's handler mappings to their first request instead of making them all as the API port opens.
 */
class NoStaticResourcesTest {

    private static final String ACTUATOR_MAPPING = "webEndpointReactiveHandlerMapping";

    private final TestEmulator emulator = TestEmulator.named("lazy", "spring.main.lazy-initialization=true");

    @Test
    void handlerMappingsWaitForTheFirstRequestThatNeedsThem() {
        var beans = emulator.context().getBeanFactory();
        assertThat(beans.getBean(ResourceUrlProvider.class)).isInstanceOf(
                NoStaticResources.InertResourceUrlProvider.class);
        assertThat(beans.containsSingleton(ACTUATOR_MAPPING)).as("made at startup").isFalse();

        assertThat(emulator.get("/actuator/health").status()).isEqualTo(200);
        assertThat(emulator.get("/_emulator/clock").status()).isEqualTo(200);
        assertThat(beans.containsSingleton(ACTUATOR_MAPPING)).isTrue();
    }
}
