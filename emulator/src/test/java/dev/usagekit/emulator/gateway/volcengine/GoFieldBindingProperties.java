package dev.usagekit.emulator.gateway.volcengine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The binding against Go's rule, stated plainly: a field takes the value of the last member whose name folds to it. */
class GoFieldBindingProperties {

    private static final List<String> FIELDS = List.of("StartTime", "EndTime", "GroupList", "Aggregation");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A member: a field's name in random case (or a name of no field), and a value. */
    record Member(String name, int value) {
    }

    @Provide
    Arbitrary<Member> members() {
        Arbitrary<String> name = Arbitraries.oneOf(
                Arbitraries.of(FIELDS).flatMap(GoFieldBindingProperties::anyCase),
                Arbitraries.of("Other", "Start_Time", "x"));
        return Combinators.combine(name, Arbitraries.integers().between(0, 999)).as(Member::new);
    }

    private static Arbitrary<String> anyCase(String name) {
        return Arbitraries.integers().between(0, (1 << Math.min(name.length(), 20)) - 1).map(mask -> {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                out.append((mask >> i & 1) == 1 ? Character.toUpperCase(c) : Character.toLowerCase(c));
            }
            return out.toString();
        });
    }

    @Property(tries = 500)
    void eachFieldTakesTheLastMemberThatFoldsToIt(
            @ForAll @Size(max = 8) List<@net.jqwik.api.From("members") Member> members) {
        // JSON objects cannot repeat a name exactly (the emulator refuses that before binding): keep the first of each
        Map<String, Integer> body = new LinkedHashMap<>();
        members.forEach(m -> body.putIfAbsent(m.name(), m.value()));
        ObjectNode node = JSON.createObjectNode();
        body.forEach(node::put);

        ObjectNode bound = new GoFieldBinding(FIELDS).bind(node);

        Map<String, Integer> expected = new LinkedHashMap<>();
        List<String> unbound = new ArrayList<>();
        body.forEach((name, value) -> {
            String field = FIELDS.stream().filter(f -> f.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                    .findFirst().orElse(null);
            if (field == null) {
                unbound.add(name);
            } else {
                expected.put(field, value); // the later member overwrites
            }
        });
        for (String field : FIELDS) {
            if (expected.containsKey(field)) {
                assertThat(bound.get(field).asInt()).as(field).isEqualTo(expected.get(field));
            } else {
                assertThat(bound.has(field)).as(field).isFalse();
            }
        }
        assertThat(bound.size()).isEqualTo(expected.size() + unbound.size());
        unbound.forEach(name -> assertThat(bound.get(name).asInt()).isEqualTo(body.get(name)));
    }
}
