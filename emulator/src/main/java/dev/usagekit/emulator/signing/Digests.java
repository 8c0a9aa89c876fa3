package dev.usagekit.emulator.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The hash and HMAC primitives the signers share. */
final class Digests {

    private static final HexFormat HEX = HexFormat.of();

    /*
     * One instance per thread and algorithm: looking an algorithm up in the security providers is a large part of
     * checking a signature, and the instances are not thread-safe. Server threads are few and long-lived.
     */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> instance("SHA-256",
            MessageDigest::getInstance));
    private static final ThreadLocal<Mac> HMAC_SHA256 = ThreadLocal.withInitial(() -> instance("HmacSHA256",
            Mac::getInstance));
    private static final ThreadLocal<Mac> HMAC_SHA1 = ThreadLocal.withInitial(() -> instance("HmacSHA1",
            Mac::getInstance));

    private interface Lookup<T> {
        T get(String algorithm) throws GeneralSecurityException;
    }

    private static <T> T instance(String algorithm, Lookup<T> lookup) {
        try {
            return lookup.get(algorithm);
        } catch (GeneralSecurityException e) {
            // SHA-256, HmacSHA1 and HmacSHA256 are mandatory in every Java SE runtime.
            throw new IllegalStateException(algorithm + " unavailable", e);
        }
    }

    private Digests() {
    }

    static String sha256Hex(byte[] data) {
        return HEX.formatHex(sha256(data));
    }

    static String sha256Hex(String data) {
        return sha256Hex(data.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmacSha256(byte[] key, String data) {
        return hmac(HMAC_SHA256.get(), key, data);
    }

    static byte[] hmacSha1(byte[] key, String data) {
        return hmac(HMAC_SHA1.get(), key, data);
    }

    static String hex(byte[] data) {
        return HEX.formatHex(data);
    }

    private static byte[] sha256(byte[] data) {
        // digest() resets the instance for the next use
        return SHA256.get().digest(data);
    }

    private static byte[] hmac(Mac mac, byte[] key, String data) {
        try {
            mac.init(new SecretKeySpec(key, mac.getAlgorithm()));
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("unusable " + mac.getAlgorithm() + " key", e);
        }
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }
}
