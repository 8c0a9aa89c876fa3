package dev.usagekit.emulator.control;

import dev.usagekit.emulator.schema.OpenApiDescription;
import java.net.URI;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serves the OpenAPI description at /_emulator/openapi.json and .yaml, with {@code servers} pointing at the API port
 * under the host name the caller used (also when the control plane has a port of its own).
 */
public final class OpenApiEndpoint {

    static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private final OpenApiDescription description;
    private final Environment env;

    public OpenApiEndpoint(OpenApiDescription description, Environment env) {
        this.description = description;
        this.env = env;
    }

    public Mono<ServerResponse> json(ServerRequest request) {
        return document(request, MediaType.APPLICATION_JSON, description::json);
    }

    public Mono<ServerResponse> yaml(ServerRequest request) {
        return document(request, YAML, description::yaml);
    }

    /** The whole document, or with {@code ?action=} one action's on the path {@code /}. */
    private Mono<ServerResponse> document(ServerRequest request, MediaType type, Function<ObjectNode, String> writer) {
        String baseUrl = baseUrl(request);
        Optional<String> action = request.queryParam("action");
        if (action.isEmpty()) {
            return ServerResponse.ok().contentType(type).bodyValue(writer.apply(description.withServer(baseUrl)));
        }
        return description.forAction(action.get(), baseUrl)
                .map(doc -> ServerResponse.ok().contentType(type).bodyValue(writer.apply(doc)))
                .orElseGet(() -> ControlApi.error(HttpStatus.BAD_REQUEST, "no action " + action.get() + " (actions: "
                        + String.join(", ", description.actions()) + ")"));
    }

    /** The emulated APIs' base URL as this caller reaches it: its scheme and host, the main port. */
    String baseUrl(ServerRequest request) {
        URI uri = request.uri();
        int apiPort = env.getProperty("local.server.port", Integer.class, uri.getPort());
        String host = uri.getHost() == null ? "127.0.0.1" : uri.getHost();
        return uri.getScheme() + "://" + host + (apiPort > 0 ? ":" + apiPort : "");
    }
}
