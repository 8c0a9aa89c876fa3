package dev.usagekit.emulator.schema;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import dev.usagekit.emulator.core.ActionSpec;
import dev.usagekit.emulator.core.Vendor;
import dev.usagekit.emulator.wire.GoIntegerType;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import com.networknt.schema.i18n.DefaultMessageSource;
import com.networknt.schema.i18n.MessageSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schemas of schemas/ (on the classpath), compiled once at startup: each action's request and response, and
 * each vendor's error body. The single source of truth for shapes; the emulator checks requests (and optionally its
 * own responses) against them.
 */
public final class SchemaCatalog {

    public static final String ID_BASE = "https://usagekit.dev/schemas/";

    /** Violation messages reach the wire, the journal and kit assertions: English whatever the JVM's locale. */
    static final Locale MESSAGE_LOCALE = Locale.ENGLISH;

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
            Dialect.builder(Dialects.getDraft202012()).format(new DateTimeFormatFastPath()).build(),
            b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true)
                            .locale(MESSAGE_LOCALE).build())
                    .schemaIdResolvers(r -> r.mapPrefix(ID_BASE, "classpath:usagekit/schemas/")));
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();
    /** Per request schema path, its top-level integer fields. */
    private final Map<String, Map<String, GoIntegerType>> integerFields = new HashMap<>();

    public SchemaCatalog(List<ActionSpec> actions) {
        for (ActionSpec spec : actions) {
            schema(requestPath(spec));
            schema(responsePath(spec));
            integerFields.put(requestPath(spec), findIntegerFields(requestPath(spec)));
        }
        for (Vendor vendor : Vendor.values()) {
            schema(errorPath(vendor));
        }
        loadViolationMessages();
    }

    /**
     * The validator reads the text of a violation message from its jar the first time that message is needed. Read
     * them all now, at startup, so no bad request makes an event-loop thread wait on the disk
     * (EventLoopBlockingTest).
     */
    private static void loadViolationMessages() {
        Locale locale = MESSAGE_LOCALE;
        MessageSource messages = DefaultMessageSource.getInstance();
        for (String key : ResourceBundle.getBundle(DefaultMessageSource.BUNDLE_BASE_NAME, locale).keySet()) {
            messages.getMessage(key, locale);
        }
    }

    public static String requestPath(ActionSpec spec) {
        return folder(spec.vendor()) + "/" + spec.action() + ".request.json";
    }

    public static String responsePath(ActionSpec spec) {
        return folder(spec.vendor()) + "/" + spec.action() + ".response.json";
    }

    public static String errorPath(Vendor vendor) {
        return folder(vendor) + "/error.json";
    }

    private static String folder(Vendor vendor) {
        return vendor.name().toLowerCase(Locale.ROOT);
    }

    private Schema schema(String path) {
        return compiled.computeIfAbsent(path, p -> {
            Schema s = registry.getSchema(SchemaLocation.of(ID_BASE + p));
            s.initializeValidators();
            return s;
        });
    }

    /** The top-level fields an action's request schema names, in the schema's order. */
    public List<String> requestFields(ActionSpec spec) {
        JsonNode properties = schema(requestPath(spec)).getSchemaNode().get("properties");
        return properties == null ? List.of() : List.copyOf(properties.propertyNames());
    }

    /**
     * The top-level fields of a request schema ({@link #requestPath}) that hold an integer, each with the Go type it
     * binds to (its schema's {@code "format"}).
     */
    public Map<String, GoIntegerType> requestIntegerFields(String requestPath) {
        return integerFields.getOrDefault(requestPath, Map.of());
    }

    private Map<String, GoIntegerType> findIntegerFields(String path) {
        Map<String, GoIntegerType> fields = new HashMap<>();
        URI document = URI.create(ID_BASE + path);
        schema(path).getSchemaNode().path("properties").properties().forEach(property ->
                integerSchema(document, property.getValue()).ifPresent(integer -> fields.put(property.getKey(),
                        GoIntegerType.ofFormat(stringOrNull(integer.get("format"))))));
        return Map.copyOf(fields);
    }

    /** The integer schema a property allows, through {@code $ref}s and {@code anyOf} or {@code oneOf} branches. */
    private Optional<JsonNode> integerSchema(URI document, JsonNode schema) {
        JsonNode ref = schema.get("$ref");
        if (ref != null) {
            URI target = document.resolve(ref.stringValue());
            String pointer = target.getFragment() == null ? "" : target.getFragment();
            URI targetDocument = URI.create(target.toString().replaceFirst("#.*", ""));
            JsonNode defined = registry.getSchema(SchemaLocation.of(targetDocument.toString())).getSchemaNode();
            return integerSchema(targetDocument, defined.at(pointer));
        }
        if (allowsInteger(schema.get("type"))) {
            return Optional.of(schema);
        }
        for (String branches : List.of("anyOf", "oneOf")) {
            for (JsonNode branch : schema.path(branches)) {
                Optional<JsonNode> integer = integerSchema(document, branch);
                if (integer.isPresent()) {
                    return integer;
                }
            }
        }
        return Optional.empty();
    }

    /** A {@code "type"} of {@code "integer"}, or a list of types holding it. */
    private static boolean allowsInteger(JsonNode type) {
        if (type == null) {
            return false;
        }
        if (type.isString()) {
            return "integer".equals(type.stringValue());
        }
        for (JsonNode each : type) {
            if ("integer".equals(stringOrNull(each))) {
                return true;
            }
        }
        return false;
    }

    private static String stringOrNull(JsonNode node) {
        return node != null && node.isString() ? node.stringValue() : null;
    }

    public List<Error> validate(String path, JsonNode instance) {
        return schema(path).validate(instance);
    }

    public List<Error> validate(String path, String json) {
        return schema(path).validate(json, InputFormat.JSON);
    }
}
