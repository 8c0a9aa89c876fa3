package dev.usagekit.emulator.config;

import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;

/**
 * Swaps the class behind one of Spring's own bean definitions before any bean is made, as a registry post-processor.
 * The definition becomes a plain class definition, which Spring AOT writes out at build time like any other.
 */
final class PlainClassSwap {

    private PlainClassSwap() {
    }

    static BeanDefinitionRegistryPostProcessor of(String beanName, Class<?> replacement) {
        return registry -> swap(registry, beanName, replacement);
    }

    private static void swap(BeanDefinitionRegistry registry, String beanName, Class<?> replacement) {
        if (registry.containsBeanDefinition(beanName)
                && registry.getBeanDefinition(beanName) instanceof AbstractBeanDefinition definition) {
            definition.setInstanceSupplier(null);
            definition.setFactoryBeanName(null);
            definition.setFactoryMethodName(null);
            definition.setBeanClass(replacement);
        }
    }
}
