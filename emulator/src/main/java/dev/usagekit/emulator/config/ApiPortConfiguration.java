package dev.usagekit.emulator.config;

import dev.usagekit.emulator.control.ControlApi;
import dev.usagekit.emulator.web.ApiChannelHandler;
import dev.usagekit.emulator.web.ApiEntry;
import dev.usagekit.emulator.web.ConnectionGuard;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.netty.resources.LoopResources;

/**
 * The API port's connections. API calls are served by {@link ApiChannelHandler} right behind the HTTP codec; the
 * control plane and the actuator (when it shares the port) pass on to Spring WebFlux. Below both, limits on every
 * connection: oversize request lines and headers (sizes set by {@code server.netty.max-initial-line-length} and
 * {@code server.max-http-request-header-size}), unparseable requests and clients too slow to send a request within
 * {@code emulator.request-timeout} get a vendor error and a closed connection.
 */
@Configuration(proxyBeanMethods = false)
class ApiPortConfiguration {

    static final String CONTROL_PLANE = "/_emulator";
    /** Threads a loop group gets at least when the setting is left at 0; see EmulatorProperties#eventLoopThreads. */
    private static final int AUTOMATIC_MINIMUM_THREADS = 8;
    private static final int MAX_EVENT_LOOP_THREADS = 1024;

    /**
     * Event loops of this emulator's own. Spring Boot's default runs every server of the JVM on Reactor Netty's
     * global loops and disposes them when any context closes, so closing one embedded emulator (the kit's
     * EmbeddedEmulator, a test's own context) stopped every other emulator of the same JVM from accepting.
     */
    @Bean
    ReactorResourceFactory reactorResourceFactory(EmulatorProperties props, Environment env) {
        int threads = eventLoopThreads(props.getEventLoopThreads(), Runtime.getRuntime().availableProcessors());
        ReactorResourceFactory loops = new ReactorResourceFactory();
        loops.setUseGlobalResources(false);
        loops.setLoopResourcesSupplier(() -> LoopResources.create("reactor-http", threads, true));
        // Spring's graceful shutdown has already drained the requests; Netty's default 2 s quiet period then only made
        // every close (a test's, the kit's) take 2 s longer
        loops.setShutdownQuietPeriod(env.getProperty("spring.reactor.netty.shutdown-quiet-period", Duration.class,
                Duration.ZERO));
        return loops;
    }

    /** The setting's thread count, or for 0 the automatic one: max(8, processors). */
    static int eventLoopThreads(int setting, int processors) {
        if (setting < 0 || setting > MAX_EVENT_LOOP_THREADS) {
            throw new InvalidSettingException("emulator.event-loop-threads",
                    "must be 0 (automatic) or 1 to " + MAX_EVENT_LOOP_THREADS + ": " + setting);
        }
        return setting > 0 ? setting : Math.max(AUTOMATIC_MINIMUM_THREADS, processors);
    }

    @Bean
    NettyServerCustomizer apiConnections(ApiEntry entry, EmulatorProperties props, Environment env) {
        if (props.getRequestTimeout().isNegative() || props.getRequestTimeout().isZero()) {
            throw new InvalidSettingException("emulator.request-timeout",
                    "must be above 0: " + props.getRequestTimeout());
        }
        Predicate<String> springPath = springPaths(env);
        return server -> server.doOnChannelInit((observer, channel, remote) -> {
            ApiChannelHandler.install(channel, entry, springPath);
            ConnectionGuard.install(channel, (partial, path, problem) -> springPath.test(path)
                    ? ControlApi.refused(problem) : entry.refuse(partial, problem), props.getRequestTimeout());
        });
    }

    @Bean
    CallsInFlightOnShutdown callsInFlightOnShutdown(ApiEntry entry, Environment env) {
        return new CallsInFlightOnShutdown(entry,
                !"immediate".equalsIgnoreCase(env.getProperty("server.shutdown", "graceful")),
                env.getProperty("spring.lifecycle.timeout-per-shutdown-phase", Duration.class, Duration.ofSeconds(30)));
    }

    /** The paths Spring serves on the API port: the control plane, and the actuator unless it has a port of its own. */
    static Predicate<String> springPaths(Environment env) {
        String serverPort = env.getProperty("server.port", "8080");
        String managementPort = env.getProperty("management.server.port");
        boolean actuatorHere = managementPort == null || Objects.equals(managementPort, serverPort);
        String actuator = env.getProperty("management.endpoints.web.base-path", "/actuator");
        return path -> ApiChannelHandler.under(path, CONTROL_PLANE)
                || (actuatorHere && ApiChannelHandler.under(path, actuator));
    }
}
