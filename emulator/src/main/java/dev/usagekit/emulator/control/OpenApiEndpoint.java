package dev.usagekit.emulator.control;

import dev.usagekit.emulator.schema.OpenApiDescription;
import java.net.URI;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

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
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                .bodyValue(description.json(baseUrl(request)));
    }

    public Mono<ServerResponse> yaml(ServerRequest request) {
        return ServerResponse.ok().contentType(YAML).bodyValue(description.yaml(baseUrl(request)));
    }

    /** The emulated APIs' base URL as this caller reaches it: its scheme and host, the main port. */
    String baseUrl(ServerRequest request) {
        URI uri = request.uri();
        int apiPort = env.getProperty("local.server.port", Integer.class, uri.getPort());
        String host = uri.getHost() == null ? "127.0.0.1" : uri.getHost();
        return uri.getScheme() + "://" + host + (apiPort > 0 ? ":" + apiPort : "");
    }
}
