package dev.usagekit.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.control.AdminServer;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The served OpenAPI description is valid, complete, and structurally the schema files it is built from. */
class OpenApiDescriptionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COMPONENTS = "#/components/schemas/";

    private final TestEmulator emulator = TestEmulator.unthrottled();

    private static SwaggerParseResult parse(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readContents(document, null, options);
    }

    private JsonNode served() {
        TestEmulator.Reply r = emulator.get("/_emulator/openapi.json");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        return JSON.readTree(r.body());
    }

    @Test
    void parsesWithoutAnyValidationMessage() {
        TestEmulator.Reply r = emulator.get("/_emulator/openapi.json");
        SwaggerParseResult result = parse(r.body());

        assertThat(result.getMessages()).isEmpty();
        OpenAPI api = result.getOpenAPI();
        assertThat(api.getOpenapi()).isEqualTo("3.1.0");
        assertThat(api.getServers()).singleElement()
                .satisfies(s -> assertThat(s.getUrl()).isEqualTo("http://127.0.0.1:" + emulator.port()));
    }

    @Test
    void theParserWouldReportADanglingReference() {
        ObjectNode broken = (ObjectNode) served();
        ((ObjectNode) broken.at("/components/schemas")).remove("volcengine.common.rfc3339");

        assertThat(parse(broken.toString()).getMessages()).isNotEmpty();
    }

    @Test
    void describesTheFourActionsWithTheirMethods() {
        Map<String, PathItem> paths = parse(emulator.get("/_emulator/openapi.json").body()).getOpenAPI().getPaths();

        assertThat(paths).containsOnlyKeys("/#Action=ListOperationDistribution",
                "/#Action=DescribeLivePullToPushBandwidthData", "/#Action=DescribeLiveTranscodeData",
                "/#Action=DescribeLiveProducerUsageData");
        for (String volcengine : List.of("ListOperationDistribution", "DescribeLivePullToPushBandwidthData",
                "DescribeLiveTranscodeData")) {
            PathItem item = paths.get("/#Action=" + volcengine);
            assertThat(item.readOperationsMap()).containsOnlyKeys(PathItem.HttpMethod.POST);
            assertThat(item.getPost().getRequestBody().getContent()).containsOnlyKeys("application/json");
            assertThat(item.getPost().getSecurity()).hasSize(2)
                    .anySatisfy(s -> assertThat(s).containsOnlyKeys("volcengineHmacSha256"))
                    .anySatisfy(s -> assertThat(s).containsOnlyKeys("volcengineHmacSha256Query"));
            assertThat(item.getPost().getResponses()).containsKeys("200", "400", "401", "403", "404", "405", "429",
                    "500", "503", "default");
            for (String retried : List.of("429", "503")) {
                assertThat(item.getPost().getResponses().get(retried).getHeaders()).containsOnlyKeys("Retry-After");
            }
        }
        PathItem aliyun = paths.get("/#Action=DescribeLiveProducerUsageData");
        assertThat(aliyun.readOperationsMap()).containsOnlyKeys(PathItem.HttpMethod.GET, PathItem.HttpMethod.POST);
        assertThat(aliyun.getPost().getRequestBody().getContent())
                .containsOnlyKeys("application/x-www-form-urlencoded");
        assertThat(aliyun.getGet().getSecurity()).hasSize(2);
        assertThat(aliyun.getGet().getResponses()).containsKeys("200", "400", "403", "404", "500", "503", "default");
        assertThat(aliyun.getGet().getResponses().get("400").getHeaders()).containsOnlyKeys("x-acs-retry-after");
    }

    /** Aliyun's Action and Version may also come in a form body or as ACS3's x-acs-* headers: optional in the query. */
    @ParameterizedTest
    @CsvSource({
        "ListOperationDistribution, 2020-12-01, post, true",
        "DescribeLivePullToPushBandwidthData, 2023-01-01, post, true",
        "DescribeLiveTranscodeData, 2023-01-01, post, true",
        "DescribeLiveProducerUsageData, 2016-11-01, get, false",
        "DescribeLiveProducerUsageData, 2016-11-01, post, false"})
    void actionAndVersionAreSingleValueQueryEnumsAndTheClockHeaderOptional(String action, String version, String method,
            boolean requiredInQuery) {
        JsonNode parameters = served().path("paths").path("/#Action=" + action).path(method).path("parameters");

        for (String[] expected : new String[][] {{"Action", action}, {"Version", version}}) {
            JsonNode p = find(parameters, expected[0]);
            assertThat(p.path("in").asString()).isEqualTo("query");
            assertThat(p.path("required").asBoolean()).isEqualTo(requiredInQuery);
            assertThat(p.at("/schema/enum")).containsExactly(JSON.getNodeFactory().stringNode(expected[1]));
        }
        JsonNode clock = find(parameters, "X-Emulator-Clock");
        assertThat(clock.path("in").asString()).isEqualTo("header");
        assertThat(clock.path("required").asBoolean()).isFalse();
        assertThat(clock.at("/schema/format").asString()).isEqualTo("date-time");
    }

    @ParameterizedTest
    @CsvSource({
        "ListOperationDistribution, post, /requestBody/content/application~1json/schema, volcengine",
        "DescribeLivePullToPushBandwidthData, post, /requestBody/content/application~1json/schema, volcengine",
        "DescribeLiveTranscodeData, post, /requestBody/content/application~1json/schema, volcengine",
        "DescribeLiveProducerUsageData, post, /requestBody/content/application~1x-www-form-urlencoded/schema, aliyun"})
    void requestAndResponseSchemasAreTheSchemaFiles(String action, String method, String requestPointer,
            String vendor) {
        JsonNode doc = served();
        JsonNode operation = doc.path("paths").path("/#Action=" + action).path(method);

        assertThat(referenced(doc, operation.at(requestPointer)))
                .isEqualTo(inlineFile(vendor + "/" + action + ".request.json"));
        assertThat(referenced(doc, operation.at("/responses/200/content/application~1json/schema")))
                .isEqualTo(inlineFile(vendor + "/" + action + ".response.json"));
        for (String status : List.of("400", "403", "404", "500", "default")) {
            assertThat(referenced(doc, operation.at("/responses/" + status + "/content/application~1json/schema")))
                    .as(status).isEqualTo(inlineFile(vendor + "/error.json"));
        }
    }

    /** The core SDK and the ACS3 SDKs POST an empty body with the parameters in the query: both are described. */
    @ParameterizedTest
    @CsvSource({"get", "post"})
    void aliyunQueryParametersAreTheRequestSchema(String method) {
        JsonNode doc = served();
        JsonNode operation = doc.at("/paths/~1#Action=DescribeLiveProducerUsageData/" + method);
        JsonNode object = find(operation.path("parameters"), "parameters");

        assertThat(object.path("style").asString()).isEqualTo("form");
        assertThat(object.path("explode").asBoolean()).isTrue();
        assertThat(referenced(doc, object.path("schema")))
                .isEqualTo(inlineFile("aliyun/DescribeLiveProducerUsageData.request.json"));
        if (method.equals("post")) {
            assertThat(operation.at("/requestBody/required").asBoolean()).as("an empty body is legal").isFalse();
        }
    }

    /**
     * Tools that match an operation by path alone (Prism) get one action's description on {@code /}, where its
     * calls go; the whole document's {@code /#Action=} keys, a fragment, match no call.
     */
    @Test
    void oneActionsDescriptionPutsItsOperationsOnTheRootPath() {
        TestEmulator.Reply r = emulator.get("/_emulator/openapi.json?action=DescribeLiveTranscodeData");
        assertThat(r.status()).isEqualTo(200);
        SwaggerParseResult result = parse(r.body());
        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getPaths()).containsOnlyKeys("/");
        assertThat(result.getOpenAPI().getPaths().get("/").getPost().getOperationId())
                .isEqualTo("DescribeLiveTranscodeData");
        assertThat(JSON.readTree(r.body()).at("/paths/~1")).isEqualTo(served().at("/paths/~1#Action=DescribeLiveTranscodeData"));

        TestEmulator.Reply yaml = emulator.get("/_emulator/openapi.yaml?action=DescribeLiveProducerUsageData");
        assertThat(parse(yaml.body()).getOpenAPI().getPaths().get("/").readOperationsMap())
                .containsOnlyKeys(PathItem.HttpMethod.GET, PathItem.HttpMethod.POST);

        TestEmulator.Reply unknown = emulator.get("/_emulator/openapi.json?action=DescribeNothing");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("message").asString()).contains("no action DescribeNothing",
                "ListOperationDistribution");
        // the control plane's error body, its fields in the order the README shows (Map.of's order varied by JVM)
        assertThat(unknown.body()).startsWith("{\"error\":\"Bad Request\",\"message\":\"no action DescribeNothing");
    }

    @Test
    void yamlIsTheSameDocument() {
        TestEmulator.Reply yaml = emulator.get("/_emulator/openapi.yaml");

        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.contentType()).startsWith("application/yaml");
        assertThat(parse(yaml.body()).getMessages()).isEmpty();
        assertThat(YAMLMapper.builder().build().readTree(yaml.body())).isEqualTo(served());
    }

    @Test
    void onTheAdminPortServersStillNameTheApiPort() throws Exception {
        TestEmulator separate = TestEmulator.named("admin-port", "emulator.admin.port=0");
        int adminPort = separate.context().getBean(AdminServer.class).boundPort();

        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + adminPort + "/_emulator/openapi.json")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).at("/servers/0/url").asString())
                .isEqualTo("http://127.0.0.1:" + separate.port());
    }

    private static JsonNode find(JsonNode parameters, String name) {
        for (JsonNode p : parameters) {
            if (p.path("name").asString().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + parameters);
    }

    /** The component an operation's schema refers to, with every reference in it inlined. */
    private static JsonNode referenced(JsonNode doc, JsonNode schema) {
        assertThat(schema.propertyNames()).containsExactly("$ref");
        return inlineComponents(doc, schema).get("$ref");
    }

    /** The schema with every component reference replaced by the (inlined) component it names. */
    private static JsonNode inlineComponents(JsonNode doc, JsonNode schema) {
        return inline(schema, ref -> {
            assertThat(ref).startsWith(COMPONENTS);
            JsonNode target = doc.path("components").path("schemas").path(ref.substring(COMPONENTS.length()));
            assertThat(target.isMissingNode()).as(ref).isFalse();
            return inlineComponents(doc, target);
        });
    }

    /** The schema file with every reference (to another file or to a $defs entry) replaced by its target. */
    private static JsonNode inlineFile(String path) {
        return inlineFileNode(path, load(path));
    }

    private static JsonNode inlineFileNode(String path, JsonNode node) {
        return inline(node, ref -> {
            int hash = ref.indexOf('#');
            String file = hash == 0 ? path : path.substring(0, path.lastIndexOf('/') + 1) + ref.substring(0, hash);
            return inlineFileNode(file, load(file).at(ref.substring(hash + 1)));
        });
    }

    /** A copy without $id, $schema and $defs, with each $ref string replaced by what {@code resolve} gives. */
    private static JsonNode inline(JsonNode node, Function<String, JsonNode> resolve) {
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                switch (e.getKey()) {
                    case "$id", "$schema", "$defs" -> { }
                    case "$ref" -> copy.set("$ref", resolve.apply(e.getValue().asString()));
                    default -> copy.set(e.getKey(), inline(e.getValue(), resolve));
                }
            }
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(item -> copy.add(inline(item, resolve)));
            return copy;
        }
        return node;
    }

    private static JsonNode load(String path) {
        try (InputStream in = OpenApiDescriptionTest.class.getClassLoader()
                .getResourceAsStream("usagekit/schemas/" + path)) {
            assertThat(in).as(path).isNotNull();
            return JSON.readTree(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
