package dev.usagekit.emulator.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.it.TestEmulator;
import dev.usagekit.emulator.schema.SchemaCatalog;
import java.util.List;

/**
 * The answer a request must get: HTTP status, vendor code and, for Volcengine gateway errors, the numeric CodeN
 * (null for service errors, which carry none).
 */
record Expected(int status, String code, Integer codeN) {

    /** The schema files, validated here in the test as well as by the emulator's own self-check. */
    private static final SchemaCatalog SCHEMAS = new SchemaCatalog(List.of());

    static Expected service(int status, String code) {
        return new Expected(status, code, null);
    }

    static Expected gateway(int status, String code, int codeN) {
        return new Expected(status, code, codeN);
    }

    /** The suite is meant to run with the emulator checking its own answers against the schemas too. */
    static void assertSelfCheckOn(TestEmulator emulator) {
        assertThat(emulator.context().getEnvironment().getProperty("emulator.self-check", Boolean.class))
                .as("emulator.self-check").isTrue();
    }

    static void assertConforms(String schemaPath, TestEmulator.Reply reply) {
        assertConforms(schemaPath, reply.body());
    }

    static void assertConforms(String schemaPath, String json) {
        assertThat(SCHEMAS.validate(schemaPath, json)).as("%s against %s", json, schemaPath).isEmpty();
    }
}
