package dev.usagekit.emulator.signing;

import java.util.List;

/**
 * The {@code ACS3-HMAC-SHA256} signature a client presented in its {@code Authorization} header.
 *
 * @param signedHeaders lowercased, in the order the client listed them
 */
public record AliyunV3Authorization(String accessKeyId, List<String> signedHeaders, String signature) {

    public AliyunV3Authorization {
        signedHeaders = List.copyOf(signedHeaders);
    }
}
