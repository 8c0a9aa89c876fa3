package dev.usagekit.emulator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.usagekit.emulator.it.TestEmulator;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/** The context's message source is the emulator's own and answers as Spring's empty stand-in would. */
class NoMessageBundlesTest {

    private final ApplicationContext context = TestEmulator.lazy().context();

    @Test
    void theContextUsesTheMessageSourceThatListsNoLocales() {
        assertThat(context.getBean(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME))
                .isInstanceOf(NoMessageBundles.DefaultMessagesOnly.class);
    }

    @Test
    void aDefaultMessageIsRenderedWithItsArguments() {
        assertThat(context.getMessage("any.code", null, "plain {0}", Locale.ROOT)).isEqualTo("plain {0}");
        assertThat(context.getMessage("any.code", new Object[] {"x", 1200}, "{0} took {1} ms", Locale.ROOT))
                .isEqualTo("x took 1,200 ms");
        assertThat(context.getMessage("any.code", null, null, Locale.ROOT)).isNull();
    }

    @Test
    void aResolvableGivesItsDefaultMessageWithNestedArgumentsResolved() {
        var nested = new DefaultMessageSourceResolvable(new String[] {"inner"}, "inner text");
        var resolvable = new DefaultMessageSourceResolvable(new String[] {"a", "b"}, new Object[] {nested}, "got {0}");
        assertThat(context.getMessage(resolvable, Locale.ROOT)).isEqualTo("got inner text");
    }

    @Test
    void aCodeWithoutADefaultIsNotFound() {
        assertThatThrownBy(() -> context.getMessage("missing.code", null, Locale.ROOT))
                .isInstanceOf(NoSuchMessageException.class).hasMessageContaining("missing.code");
        var resolvable = new DefaultMessageSourceResolvable(new String[] {"first", "last"});
        assertThatThrownBy(() -> context.getMessage(resolvable, Locale.ROOT))
                .isInstanceOf(NoSuchMessageException.class).hasMessageContaining("last");
    }
}
