package dev.usagekit.emulator.web;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

class UnusableUriProperties {

    /** What a plain target may hold, and '%' with digits around it, well-formed escapes or not. */
    private static final String PLAIN_TARGET_CHARS = "aZ09-._~:/?=&+,;@$!*'()%%%fFgG";
    /** Characters the full parse refuses or treats apart (a fragment, an IPv6 literal, user info). */
    private static final String ODD_CHARS = "# \"<>[]\\^`{|}\u00e9\u4e2d\t";
    private static final String HOST_CHARS = "aZ09-._~:[]@/% ?#\u00e9";

    /** Whatever the fast path decides, the URI parse it replaces decides the same. */
    @Property(tries = 20_000)
    void agreesWithTheUriParse(@ForAll("hosts") String host, @ForAll("targets") String target) {
        boolean refused = ConnectionGuard.uriParseRefuses(host, target);
        assertThat(ConnectionGuard.unusableUri(host, target)).as("Host %s, target %s", host, target)
                .isEqualTo(refused);
        Statistics.label("URI parse").collect(refused ? "refused" : "accepted");
        Statistics.label("fast path").collect(PlainUriText.isHost(host) && PlainUriText.isRequestTarget(target));
        Statistics.label("URI parse").coverage(c -> c.check("refused").percentage(p -> p > 10));
        Statistics.label("URI parse").coverage(c -> c.check("accepted").percentage(p -> p > 10));
        Statistics.label("fast path").coverage(c -> c.check(true).percentage(p -> p > 10));
    }

    @Example
    void theUsualRequestIsUsableAndAStrayPercentIsNot() {
        assertThat(ConnectionGuard.unusableUri("127.0.0.1:18080",
                "/?Action=DescribeLiveTranscodeData&Version=2023-01-01")).isFalse();
        assertThat(ConnectionGuard.unusableUri("localhost", "/?Action=A%2Fb")).isFalse();
        assertThat(ConnectionGuard.unusableUri("localhost", "/?Action=100%")).isTrue();
        assertThat(ConnectionGuard.unusableUri("local host", "/")).isTrue();
    }

    @Provide
    Arbitrary<String> targets() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().withChars(PLAIN_TARGET_CHARS).ofMaxLength(24)),
                Tuple.of(1, Arbitraries.strings().withChars(PLAIN_TARGET_CHARS + ODD_CHARS).ofMaxLength(24)))
                .map(s -> s.startsWith("/") ? s : "/" + s);
    }

    @Provide
    Arbitrary<String> hosts() {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.strings().withChars(HOST_CHARS).ofMaxLength(16)),
                Tuple.of(3, Arbitraries.of("localhost", "127.0.0.1:18080", "[::1]:8080", "open.volcengineapi.com",
                        "")));
    }
}
