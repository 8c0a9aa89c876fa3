package dev.usagekit.emulator.config;

import java.io.IOException;
import java.io.InputStream;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * {@code emulator.stop-on-stdin-close}: the process ends, through Spring's graceful shutdown, once its standard input
 * reaches its end. Whoever started it holds the other end of the pipe: closing it stops the emulator on every
 * platform (a JVM's {@code Process.destroy} is a hard kill on Windows), and when that parent dies, even killed or
 * halted, the system closes it, so no emulator is left behind holding its port. Watched from the start on, before
 * the context, so a parent that dies during the start is noticed too. Registered in {@code META-INF/spring.factories}.
 */
public final class StopOnStdinClose implements SpringApplicationRunListener {

    static final String SETTING = "emulator.stop-on-stdin-close";

    public StopOnStdinClose(SpringApplication application, String[] args) {
        // the constructor Spring calls run listeners with
    }

    @Override
    public void environmentPrepared(ConfigurableBootstrapContext bootstrapContext,
            ConfigurableEnvironment environment) {
        if (environment.getProperty(SETTING, Boolean.class, false)) {
            Thread watcher = new Thread(() -> exitAtEnd(System.in), "usagekit stdin watch");
            watcher.setDaemon(true);
            watcher.start();
        }
    }

    private static void exitAtEnd(InputStream input) {
        try {
            while (input.read() >= 0) {
                // whatever the parent writes is ignored: only the end counts
            }
        } catch (IOException e) {
            // a broken pipe is an end as well
        }
        LoggerFactory.getLogger(StopOnStdinClose.class).info("standard input closed ({}): stopping", SETTING);
        System.exit(0); // Spring's shutdown hook closes the context gracefully
    }
}
