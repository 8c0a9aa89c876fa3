package dev.usagekit.emulator.control;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.web.reactive.function.server.RequestPredicates.methods;
import static org.springframework.web.reactive.function.server.RequestPredicates.path;

import dev.usagekit.emulator.config.EmulatorProperties;
import dev.usagekit.emulator.config.InvalidSettingException;
import dev.usagekit.emulator.config.RateLimits;
import dev.usagekit.emulator.core.ActionRegistry;
import dev.usagekit.emulator.core.EmulatorState;
import dev.usagekit.emulator.gateway.aliyun.NonceRegistry;
import dev.usagekit.emulator.schema.OpenApiDescription;
import dev.usagekit.emulator.throttle.RateLimiter;
import dev.usagekit.emulator.time.EmulatorClock;
import dev.usagekit.emulator.web.ClientGoneExceptionHandler;
import dev.usagekit.emulator.web.ConnectionGuard;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.netty.http.HttpDecoderSpec;
import reactor.netty.http.server.HttpServer;

/** The control plane under /_emulator/: clock, reset, seed, fixtures, throttles, faults, journal. */
@Configuration(proxyBeanMethods = false)
public class ControlConfiguration {

    static final String TOKEN_HEADER = "X-Emulator-Token";

    @Bean
    ClientGoneExceptionHandler clientGoneExceptionHandler() {
        return new ClientGoneExceptionHandler();
    }

    @Bean
    FaultInjector faultInjector(ControlProperties settings) {
        try {
            return new FaultInjector(settings.getFaults().getMax());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(ControlProperties.Faults.MAX_SETTING, e.getMessage());
        }
    }

    @Bean
    RequestJournal requestJournal(ControlProperties settings) {
        try {
            return new RequestJournal(settings.getJournal().getSize());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("emulator.journal.size", e.getMessage());
        }
    }

    @Bean
    CallRecorder callRecorder(RequestJournal journal, ObjectProvider<MeterRegistry> meters, EmulatorClock clock) {
        return new CallRecorder(journal, meters.getIfAvailable(SimpleMeterRegistry::new), clock);
    }

    @Bean
    StartupState startupState(EmulatorProperties props, EmulatorState state, RateLimits limits) {
        // the overrides as read, each under its action's own name (a setting may spell it in any case)
        return new StartupState(props.getClock().getFixed(), props.getClock().isFrozen(), state.seed(),
                state.fixtureAccounts(), props.getLimits().isEnabled(), limits.actionOverrides());
    }

    @Bean
    ControlApi controlApi(EmulatorClock clock, EmulatorState state, RateLimiter limiter, RateLimits limits,
            ActionRegistry registry, FaultInjector faults, RequestJournal journal, StartupState startup,
            NonceRegistry nonces, EmulatorProperties props) {
        Map<String, String> signature = new LinkedHashMap<>();
        signature.put("mode", props.getSignatureMode().name().toLowerCase(Locale.ROOT));
        signature.put("timeWindow", props.getSignatureTimeWindow().toString());
        return new ControlApi(clock, state, limiter, limits, registry, faults, journal, startup, nonces,
                signature);
    }

    /** The OpenAPI description of the emulated actions, built once from the schema files. */
    @Bean
    OpenApiEndpoint openApiEndpoint(ActionRegistry registry, ControlApi api, Environment env) {
        return new OpenApiEndpoint(OpenApiDescription.of(registry.all().stream().map(h -> h.spec()).toList(),
                api.version()), env);
    }

    /**
     * On the main port, before the catch-all API route. With emulator.admin.port set, the control plane is served
     * on that port instead and the main port only says where it went.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> controlRoutes(ControlApi api, OpenApiEndpoint openApi,
            ControlProperties settings) {
        if (settings.getAdmin().separatePort() >= 0) {
            return RouterFunctions.route(path("/_emulator/**"), r -> ControlApi.error(HttpStatus.NOT_FOUND,
                    "the control plane is served on its own port (" + ControlProperties.Admin.PORT_SETTING + ")"));
        }
        return controlPlane(api, openApi, settings.getAdmin());
    }

    /**
     * A separate server for the control plane when emulator.admin.port is set (0 picks a free port). The control
     * plane is asked for only then: a lifecycle bean is made as the context starts, and with beans made when first
     * needed the control plane would otherwise be built as the API port opens, beside the first calls. Being made at
     * the start, it checks the control plane's settings for either port: the main port's routes wait for the first
     * control call when beans are made lazily, as from the built jar.
     */
    @Bean
    AdminServer adminServer(ObjectProvider<ControlApi> api, ObjectProvider<OpenApiEndpoint> openApi,
            ControlProperties settings, Environment env, ObjectProvider<ReactorResourceFactory> loops,
            EmulatorProperties props) {
        settings.getAdmin().headerToken();
        int port = settings.getAdmin().separatePort();
        int mainPort = env.getProperty("server.port", Integer.class, 8080);
        if (port > 0 && port == mainPort) {
            throw new InvalidSettingException(ControlProperties.Admin.PORT_SETTING, "must differ from server.port"
                    + " (both " + port + "); leave it out to serve the control plane on the main port");
        }
        return new AdminServer(port, env.getProperty("server.address", "0.0.0.0"),
                () -> controlPlane(api.getObject(), openApi.getObject(), settings.getAdmin()),
                () -> loops.getObject().getLoopResources(), mainPortLimits(env, props.getRequestTimeout()));
    }

