package dev.usagekit.emulator.schema;

import com.networknt.schema.Error;
import dev.usagekit.emulator.core.ActionHandler;
import dev.usagekit.emulator.core.ApiError;
import dev.usagekit.emulator.core.Vendor;
import dev.usagekit.emulator.wire.GoIntegerType;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Validates a request against its action's schema and turns the first violation into the service's own error: first
 * a value the Volcengine services cannot bind (a number Go will not put in an integer field, a wrong JSON type), else
 * the first violation of any kind.
 */
public final class RequestSchemaCheck {

    private final SchemaCatalog catalog;

    public RequestSchemaCheck(SchemaCatalog catalog) {
        this.catalog = catalog;
    }

    public void check(ActionHandler<?> handler, JsonNode params) throws ApiError {
        String path = SchemaCatalog.requestPath(handler.spec());
        if (handler.spec().vendor() == Vendor.VOLCENGINE) {
            refuseIntegersGoCannotBind(handler, path, params);
        }
        List<Error> errors = catalog.validate(path, params);
        if (errors.isEmpty()) {
            return;
        }
        Error first = errors.stream().filter(RequestSchemaCheck::failsToBind).findFirst().orElse(errors.get(0));
        String field = field(first);
        if (field.isEmpty()) {
            throw handler.errors().malformedBody(first.getMessage());
        }
        ApiError error = handler.errors().schemaViolation(field, first.getKeyword(), detail(first));
        // for the journal: where the vendor's message is fixed, this is what names the field and the rule
        throw error.problem() != null ? error : error.withProblem(field + ": " + detail(first));
    }

    /**
     * A number the Go services cannot bind into an integer field (300.0, 3e2, past the type's range) is their bind
     * error whatever else is wrong, as a wrong JSON type is; JSON Schema takes 300.0 for an integer, so the schema
     * cannot say it.
     */
    private void refuseIntegersGoCannotBind(ActionHandler<?> handler, String path, JsonNode params) {
        for (Map.Entry<String, GoIntegerType> field : catalog.requestIntegerFields(path).entrySet()) {
            JsonNode value = params.get(field.getKey());
            if (value != null && value.isNumber() && !field.getValue().binds(value)) {
                throw handler.errors().wrongType(field.getKey())
                        .withProblem(field.getKey() + " must be " + field.getValue().expected());
            }
        }
    }

    /**
     * A value of the wrong JSON type: the Go services bind the whole body before they check any value, so it is
     * refused as a bind error whatever else is wrong. The {@code null} branch of an optional property complains of
     * every value that is not null, which says nothing about binding.
     */
    static boolean failsToBind(Error error) {
        JsonNode expected = error.getSchemaNode();
        return "type".equals(error.getKeyword())
                && !(expected != null && expected.isString() && "null".equals(expected.stringValue()));
    }

    /** The violation in words: the validator's, but for a time (its "does not match the date-time pattern must be"). */
    static String detail(Error error) {
        return "format".equals(error.getKeyword())
                ? "must be an RFC 3339 date-time with seconds and an offset, such as 2026-11-20T00:00:00+08:00"
                : error.getMessage();
    }

    /** The top-level parameter a violation is about: the missing one, or the first segment of the location. */
    static String field(Error error) {
        String location = error.getInstanceLocation().toString();
        if (("required".equals(error.getKeyword()) || "dependentRequired".equals(error.getKeyword()))
                && error.getProperty() != null && location.isEmpty()) {
            return error.getProperty();
        }
        String trimmed = location.startsWith("/") ? location.substring(1) : location;
        int slash = trimmed.indexOf('/');
        return (slash < 0 ? trimmed : trimmed.substring(0, slash)).replace("~1", "/").replace("~0", "~");
    }
}
