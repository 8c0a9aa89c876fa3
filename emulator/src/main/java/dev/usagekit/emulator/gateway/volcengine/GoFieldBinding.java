package dev.usagekit.emulator.gateway.volcengine;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Binds the members of a request body to an action's fields as the services' Go binding does (encoding/json): a
 * member goes to the field of exactly its name, else to the field whose name differs only in case, and of two
 * members bound to one field the later wins. So {@code "starttime"} is {@code StartTime}, as on the cloud.
 */
final class GoFieldBinding {

    private final Set<String> fields;
    /** Field name by its lower-case form. */
    private final Map<String, String> byFoldedName = new HashMap<>();

    GoFieldBinding(List<String> fields) {
        this.fields = Set.copyOf(fields);
        fields.forEach(f -> byFoldedName.put(fold(f), f));
    }

    private static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /**
     * The body with every member renamed to the field it binds to; the same object when every name is exact (the
     * usual case, no copy). Members that bind to no field stay as they are, ignored like Go ignores them.
     */
    ObjectNode bind(ObjectNode body) {
        boolean exact = true;
        for (String name : body.propertyNames()) {
            exact &= fieldOf(name).equals(name);
        }
        if (exact) {
            return body;
        }
        ObjectNode bound = body.objectNode();
        for (Map.Entry<String, JsonNode> member : body.properties()) {
            String field = fieldOf(member.getKey());
            bound.remove(field); // the later member wins, and takes its own place in the order
            bound.set(field, member.getValue());
        }
        return bound;
    }

    /** The field a member of this name binds to: its own name when exact or when no field matches it. */
    private String fieldOf(String name) {
        return fields.contains(name) ? name : byFoldedName.getOrDefault(fold(name), name);
    }
}
