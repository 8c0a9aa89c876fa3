package dev.usagekit.emulator.config;

import dev.usagekit.emulator.catalogue.Account;
import dev.usagekit.emulator.core.EmulatorState;
import dev.usagekit.emulator.time.EmulatorClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Tells a newcomer where the emulator listens and which keys to use (the emulator's keys are not secrets). */
@Component
class StartupBanner implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final EmulatorState state;
    private final EmulatorClock clock;
    private final EmulatorProperties props;

    StartupBanner(EmulatorState state, EmulatorClock clock, EmulatorProperties props) {
        this.state = state;
        this.clock = clock;
        this.props = props;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        StringBuilder sb = new StringBuilder("\n  usagekit emulator listening on http://127.0.0.1:")
                .append(event.getWebServer().getPort()).append("/  seed=").append(state.seed())
                .append(" clock=").append(clock.instant()).append(clock.frozen() ? " (frozen)" : "")
                .append("\n  accounts (access key id / secret):");
        for (Account account : state.catalogue().accounts()) {
            account.accessKeys().forEach(k -> sb.append("\n    ").append(account.name()).append(" [")
                    .append(account.accountId()).append("]  ").append(k.accessKeyId()).append(" / ")
                    .append(k.secret()));
        }
        log.info(sb.toString());
    }
}
