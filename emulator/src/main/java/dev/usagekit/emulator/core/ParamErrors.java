package dev.usagekit.emulator.core;

/** How a service reports malformed parameters. */
public interface ParamErrors {

    ApiError missing(String name);

    /** The value has the wrong JSON type (or cannot be bound at all). */
    ApiError wrongType(String name);

    /** The value is well-typed but not acceptable. */
    ApiError invalidValue(String name, String detail);

    /** The body is not parseable at all. */
    ApiError malformedBody(String detail);

    /** A schema violation (JSON Schema keyword) on one parameter, in this service's terms. */
    default ApiError schemaViolation(String name, String keyword, String detail) {
        return switch (keyword) {
            case "required" -> missing(name);
            case "type" -> wrongType(name);
            default -> invalidValue(name, detail);
        };
    }
}
