package dev.usagekit.emulator.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The Authorization reader, walked by index, against the substring-and-strip reading it replaced. */
class AuthorizationFieldsProperties {

    static final List<String> REQUIRED = List.of("Credential", "SignedHeaders", "Signature");

    @Property(tries = 20_000)
    void readsLikeSplittingAndStripping(@ForAll("nearlyAuthorization") String header) {
        assertThat(outcome(() -> AuthorizationFields.parse(header, REQUIRED))).as("[%s]", header)
                .isEqualTo(outcome(() -> splitAndStrip(header, REQUIRED)));
    }

    @Example
    void theUsualHeaderAndItsSpacedOutForm() {
        String usual = "HMAC-SHA256 Credential=AK/20260101/cn-north-1/live/request, SignedHeaders=host;x-date, "
                + "Signature=abc";
        AuthorizationFields.Parsed parsed = AuthorizationFields.parse(usual, REQUIRED);
        assertThat(parsed.algorithm()).isEqualTo("HMAC-SHA256");
        assertThat(parsed.fields()).containsExactly(Map.entry("Credential", "AK/20260101/cn-north-1/live/request"),
                Map.entry("SignedHeaders", "host;x-date"), Map.entry("Signature", "abc"));
        assertThat(AuthorizationFields.parse("\t HMAC-SHA256 \n Credential = AK/20260101/cn-north-1/live/request ,"
                + "SignedHeaders=  host;x-date,Signature =abc  ", REQUIRED)).isEqualTo(parsed);
    }

    /** Signed header names are lower-cased; an empty one, or one with white space in it, makes the list invalid. */
    @Example
    void signedHeaderNames() {
        assertThat(AuthorizationFields.signedHeaderNames("host;X-Date")).containsExactly("host", "x-date");
        assertThat(AuthorizationFields.signedHeaderNames("")).isEmpty();
        for (String invalid : List.of("host; x-date", "host ;x-date", "host;;x-date", "host;", "x\tdate")) {
            assertThatThrownBy(() -> AuthorizationFields.signedHeaderNames(invalid)).as(invalid)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid header name");
        }
    }

    /** Headers made of the pieces that matter to the reading: names, separators and whitespace, in any order. */
    @Provide
    Arbitrary<String> nearlyAuthorization() {
        Arbitrary<String> piece = Arbitraries.of("HMAC-SHA256", "ACS3-HMAC-SHA256", " ", "  ", "\t", "\n", ",", ", ",
                "=", " = ", "Credential", "SignedHeaders", "Signature", "Other", "AK/20260101/cn-north-1/live/request",
                "host;x-date", "0f", "a=b", "", "\u00a0", "\u2003");
        Arbitrary<String> wellFormed = Arbitraries.of(" ", "  ", "\t").list().ofSize(7).map(sp ->
                "HMAC-SHA256" + sp.get(0) + "Credential" + sp.get(1) + "=AK/20260101/cn-north-1/live/request,"
                        + sp.get(2) + "SignedHeaders=" + sp.get(3) + "host;x-date" + sp.get(4) + "," + sp.get(5)
                        + "Signature=0f" + sp.get(6));
        return Arbitraries.oneOf(piece.list().ofMaxSize(14).map(p -> String.join("", p)), wellFormed);
    }

    private static Object outcome(java.util.function.Supplier<AuthorizationFields.Parsed> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The reading before, written another way: strip, cut at the first whitespace, split the rest at commas. */
    private static AuthorizationFields.Parsed splitAndStrip(String header, List<String> required) {
        if (header == null || header.isBlank()) {
            throw new IllegalArgumentException("Authorization header is missing or empty");
        }
        String trimmed = header.strip();
        int space = AuthorizationFields.indexOfWhitespace(trimmed);
        if (space < 0) {
            throw new IllegalArgumentException("Authorization header has no fields after the algorithm");
        }
        String algorithm = trimmed.substring(0, space);
        String rest = trimmed.substring(space).strip();
        Map<String, String> fields = new LinkedHashMap<>();
        for (String raw : rest.split(",", -1)) {
            String item = raw.strip();
            int eq = item.indexOf('=');
            String name = eq > 0 ? item.substring(0, eq).strip() : null;
            String problem = item.isEmpty() ? "Authorization header has an empty field"
                    : eq <= 0 ? "Authorization field '" + item + "' is not Name=value"
                    : !required.contains(name) ? "Authorization header has an unknown field '" + name + "'"
                    : fields.containsKey(name) ? "Authorization field '" + name + "' appears more than once"
                    : null;
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            fields.put(name, item.substring(eq + 1).strip());
        }
        required.stream().filter(n -> !fields.containsKey(n)).findFirst().ifPresent(n -> {
            throw new IllegalArgumentException("Authorization header lacks the " + n + " field");
        });
        return new AuthorizationFields.Parsed(algorithm, fields);
    }
}
