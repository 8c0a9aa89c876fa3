package dev.usagekit.emulator.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schema files of schemas/ gathered into one self-contained set of OpenAPI components: each file and each
 * {@code $defs} entry becomes a component named after its path ({@code volcengine/common.json#/$defs/rfc3339} →
 * {@code volcengine.common.rfc3339}), and every {@code $ref} is rewritten to {@code #/components/schemas/<name>}.
 * {@code $id} and {@code $schema} are dropped: an {@code $id} would make the rewritten refs resolve against the
 * file's own URI.
 */
final class SchemaBundle {

    static final String CLASSPATH_ROOT = "usagekit/schemas/";
    static final String COMPONENT_PREFIX = "#/components/schemas/";
    private static final Pattern DEF_POINTER = Pattern.compile("/\\$defs/([A-Za-z0-9_.-]+)");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, ObjectNode> loaded = new HashMap<>();
    private final Set<String> filesDone = new HashSet<>();
    private final Set<String> defsDone = new HashSet<>();
    private final Map<String, JsonNode> components = new TreeMap<>();

    /** Adds the schema file at {@code path} (relative to usagekit/schemas/) and all it references; its name. */
    String addFile(String path) {
        String name = componentName(path);
        if (filesDone.add(path)) {
            ObjectNode root = load(path).deepCopy();
            root.remove("$schema");
            root.remove("$id");
            if (root.has("$defs")) {
                root.remove("$defs");
                addDefs(path);
            }
            components.put(name, rewrite(root, path));
        }
        return name;
    }

    /** The components gathered so far, by name; fails when a reference points at no component. */
    Map<String, JsonNode> components() {
        components.values().forEach(this::checkResolved);
        return components;
    }

    static String componentName(String path) {
        return (path.endsWith(".json") ? path.substring(0, path.length() - 5) : path).replace('/', '.');
    }

    private void addDefs(String path) {
        if (!defsDone.add(path)) {
            return;
        }
        JsonNode defs = load(path).get("$defs");
        if (defs == null) {
            return;
        }
        for (Map.Entry<String, JsonNode> def : defs.properties()) {
            components.put(componentName(path) + "." + def.getKey(), rewrite(def.getValue().deepCopy(), path));
        }
    }

    private JsonNode rewrite(JsonNode node, String path) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isString()) {
                object.put("$ref", COMPONENT_PREFIX + target(path, ref.asString()));
            }
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (!field.getKey().equals("$ref")) {
                    rewrite(field.getValue(), path);
                }
            }
        } else if (node.isArray()) {
            node.forEach(item -> rewrite(item, path));
        }
        return node;
    }

    /** The component a reference made inside the file at {@code path} points to, adding it when new. */
    private String target(String path, String ref) {
        int hash = ref.indexOf('#');
        String filePart = hash < 0 ? ref : ref.substring(0, hash);
        String pointer = hash < 0 ? "" : ref.substring(hash + 1);
        String file = filePart.isEmpty() ? path : sibling(path, filePart);
        if (pointer.isEmpty() || pointer.equals("/")) {
            return addFile(file);
        }
        Matcher def = DEF_POINTER.matcher(pointer);
        if (!def.matches()) {
            throw new IllegalStateException("unsupported $ref " + ref + " in " + path
                    + ": only whole files and #/$defs/<name> can be bundled");
        }
        addDefs(file);
        String name = componentName(file) + "." + def.group(1);
        if (!load(file).path("$defs").has(def.group(1))) {
            throw new IllegalStateException("$ref " + ref + " in " + path + " names no definition");
        }
        return name;
    }

    private static String sibling(String path, String relative) {
        if (relative.contains("://") || relative.startsWith("/") || relative.contains("..")) {
            throw new IllegalStateException("unsupported $ref target " + relative + " in " + path);
        }
        int slash = path.lastIndexOf('/');
        return (slash < 0 ? "" : path.substring(0, slash + 1)) + relative;
    }

    private ObjectNode load(String path) {
        return loaded.computeIfAbsent(path, p -> {
            try (InputStream in = SchemaBundle.class.getClassLoader().getResourceAsStream(CLASSPATH_ROOT + p)) {
                if (in == null) {
                    throw new IllegalStateException("schema " + CLASSPATH_ROOT + p + " is not on the classpath");
                }
                return (ObjectNode) JSON.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void checkResolved(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isString()) {
                String name = ref.asString().substring(COMPONENT_PREFIX.length());
                if (!components.containsKey(name)) {
                    throw new IllegalStateException("bundled $ref " + ref.asString() + " points at no component");
                }
            }
        }
        node.forEach(this::checkResolved);
    }
}
