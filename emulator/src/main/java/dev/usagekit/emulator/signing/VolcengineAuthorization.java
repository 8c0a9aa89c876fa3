package dev.usagekit.emulator.signing;

import java.util.List;

/**
 * The signature a client presented to a Volcengine endpoint, from the
 * {@code Authorization} header or from the {@code X-*} query parameters.
 *
 * @param signedHeaders lowercased, in the order the client listed them
 */
public record VolcengineAuthorization(
        String accessKeyId,
        String shortDate,
        String region,
        String service,
        String terminator,
        List<String> signedHeaders,
        String signature) {

    public VolcengineAuthorization {
        signedHeaders = List.copyOf(signedHeaders);
    }

    /** {@code shortDate/region/service/terminator}, the scope the signing key is derived for. */
    public String credentialScope() {
        return shortDate + "/" + region + "/" + service + "/" + terminator;
    }
}
