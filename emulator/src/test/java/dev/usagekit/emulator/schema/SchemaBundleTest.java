package dev.usagekit.emulator.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SchemaBundleTest {

    @Test
    void aFileAndItsReferencesBecomeComponentsWithRewrittenRefs() {
        SchemaBundle bundle = new SchemaBundle();

        String name = bundle.addFile("volcengine/DescribeLiveTranscodeData.response.json");
        Map<String, JsonNode> components = bundle.components();

        assertThat(name).isEqualTo("volcengine.DescribeLiveTranscodeData.response");
        assertThat(components).containsKeys(name, name + ".result", name + ".dataItem",
                "volcengine.common.rfc3339", "volcengine.common.responseMetadata");
        JsonNode root = components.get(name);
        assertThat(root.has("$id")).isFalse();
        assertThat(root.has("$schema")).isFalse();
        assertThat(root.has("$defs")).isFalse();
        assertThat(root.at("/properties/Result/$ref").asString())
                .isEqualTo("#/components/schemas/volcengine.DescribeLiveTranscodeData.response.result");
        assertThat(root.at("/properties/ResponseMetadata/allOf/0/$ref").asString())
                .isEqualTo("#/components/schemas/volcengine.common.responseMetadata");
    }

    @Test
    void aReferenceToAMissingDefinitionFailsAtStartup() {
        assertThatThrownBy(() -> new SchemaBundle().addFile("bundle-test/missing-def.json"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("#/$defs/nowhere");
    }

    @Test
    void onlyWholeFilesAndDefinitionsCanBeBundled() {
        assertThatThrownBy(() -> new SchemaBundle().addFile("bundle-test/deep-pointer.json"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unsupported $ref #/properties/a");
    }

    @Test
    void aMissingFileFailsAtStartup() {
        assertThatThrownBy(() -> new SchemaBundle().addFile("volcengine/NoSuchAction.request.json"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not on the classpath");
    }
}
