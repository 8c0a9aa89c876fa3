package dev.usagekit.emulator.config;

import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListenerMethodProcessor;

/**
 * No bean of the emulator or of the libraries it starts declares an {@code @EventListener} method (its listeners
 * implement {@code ApplicationListener}; {@code NoEventListenerMethodsTest} checks every bean). Spring still looked
 * for them once every singleton existed, reflecting over every method of every bean class: about 100 ms of the main
 * thread at startup, before the API port opens.
 */
@Configuration(proxyBeanMethods = false)
class NoEventListenerMethods {

    static final String PROCESSOR_BEAN = AnnotationConfigUtils.EVENT_LISTENER_PROCESSOR_BEAN_NAME;

    /** Swapped before the processor, itself a post-processor, is made. */
    @Bean
    static BeanDefinitionRegistryPostProcessor inertEventListenerMethodProcessor() {
        return PlainClassSwap.of(PROCESSOR_BEAN, InertEventListenerMethodProcessor.class);
    }

    /** Looks for no {@code @EventListener} methods: there are none to find. */
    static final class InertEventListenerMethodProcessor extends EventListenerMethodProcessor {
        @Override
        public void afterSingletonsInstantiated() {
        }
    }
}
