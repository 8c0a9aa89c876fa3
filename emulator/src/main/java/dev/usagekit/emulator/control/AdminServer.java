package dev.usagekit.emulator.control;

import dev.usagekit.emulator.config.InvalidSettingException;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/** Serves the control plane on its own port, so it can be firewalled apart from the emulated APIs. */
public final class AdminServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AdminServer.class);

    private final int port;
    private final String host;
    private final Supplier<RouterFunction<ServerResponse>> routes;
    private final Supplier<LoopResources> loops;
    private final UnaryOperator<HttpServer> connections;
    private volatile DisposableServer server;

    /**
     * @param port the port, 0 for any free one, negative for no separate server
     * @param loops the event loops to serve on: the API server's, so they stop with the emulator (Reactor Netty's
     *        global ones outlive it); asked for at start, when they exist
     * @param connections the limits every connection of the port gets, as the main port's do
     */
    public AdminServer(int port, String host, Supplier<RouterFunction<ServerResponse>> routes,
            Supplier<LoopResources> loops, UnaryOperator<HttpServer> connections) {
        this.port = port;
        this.host = host;
        this.routes = routes;
        this.loops = loops;
        this.connections = connections;
    }

    @Override
    public void start() {
        if (port < 0) {
            return;
        }
        var handler = new ReactorHttpHandlerAdapter(RouterFunctions.toHttpHandler(routes.get()));
        try {
            server = connections.apply(HttpServer.create().runOn(loops.get()).host(host).port(port)).handle(handler)
                    .bindNow();
        } catch (RuntimeException e) { // Reactor Netty's ChannelBindException, a page of trace at startup
            Throwable reason = e;
            while (reason.getCause() != null) {
                reason = reason.getCause();
            }
            throw new InvalidSettingException(ControlProperties.Admin.PORT_SETTING, "cannot listen on " + host + ":"
                    + port + " (" + reason.getMessage() + "); pick a free port, or 0 for any");
        }
        log.info("control plane listening on port {}", server.port());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.disposeNow();
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null || port < 0;
    }

    /** The bound port, or -1 when the control plane shares the main port. */
    public int boundPort() {
        return server == null ? -1 : server.port();
    }
}
