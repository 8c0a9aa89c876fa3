package dev.usagekit.emulator.signing;

/**
 * What a signer derived from a request: the canonical request, the string to sign and
 * the resulting signature. The first two are kept so that error responses and logs can
 * show them.
 */
public record SignatureComputation(String canonicalRequest, String stringToSign, String signature) {
}
