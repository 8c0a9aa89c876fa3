package dev.usagekit.emulator.catalogue;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import dev.usagekit.emulator.core.MissingFieldException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads a fixture file (YAML or JSON: {@code accounts: [...]}) into accounts. */
public final class CatalogueLoader {

    /** The shape of a fixture file; {@code accounts} is null when the file has no such key, or no value for it. */
    public record FixtureFile(List<Account> accounts) {
    }

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // a key given twice would otherwise silently keep its last value
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // an empty list entry ("-" alone) is a mistake, not an entry to skip or to fail on later
            .changeDefaultNullHandling(n -> JsonSetter.Value.forContentNulls(Nulls.FAIL))
            .build();

    /** SnakeYAML Engine's defaults, among them at most 50 aliases to collections (no "billion laughs"). */
    private static final LoadSettings YAML_SETTINGS = LoadSettings.builder().build();

    private static final String SHAPE = "a catalogue lists its accounts under accounts: [...], as the default"
            + " catalogue does";

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

    /** The catalogue's accounts, checked as a whole too: an account id, and an access key, appear once. */
    public static List<Account> read(String content, String origin) {
        String cannotRead = "cannot read the catalogue " + origin + ": ";
        try {
            FixtureFile file = usesAliases(content) ? YAML.convertValue(resolved(content), FixtureFile.class)
                    : YAML.readValue(content, FixtureFile.class);
            if (file == null) {
                throw new InvalidFixtureException(cannotRead + "the document is empty, so it has no accounts key; "
                        + SHAPE, null);
            }
            if (file.accounts() == null) {
                if (YAML.readTree(content).has("accounts")) {
                    return List.of(); // "accounts:" with no value lists none, as "accounts: []" does
                }
                throw new InvalidFixtureException(cannotRead + "it has no accounts key; " + SHAPE, null);
            }
            new Catalogue(file.accounts());
            return List.copyOf(file.accounts());
        } catch (JacksonException e) {
            throw new InvalidFixtureException(cannotRead + describe(e, content), e);
        } catch (YamlEngineException e) {
            throw new InvalidFixtureException(cannotRead + describe(e), e);
        } catch (IllegalArgumentException e) {
            throw new InvalidFixtureException(cannotRead + e.getMessage(), e);
        }
    }

    /**
     * A binding problem in the catalogue's own terms: where in the document (accounts[0].apps[1]), on which line, and
     * what is wrong, without the Java classes of Jackson's message.
     */
    static String describe(JacksonException e, String content) {
        Throwable yamlProblem = e;
        while (yamlProblem != null && !(yamlProblem instanceof MarkedYamlEngineException)) {
            yamlProblem = yamlProblem.getCause();
        }
        if (yamlProblem instanceof MarkedYamlEngineException marked) {
            return describe(marked);
        }
        String where = where(e.getPath());
        // Jackson's own location is where its parser stood, often the end of the record read: lines off by dozens
        String line = lineOf(content, e.getPath()).map(n -> "line: " + n)
                .orElse(e.getPath().isEmpty() && e.getLocation() != null && e.getLocation().getLineNr() > 0
                        ? "line: " + e.getLocation().getLineNr() : "");
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field " + where + " (" + (line.isEmpty() ? "" : line + "; ") + "known there: "
                    + u.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "))
                    + ")";
        }
        String problem;
        if (e instanceof ValueInstantiationException && e.getCause() instanceof MissingFieldException missing) {
            problem = (where.isEmpty() ? "" : where + ".") + missing.getMessage();
            where = "";
        } else if (e instanceof ValueInstantiationException && e.getCause() != null) {
            problem = e.getCause().getMessage(); // a record's own check, wrapped by the instantiator
        } else if (e instanceof InvalidNullException) {
            problem = where + " is empty: a list entry needs a value";
            where = "";
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            problem = (where.isEmpty() ? "the catalogue" : where) + " must be " + expected(mismatch.getTargetType())
                    + (e instanceof InvalidFormatException f && f.getValue() instanceof String value
                            ? ", not \"" + value + "\"" : "");
            where = "";
        } else {
            // such as a key given twice: SnakeYAML, loading the document, names it and its exact place
            try {
                resolved(content);
            } catch (YamlEngineException composed) {
                return describe(composed);
            }
            problem = e.getOriginalMessage();
        }
        String at = where.isEmpty() ? line : line.isEmpty() ? "at " + where : "at " + where + ", " + line;
        return at.isEmpty() ? problem : problem + " (" + at + ")";
    }

    /**
     * A YAML syntax problem and where it is. Never SnakeYAML's whole message: its snippet of the line may hold a
     * secret (an unterminated {@code secret: "...}).
     */
    private static String describe(YamlEngineException e) {
        if (!(e instanceof MarkedYamlEngineException marked)) {
            return "invalid YAML, " + e.getMessage(); // such as too many aliases: a limit, no snippet
        }
        String context = marked.getContext() == null ? "" : marked.getContext() + ": ";
        return "invalid YAML, " + context + marked.getProblem() + marked.getProblemMark()
                .map(m -> " (line: " + (m.getLine() + 1) + ", column: " + (m.getColumn() + 1) + ")").orElse("");
    }

    /** What a value of this type looks like in a catalogue. */
    private static String expected(Class<?> type) {
        if (type == Instant.class) {
            return "an instant such as 2026-11-20T12:00:00Z";
        }
        if (type == Duration.class) {
            return "an ISO-8601 duration such as PT2H";
        }
        if (type == ZoneOffset.class) {
            return "a UTC offset such as +08:00";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a single value (text)";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list ([...] or lines starting with -)";
        }
        if (type == FixtureFile.class) {
            return "a mapping with an accounts key; " + SHAPE;
        }
        return "a mapping of fields (name: value)";
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
     * The line (1-based) of the deepest node of the document that the path reaches: a field's key, a list's element.
     * Read again from the text, only when a problem is reported.
     */
    private static Optional<Integer> lineOf(String content, List<JacksonException.Reference> path) {
        Optional<Node> root;
        try {
            root = new Compose(YAML_SETTINGS).composeString(content);
        } catch (YamlEngineException e) {
            return Optional.empty();
        }
        Node node = root.orElse(null);
        Optional<Mark> mark = Optional.empty();
        for (JacksonException.Reference step : path) {
            Node next = null;
            if (step.getPropertyName() != null && node instanceof MappingNode mapping) {
                for (NodeTuple field : mapping.getValue()) {
                    if (field.getKeyNode() instanceof ScalarNode key && key.getValue().equals(step.getPropertyName())) {
                        mark = key.getStartMark();
                        next = field.getValueNode();
                    }
                }
            } else if (step.getIndex() >= 0 && node instanceof SequenceNode list
                    && step.getIndex() < list.getValue().size()) {
                next = list.getValue().get(step.getIndex());
                mark = next.getStartMark();
            }
            if (next == null) {
                break;
            }
            node = next;
        }
        return mark.map(m -> m.getLine() + 1);
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
