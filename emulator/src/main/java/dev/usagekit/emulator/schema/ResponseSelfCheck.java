package dev.usagekit.emulator.schema;

import com.networknt.schema.Error;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every JSON body the emulator sends against its schema (switch {@code emulator.self-check}, on in tests).
 * A violation is an emulator bug: it is logged and the answer becomes a loud internal error naming the violations.
 */
public final class ResponseSelfCheck {

    private static final Logger log = LoggerFactory.getLogger(ResponseSelfCheck.class);

    private final SchemaCatalog catalog;

    public ResponseSelfCheck(SchemaCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * What is wrong with a response body, or empty when it conforms: the action's response schema for a success, the
     * vendor's error schema otherwise.
     */
    public java.util.Optional<String> problem(dev.usagekit.emulator.core.Vendor vendor,
            dev.usagekit.emulator.core.ActionSpec routed, boolean failed, byte[] json) {
        String schema = failed || routed == null ? SchemaCatalog.errorPath(vendor) : SchemaCatalog.responsePath(routed);
        List<String> found = violations(schema, json);
        return found.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of("emulator self-check: response violates " + schema + ": " + found);
    }

    /** Violations of the body against the schema at {@code path}, as one line each; empty when it conforms. */
    public List<String> violations(String path, byte[] json) {
        List<Error> errors = catalog.validate(path, new String(json, StandardCharsets.UTF_8));
        List<String> lines = errors.stream().map(Error::toString).collect(Collectors.toList());
        if (!lines.isEmpty()) {
            log.error("response violates {}: {}\n{}", path, lines, new String(json, StandardCharsets.UTF_8));
        }
        return lines;
    }
}
