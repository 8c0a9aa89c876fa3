package dev.usagekit.emulator.gateway.volcengine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Body members bound to fields the way Go's encoding/json binds them. */
class GoFieldBindingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final GoFieldBinding binding = new GoFieldBinding(List.of("StartTime", "EndTime", "GroupList"));

    private static ObjectNode body(String json) {
        return (ObjectNode) JSON.readTree(json);
    }

    @Test
    void exactNamesPassUntouchedWithoutACopy() {
        ObjectNode exact = body("{\"StartTime\":\"a\",\"GroupList\":[\"g\"],\"Other\":1}");
        assertThat(binding.bind(exact)).isSameAs(exact);
    }

    @Test
    void aNameDifferingOnlyInCaseBindsToItsField() {
        assertThat(binding.bind(body("{\"starttime\":\"a\",\"ENDTIME\":\"b\",\"groupList\":[\"g\"]}")).toString())
                .isEqualTo("{\"StartTime\":\"a\",\"EndTime\":\"b\",\"GroupList\":[\"g\"]}");
    }

    @Test
    void ofTwoMembersForOneFieldTheLaterWins() {
        assertThat(binding.bind(body("{\"starttime\":\"first\",\"EndTime\":\"e\",\"StartTime\":\"second\"}")).toString())
                .isEqualTo("{\"EndTime\":\"e\",\"StartTime\":\"second\"}");
        assertThat(binding.bind(body("{\"StartTime\":\"first\",\"STARTTIME\":\"second\"}")).toString())
                .isEqualTo("{\"StartTime\":\"second\"}");
    }

    @Test
    void membersThatBindToNoFieldStay() {
        assertThat(binding.bind(body("{\"starttime\":\"a\",\"Start_Time\":\"x\"}")).toString())
                .isEqualTo("{\"StartTime\":\"a\",\"Start_Time\":\"x\"}");
    }
}
