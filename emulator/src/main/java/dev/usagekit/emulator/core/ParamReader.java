package dev.usagekit.emulator.core;

import dev.usagekit.emulator.wire.GoIntegerType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Typed access to request parameters (a Volcengine JSON body, or Aliyun query/form parameters as an object of
 * strings), reporting each problem with the service's own error.
 */
public final class ParamReader {

    /** Most items a list parameter may hold (JSON arrays and comma lists); the request schemas say the same. */
    public static final int MAX_LIST_ITEMS = 100;

    private final JsonNode params;
    private final ParamErrors errors;

    public ParamReader(JsonNode params, ParamErrors errors) {
        this.params = params;
        this.errors = errors;
    }

    public ParamErrors errors() {
        return errors;
    }

    public String requiredText(String name) {
        String value = optionalText(name);
        if (value == null) {
            throw errors.missing(name);
        }
        return value;
    }

    /** The string value, or null when absent or JSON null. */
    public String optionalText(String name) {
        JsonNode v = params.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw wrongType(name, "a string");
        }
        return v.asString();
    }

    /** A required RFC 3339 timestamp with offset; malformed gives the service's invalid-value error. */
    public WireTime.Rfc3339Time requiredRfc3339(String name) {
        String text = requiredText(name);
        return WireTime.parseRfc3339(text).orElseThrow(() -> errors.invalidValue(name,
                "'" + text + "' is not an RFC3339 time with offset, e.g. 2024-01-01T00:00:00+08:00"));
    }

    /** A JSON number Go binds into an int32, or null when absent. */
    public Integer optionalInt(String name) {
        JsonNode v = params.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!GoIntegerType.INT32.binds(v)) {
            throw wrongType(name, GoIntegerType.INT32.expected());
        }
        return v.intValue();
    }

    /** A JSON array of strings, de-duplicated in order; empty when absent. At most {@link #MAX_LIST_ITEMS}. */
    public List<String> optionalTextList(String name) {
        return optionalTextList(name, MAX_LIST_ITEMS);
    }

    /** A JSON array of strings of at most {@code maxItems}, de-duplicated in order; empty when absent. */
    public List<String> optionalTextList(String name, int maxItems) {
        JsonNode v = params.get(name);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw wrongType(name, "an array of strings");
        }
        if (v.size() > maxItems) {
            throw tooManyItems(name, maxItems);
        }
        LinkedHashSet<String> values = new LinkedHashSet<>();
        for (JsonNode item : v) {
            if (!item.isString()) {
                throw wrongType(name, "an array of strings");
            }
            values.add(item.asString());
        }
        return List.copyOf(values);
    }

    /**
     * A list of names (groups, domains) of at most {@code maxItems}, as {@link #optionalTextList(String, int)}; a blank
     * name is an invalid value, not a resource to look up, as an empty one already is in the request schemas.
     */
    public List<String> optionalNameList(String name, int maxItems) {
        List<String> names = optionalTextList(name, maxItems);
        if (names.stream().anyMatch(String::isBlank)) {
            throw errors.invalidValue(name, "names must not be blank");
        }
        return names;
    }

    /** A comma-separated string parameter, trimmed and de-duplicated in order; empty when absent or blank. */
    public List<String> commaList(String name) {
        String raw = optionalText(name);
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        String[] parts = raw.split(",", -1);
        if (parts.length > MAX_LIST_ITEMS) {
            throw tooManyItems(name, MAX_LIST_ITEMS);
        }
        LinkedHashSet<String> values = new LinkedHashSet<>();
        for (String part : parts) {
            String trimmed = part.trim();
            if (!trimmed.isEmpty()) {
                values.add(trimmed);
            }
        }
        return new ArrayList<>(values);
    }

    /** The service's bind error, with the type it wanted for the journal (its message may not say). */
    private ApiError wrongType(String name, String wanted) {
        return errors.wrongType(name).withProblem(name + " must be " + wanted);
    }

    private ApiError tooManyItems(String name, int maxItems) {
        return errors.invalidValue(name, "at most " + maxItems + " items");
    }
}
