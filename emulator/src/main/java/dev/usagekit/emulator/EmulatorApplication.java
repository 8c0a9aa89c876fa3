package dev.usagekit.emulator;

import java.util.Properties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the emulator: {@code java -jar usagekit-emulator-exec.jar [--server.port=8080] [--emulator.seed=1]}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EmulatorApplication {

    /** Netty's flag for the JFR events of its buffer allocator. */
    static final String NETTY_JFR_EVENTS = "io.netty.jfr.enabled";

    public static void main(String[] args) {
        applyProcessDefaults(System.getProperties());
        SpringApplication.run(EmulatorApplication.class, args);
    }

    /**
     * Defaults for a process that is only the emulator (not applied when a test starts it in its own JVM). Netty's
     * allocator registers its JFR event types with the first buffer it hands out, about 80 ms of the first call;
     * {@code -Dio.netty.jfr.enabled=true} brings them back for a recording.
     */
    static void applyProcessDefaults(Properties system) {
        system.putIfAbsent(NETTY_JFR_EVENTS, "false");
    }
}
