package dev.usagekit.emulator.signing;

import java.nio.charset.StandardCharsets;

/**
 * The Volcengine signing key, {@code HMAC(HMAC(HMAC(HMAC(secret, date), region), service), "request")}: it depends
 * only on the secret and the credential scope, so each thread keeps the last one it derived. A client signs many
 * calls in one scope a day, and four of a check's five HMACs are spent here.
 */
final class SigningKeys {

    private record Derived(String secret, String shortDate, String region, String service, byte[] key) {
        boolean isFor(String secret, String shortDate, String region, String service) {
            return this.secret.equals(secret) && this.shortDate.equals(shortDate) && this.region.equals(region)
                    && this.service.equals(service);
        }
    }

    private static final ThreadLocal<Derived> LAST = new ThreadLocal<>();

    private SigningKeys() {
    }

    /** The signing key of the scope; the returned array is shared and must not be changed. */
    static byte[] of(String secret, String shortDate, String region, String service) {
        Derived last = LAST.get();
        if (last != null && last.isFor(secret, shortDate, region, service)) {
            return last.key();
        }
        byte[] key = derive(secret, shortDate, region, service);
        LAST.set(new Derived(secret, shortDate, region, service, key));
        return key;
    }

    static byte[] derive(String secret, String shortDate, String region, String service) {
        byte[] key = Digests.hmacSha256(secret.getBytes(StandardCharsets.UTF_8), shortDate);
        key = Digests.hmacSha256(key, region);
        key = Digests.hmacSha256(key, service);
        return Digests.hmacSha256(key, VolcengineSignatureV4.TERMINATOR);
    }
}
