package dev.usagekit.emulator.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.core.ActionRegistry;
import dev.usagekit.emulator.core.Vendor;
import dev.usagekit.emulator.gateway.aliyun.AliyunGateway;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;

/** Which cloud a call on the shared port is for: the signature first, and only then the parameters. */
class VendorDetectorTest {

    private final VendorDetector detector = new VendorDetector(new ActionRegistry(List.of()), Vendor.VOLCENGINE);

    private static RawRequest request(String method, String query, String header, String body) {
        HttpHeaders headers = new HttpHeaders();
        if (!header.isEmpty()) {
            headers.add(header.substring(0, header.indexOf(':')), header.substring(header.indexOf(':') + 1).trim());
        }
        if (!body.isEmpty()) {
            headers.add("Content-Type", body.startsWith("{") ? "application/json"
                    : "application/x-www-form-urlencoded");
        }
        return new RawRequest(method, "/", query, FormUrlEncoded.decode(query), headers,
                body.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0} {1} [{2}] {3}: {4}, then {5}")
    @CsvSource(delimiter = '|', value = {
        // a Volcengine signature wins even over a form of Aliyun parameters
        "POST | Action=X&Version=1 | Authorization: HMAC-SHA256 Credential=a | AccessKeyId=k&Signature=s | VOLCENGINE | VOLCENGINE",
        "POST | '' | Authorization: ACS3-HMAC-SHA256 Credential=a | {} | ALIYUN | ALIYUN",
        "POST | '' | x-acs-action: DescribeLiveProducerUsageData | {} | ALIYUN | ALIYUN",
        "GET | X-Credential=a&X-Algorithm=HMAC-SHA256 | '' | '' | VOLCENGINE | VOLCENGINE",
        // no signature scheme: the parameters decide
        "GET | AccessKeyId=testid&Action=A | '' | '' | | ALIYUN",
        "POST | Action=A | '' | SignatureNonce=n | | ALIYUN",
        "POST | Action=A&Version=1 | '' | {\"a\":1} | | VOLCENGINE",
        "GET | '' | '' | '' | | ALIYUN",
    })
    void theSignatureDecidesBeforeTheParametersAreRead(String method, String query, String header, String body,
            String bySignature, Vendor detected) {
        RawRequest raw = request(method, query, header, body);
        Map<String, List<String>> params = AliyunGateway.parameters(raw);

        assertThat(detector.bySignature(raw))
                .isEqualTo(bySignature == null ? Optional.empty() : Optional.of(Vendor.valueOf(bySignature)));
        assertThat(detector.detect(raw, params)).isEqualTo(detected);
        if (bySignature == null) {
            assertThat(detector.byParameters(raw, params)).isEqualTo(detected);
        }
    }
}
