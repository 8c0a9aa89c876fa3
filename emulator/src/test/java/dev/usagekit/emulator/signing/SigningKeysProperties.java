package dev.usagekit.emulator.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class SigningKeysProperties {

    private static final List<String> SECRETS = List.of("testsecretkey", "secondtenantsecret", "testsecretkeY");
    private static final List<String> DATES = List.of("20261120", "20261121");
    private static final List<String> REGIONS = List.of("cn-north-1", "cn-north-1 ", "ap-southeast-1");
    private static final List<String> SERVICES = List.of("live", "rtc");

    /** Whatever the order of scopes a thread sees, the remembered key is the one derived afresh. */
    @Property(tries = 300)
    void theRememberedKeyIsAlwaysTheScopesOwn(
            @ForAll @Size(max = 30) List<@IntRange(max = 3 * 2 * 3 * 2 - 1) Integer> scopes) {
        for (int scope : scopes) {
            String secret = SECRETS.get(scope % 3);
            String date = DATES.get(scope / 3 % 2);
            String region = REGIONS.get(scope / 6 % 3);
            String service = SERVICES.get(scope / 18 % 2);
            assertThat(SigningKeys.of(secret, date, region, service))
                    .isEqualTo(SigningKeys.derive(secret, date, region, service));
        }
    }
}
