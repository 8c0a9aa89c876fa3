package dev.usagekit.emulator.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
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
            // an absent scale reads as 0 and then defaults to 1.0
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private CatalogueLoader() {
    }

    public static List<Account> read(InputStream in, String origin) {
        try (in) {
            return YAML.readValue(in, FixtureFile.class).accounts();
        } catch (JacksonException | IOException | IllegalArgumentException e) {
            throw new InvalidFixtureException("cannot read fixture " + origin + ": " + e.getMessage(), e);
        }
    }

    public static List<Account> read(String content, String origin) {
        try {
            return YAML.readValue(content, FixtureFile.class).accounts();
        } catch (JacksonException | IllegalArgumentException e) {
            throw new InvalidFixtureException("cannot read fixture " + origin + ": " + e.getMessage(), e);
        }
    }

    /** A fixture that cannot be used; the message says where and why. */
    public static final class InvalidFixtureException extends RuntimeException {
        public InvalidFixtureException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
