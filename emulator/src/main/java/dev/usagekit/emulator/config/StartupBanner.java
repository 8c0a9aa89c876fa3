package dev.usagekit.emulator.config;

import dev.usagekit.emulator.catalogue.AccessKey;
import dev.usagekit.emulator.catalogue.Account;
import dev.usagekit.emulator.catalogue.CatalogueLoader;
import dev.usagekit.emulator.core.EmulatorState;
import dev.usagekit.emulator.time.EmulatorClock;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Tells a newcomer where the emulator listens and which keys to use. Every access key id is shown; a secret only in
 * full when it is a demo key of the shipped default catalogue (public, like LocalStack's test/test). Secrets a user
 * brought (own fixture file, emulator.credentials) are masked: logs end up in CI output.
 */
@Component
class StartupBanner implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);
    static final String DEFAULT_CATALOGUE = "usagekit/fixtures/default-catalogue.yaml";

    private final EmulatorState state;
    private final EmulatorClock clock;
    private final Set<AccessKey> demoKeys;

    StartupBanner(EmulatorState state, EmulatorClock clock) {
        this.state = state;
        this.clock = clock;
        this.demoKeys = demoKeys();
    }

    /** The key pairs published with the default catalogue; pairs are compared whole, so a reused id is not enough. */
    static Set<AccessKey> demoKeys() {
        Set<AccessKey> keys = new HashSet<>();
        try (InputStream in = StartupBanner.class.getClassLoader().getResourceAsStream(DEFAULT_CATALOGUE)) {
            if (in != null) {
                CatalogueLoader.read(in, DEFAULT_CATALOGUE).forEach(a -> keys.addAll(a.accessKeys()));
            }
        } catch (IOException | RuntimeException e) {
            log.debug("default catalogue unreadable, every secret is masked: {}", e.toString());
        }
        return keys;
    }

    /** The secret as the banner shows it: whole for a published demo key, else its first 4 characters. */
    static String shown(AccessKey key, Set<AccessKey> demoKeys) {
        if (demoKeys.contains(key)) {
            return key.secret();
        }
        String secret = key.secret();
        return (secret.length() > 8 ? secret.substring(0, 4) : "") + "... (masked)";
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        StringBuilder sb = new StringBuilder("\n  usagekit emulator listening on http://127.0.0.1:")
                .append(event.getWebServer().getPort()).append("/  seed=").append(state.seed())
                .append(" clock=").append(clock.instant()).append(clock.frozen() ? " (frozen)" : "")
                .append("\n  accounts (access key id / secret; secrets you configured are masked):");
        for (Account account : state.catalogue().accounts()) {
            account.accessKeys().forEach(k -> sb.append("\n    ").append(account.name()).append(" [")
                    .append(account.accountId()).append("]  ").append(k.accessKeyId()).append(" / ")
                    .append(shown(k, demoKeys)));
        }
        log.info(sb.toString());
    }
}
