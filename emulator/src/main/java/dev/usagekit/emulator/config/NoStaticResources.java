package dev.usagekit.emulator.config;

import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.web.reactive.resource.ResourceUrlProvider;

/**
 * The emulator serves no static resources, yet WebFlux's {@link ResourceUrlProvider} looks for resource handlers once
 * the context is refreshed, and to look it creates every handler mapping, the actuator's included, which the
 * launcher's lazy initialisation leaves for their first request. That ran on the main thread just as the API port
 * opened, taking the CPU from the first calls; an inert provider leaves the mappings to the request that needs them.
 */
@Configuration(proxyBeanMethods = false)
class NoStaticResources {

    static final String PROVIDER_BEAN = "resourceUrlProvider";

    @Bean
    static BeanDefinitionRegistryPostProcessor inertResourceUrlProvider() {
        return PlainClassSwap.of(PROVIDER_BEAN, InertResourceUrlProvider.class);
    }

    /** Finds no resource handlers: there are none to find. */
    static final class InertResourceUrlProvider extends ResourceUrlProvider {
        @Override
        public void onApplicationEvent(ContextRefreshedEvent event) {
        }
    }
}
