package dev.usagekit.emulator.gateway.volcengine;

import dev.usagekit.emulator.signing.VolcengineAuthorization;
import dev.usagekit.emulator.signing.VolcengineAuthorizationException;
import dev.usagekit.emulator.signing.VolcengineSignatureV4;
import dev.usagekit.emulator.web.RawRequest;

/**
 * Where a Volcengine request carries its signature: the Authorization header, else the query of a presigned URL
 * (X-Credential and the other X- parameters), else nowhere. A header wins over the query, as on the cloud.
 */
enum SignedForm {
    HEADER, QUERY, UNSIGNED;

    static SignedForm of(RawRequest request) {
        String header = request.authorization();
        if (header != null && !header.isBlank()) {
            return HEADER;
        }
        return request.query().containsKey("X-Credential") ? QUERY : UNSIGNED;
    }

    /**
     * The credential scope and signature this form carries; null when unsigned.
     *
     * @throws VolcengineAuthorizationException when they cannot be read
     */
    VolcengineAuthorization parse(RawRequest request) {
        return switch (this) {
            case HEADER -> VolcengineSignatureV4.parseAuthorization(request.authorization());
            case QUERY -> VolcengineSignatureV4.parseQueryAuthorization(request.query());
            case UNSIGNED -> null;
        };
    }

    /** A signing parameter such as X-Date or X-Expires: in the query for a presigned URL, else a header. */
    String signingParameter(RawRequest request, String name) {
        return this == QUERY ? request.firstQuery(name) : request.header(name);
    }
}