    /**
     * The main port's limits for the control plane's own port, which Spring Boot does not configure: its request line
     * and header sizes, idle timeout and request timeout, a refusal answered with the control plane's JSON error.
     */
    static UnaryOperator<HttpServer> mainPortLimits(Environment env, Duration requestTimeout) {
        Binder settings = Binder.get(env);
        // Reactor Netty's defaults where a setting is left out, as Spring Boot leaves them on the main port
        int lineBytes = (int) settings.bind("server.netty.max-initial-line-length", DataSize.class)
                .orElse(DataSize.ofBytes(HttpDecoderSpec.DEFAULT_MAX_INITIAL_LINE_LENGTH)).toBytes();
        int headerBytes = (int) settings.bind("server.max-http-request-header-size", DataSize.class)
                .orElse(DataSize.ofBytes(HttpDecoderSpec.DEFAULT_MAX_HEADER_SIZE)).toBytes();
        Duration idleTimeout = settings.bind("server.netty.idle-timeout", Duration.class).orElse(null);
        return server -> {
            HttpServer limited = server
                    .httpRequestDecoder(decoder -> decoder.maxInitialLineLength(lineBytes).maxHeaderSize(headerBytes))
                    .doOnChannelInit((observer, channel, remote) -> ConnectionGuard.install(channel,
                            (partial, path, problem) -> ControlApi.refused(problem), requestTimeout));
            return idleTimeout == null ? limited : limited.idleTimeout(idleTimeout);
        };
    }

    static RouterFunction<ServerResponse> controlPlane(ControlApi api, OpenApiEndpoint openApi,
            ControlProperties.Admin admin) {
        boolean enabled = admin.isEnabled();
        String token = admin.headerToken();
        boolean allowRemote = admin.isAllowRemote();
        List<ControlEndpoint> endpoints = List.of(
                new ControlEndpoint(GET, "/_emulator/health", api::health),
                new ControlEndpoint(GET, "/_emulator/info", api::info),
                new ControlEndpoint(GET, "/_emulator/openapi.json", openApi::json),
                new ControlEndpoint(GET, "/_emulator/openapi.yaml", openApi::yaml),
                new ControlEndpoint(GET, "/_emulator/clock", api::clock),
                new ControlEndpoint(POST, "/_emulator/clock", api::moveClock),
                new ControlEndpoint(POST, "/_emulator/reset", api::reset),
                new ControlEndpoint(POST, "/_emulator/seed", api::seed),
                new ControlEndpoint(GET, "/_emulator/fixtures", api::catalogue),
                new ControlEndpoint(POST, "/_emulator/fixtures", api::fixtures),
                new ControlEndpoint(GET, "/_emulator/throttles", api::throttles),
                new ControlEndpoint(POST, "/_emulator/throttles", api::setThrottles),
                new ControlEndpoint(GET, "/_emulator/faults", api::faults),
                new ControlEndpoint(POST, "/_emulator/faults", api::addFault),
                new ControlEndpoint(DELETE, "/_emulator/faults", api::clearFaults),
                new ControlEndpoint(GET, "/_emulator/provider-states", api::providerStateForms),
                new ControlEndpoint(POST, "/_emulator/provider-states", api::providerState),
                new ControlEndpoint(GET, "/_emulator/journal/count", ControlApi.guarded(api::journalCount)),
                new ControlEndpoint(GET, "/_emulator/journal", ControlApi.guarded(api::journal)),
                new ControlEndpoint(DELETE, "/_emulator/journal", api::clearJournal));
        RouterFunctions.Builder builder = RouterFunctions.route();
        endpoints.forEach(e -> builder.route(methods(e.methods()).and(path(e.path())), e.handler()));
        RouterFunction<ServerResponse> routes = builder
                .route(path("/_emulator/**"), r -> notFoundOrWrongMethod(endpoints, r))
                .build();
        return routes.filter((request, next) -> {
            if (!enabled) {
                return ControlApi.error(HttpStatus.NOT_FOUND, "the control plane is disabled (emulator.admin.enabled)");
            }
            // without a token, only callers on this machine may steer the emulator
            if (token.isEmpty() && !allowRemote && !fromLoopback(request)) {
                return ControlApi.error(HttpStatus.FORBIDDEN, "the control plane answers loopback callers only "
                        + "(set " + ControlProperties.Admin.TOKEN_SETTING + " or emulator.admin.allow-remote=true)");
            }
            if (!token.isEmpty() && !matches(token, request.headers().firstHeader(TOKEN_HEADER))) {
                return ControlApi.unauthorized("missing or wrong " + TOKEN_HEADER + " header");
            }
            return next.handle(request);
        });
    }

    /** One control endpoint: the method and exact path it answers. */
    private record ControlEndpoint(HttpMethod method, String path, HandlerFunction<ServerResponse> handler) {

        /** A GET endpoint answers HEAD too (headers only), e.g. for a health probe. */
        HttpMethod[] methods() {
            return method == GET ? new HttpMethod[] {GET, HEAD} : new HttpMethod[] {method};
        }
    }

    /** 405 with the methods the path does answer, when it is a control path at all; otherwise 404. */
    private static Mono<ServerResponse> notFoundOrWrongMethod(List<ControlEndpoint> endpoints, ServerRequest r) {
        Set<HttpMethod> allowed = new LinkedHashSet<>();
        endpoints.stream().filter(e -> e.path().equals(r.path()))
                .forEach(e -> allowed.addAll(List.of(e.methods())));
        return allowed.isEmpty()
                ? ControlApi.error(HttpStatus.NOT_FOUND, "no control endpoint " + r.method() + " " + r.path())
                : ControlApi.methodNotAllowed(r.method(), r.path(), allowed);
    }

    static boolean fromLoopback(ServerRequest request) {
        return request.remoteAddress().map(a -> a.getAddress() != null && a.getAddress().isLoopbackAddress())
                .orElse(false);
    }

    private static boolean matches(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }
}
