package dev.usagekit.emulator.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.it.TestEmulator;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

/**
 * Spring's search for {@code @EventListener} methods is switched off, which is only right while no bean has one:
 * this looks through every bean of the emulator, started eagerly and lazily, as that search would have.
 */
class NoEventListenerMethodsTest {

    @Test
    void theSearchIsSwitchedOff() {
        for (var emulator : emulators()) {
            assertThat(emulator.getBean(NoEventListenerMethods.PROCESSOR_BEAN))
                    .isInstanceOf(NoEventListenerMethods.InertEventListenerMethodProcessor.class);
        }
    }

    @Test
    void noBeanDeclaresAnEventListenerMethod() {
        for (var emulator : emulators()) {
            var beans = emulator.getBeanFactory();
            List<String> found = new ArrayList<>();
            for (String name : beans.getBeanDefinitionNames()) {
                Class<?> type = beans.getType(name, false);
                if (type == null) {
                    continue;
                }
                MethodIntrospector.selectMethods(ClassUtils.getUserClass(type),
                        (MethodIntrospector.MetadataLookup<EventListener>) method ->
                                AnnotatedElementUtils.findMergedAnnotation(method, EventListener.class))
                        .keySet().forEach((Method method) -> found.add(name + ": " + method));
            }
            assertThat(found).as("@EventListener methods; remove NoEventListenerMethods to have them called")
                    .isEmpty();
            // the listeners there are go through the interface, which the switched-off search never served
            assertThat(emulator.getBeansOfType(ApplicationListener.class, false, false)).isNotEmpty();
        }
    }

    private static List<ConfigurableApplicationContext> emulators() {
        return Stream.of(TestEmulator.unthrottled(), TestEmulator.lazy())
                .map(TestEmulator::context).toList();
    }
}
