package dev.usagekit.emulator.config;

import java.text.MessageFormat;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.AbstractApplicationContext;

/**
 * The emulator ships no message bundles. Without a message source bean the context makes Spring's empty stand-in,
 * whose base class lists every locale of the JVM in its static initialiser: about 90 ms of the main thread's startup,
 * interpreted, for nothing. This one answers as that stand-in does without a parent: the default message or none.
 */
@Configuration(proxyBeanMethods = false)
class NoMessageBundles {

    @Bean(name = AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
    static MessageSource messageSource() {
        return new DefaultMessagesOnly();
    }

    /** Resolves no code; renders the default message with its arguments when there is one. */
    static final class DefaultMessagesOnly implements MessageSource {

        @Override
        public String getMessage(String code, Object[] args, String defaultMessage, Locale locale) {
            return defaultMessage == null ? null : render(defaultMessage, args, locale);
        }

        @Override
        public String getMessage(String code, Object[] args, Locale locale) {
            throw new NoSuchMessageException(code, locale);
        }

        @Override
        public String getMessage(MessageSourceResolvable resolvable, Locale locale) {
            if (resolvable.getDefaultMessage() != null) {
                return render(resolvable.getDefaultMessage(), resolvable.getArguments(), locale);
            }
            String[] codes = resolvable.getCodes();
            throw new NoSuchMessageException(codes == null || codes.length == 0 ? "" : codes[codes.length - 1], locale);
        }

        private static String render(String message, Object[] args, Locale locale) {
            if (args == null || args.length == 0) {
                return message;
            }
            Object[] resolved = args.clone();
            for (int i = 0; i < resolved.length; i++) {
                if (resolved[i] instanceof MessageSourceResolvable nested) {
                    resolved[i] = nested.getDefaultMessage();
                }
            }
            return new MessageFormat(message, locale == null ? Locale.ROOT : locale).format(resolved);
        }
    }
}
