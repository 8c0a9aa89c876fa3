package dev.usagekit.emulator.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads a fixture file (YAML or JSON: {@code accounts: [...]}) into accounts. */
public final class CatalogueLoader {

    /** The shape of a fixture file. */
    public record FixtureFile(List<Account> accounts) {
        public FixtureFile {
            accounts = accounts == null ? List.of() : List.copyOf(accounts);
        }
    }

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // a number left out of a record reads as its zero, which the record then checks
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** SnakeYAML Engine's defaults, among them at most 50 aliases to collections (no "billion laughs"). */
    private static final LoadSettings YAML_SETTINGS = LoadSettings.builder().build();

    private CatalogueLoader() {
    }

    public static List<Account> read(InputStream in, String origin) {
        String content;
        try (in) {
            content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidFixtureException("cannot read the catalogue " + origin + ": " + e.getMessage(), e);
        }
        return read(content, origin);
    }

    public static List<Account> read(String content, String origin) {
        try {
            FixtureFile file = usesAliases(content) ? YAML.convertValue(resolved(content), FixtureFile.class)
                    : YAML.readValue(content, FixtureFile.class);
            return file.accounts();
        } catch (JacksonException e) {
            throw new InvalidFixtureException("cannot read the catalogue " + origin + ": " + describe(e), e);
        } catch (YamlEngineException | IllegalArgumentException e) {
            throw new InvalidFixtureException("cannot read the catalogue " + origin + ": " + e.getMessage(), e);
        }
    }

    /**
     * A binding problem in the catalogue's own terms: where in the document (accounts[0].apps[1]) and what is wrong,
     * without the Java classes and stream positions of Jackson's message.
     */
    static String describe(JacksonException e) {
        String where = where(e.getPath());
        String line = e.getLocation() != null && e.getLocation().getLineNr() > 0
                ? "line: " + e.getLocation().getLineNr() : "";
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field " + where + " (" + (line.isEmpty() ? "" : line + "; ") + "known there: "
                    + u.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "))
                    + ")";
        }
        // a record's own check (an IllegalArgumentException) reaches here wrapped by the instantiator
        String problem = e instanceof ValueInstantiationException && e.getCause() != null
                ? e.getCause().getMessage() : e.getOriginalMessage();
        String at = where.isEmpty() ? line : line.isEmpty() ? "at " + where : "at " + where + ", " + line;
        return at.isEmpty() ? problem : problem + " (" + at + ")";
    }

    private static String where(List<JacksonException.Reference> path) {
        StringBuilder where = new StringBuilder();
        for (JacksonException.Reference step : path) {
            if (step.getPropertyName() != null) {
                where.append(where.isEmpty() ? "" : ".").append(step.getPropertyName());
            } else if (step.getIndex() >= 0) {
                where.append('[').append(step.getIndex()).append(']');
            }
        }
        return where.toString();
    }

    /**
     * Whether the document refers back to an anchor ({@code *name}). Jackson's YAML parser hands such an alias over as
     * the anchor's name, so {@code secret: *shared} would silently become the secret "shared".
     */
    private static boolean usesAliases(String content) {
        if (content.indexOf('*') < 0) {
            return false; // no alias without an asterisk: the usual catalogue is read once
        }
        for (Event event : new Parse(YAML_SETTINGS).parseString(content)) {
            if (event instanceof AliasEvent) {
                return true;
            }
        }
        return false;
    }

    /** The document as maps, lists and scalars with every alias replaced by what its anchor names. */
    private static Object resolved(String content) {
        return new Load(YAML_SETTINGS).loadFromString(content);
    }

    /** A fixture that cannot be used; the message says where and why. */
    public static final class InvalidFixtureException extends RuntimeException {
        public InvalidFixtureException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
