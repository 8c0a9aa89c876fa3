package dev.usagekit.emulator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/** Query strings and form bodies decode as splitting at '&', then at the first '=', then URL-decoding would. */
class FormUrlEncodedProperties {

    @Property(tries = 5_000)
    void decodesAsSplittingThenUrlDecoding(@ForAll @StringLength(max = 40) @Chars({'&', '=', '%', '+', ' '})
            @CharRange(from = 'a', to = 'c') @CharRange(from = '0', to = '3') @CharRange(from = 'A', to = 'F')
            String encoded) {
        assertThat(List.copyOf(FormUrlEncoded.decode(encoded).entrySet()))
                .isEqualTo(List.copyOf(bySplitting(encoded).entrySet()));
    }

    @Example
    void keepsArrivalOrderAndRepeatedNames() {
        Map<String, List<String>> params = FormUrlEncoded.decode("Action=A&b=1&&Version&b=2%2B3&c=%zz&d==x");
        assertThat(params).containsExactly(Map.entry("Action", List.of("A")), Map.entry("b", List.of("1", "2+3")),
                Map.entry("Version", List.of("")), Map.entry("c", List.of("%zz")), Map.entry("d", List.of("=x")));
    }

    private static Map<String, List<String>> bySplitting(String encoded) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = urlDecoded(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : urlDecoded(pair.substring(eq + 1));
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String urlDecoded(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
