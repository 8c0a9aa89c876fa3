package dev.usagekit.emulator.web;

import dev.usagekit.emulator.core.ActionRegistry;
import dev.usagekit.emulator.core.Vendor;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Tells which cloud a request is meant for when both share one port: by signature scheme, then vendor-specific
 * headers and parameters, then the action name, then the host name, then the body type.
 */
public final class VendorDetector {

    private static final List<String> ALIYUN_PARAMS = List.of("Signature", "SignatureMethod", "SignatureNonce",
            "AccessKeyId", "SignatureVersion");

    private final ActionRegistry registry;
    private final Vendor fallback;

    public VendorDetector(ActionRegistry registry, Vendor fallback) {
        this.registry = registry;
        this.fallback = fallback;
    }

    public Vendor detect(RawRequest request, Map<String, List<String>> aliyunParams) {
        return bySignature(request).orElseGet(() -> byParameters(request, aliyunParams));
    }

    /**
     * The vendor the signature scheme or the vendors' own headers and presigning parameters tell, if they do: a
     * signed call is told apart without reading its Aliyun parameters (a form body among them).
     */
    public Optional<Vendor> bySignature(RawRequest request) {
        String authorization = String.valueOf(request.authorization());
        if (authorization.startsWith("ACS3-")) {
            return Optional.of(Vendor.ALIYUN);
        }
        if (authorization.startsWith("HMAC-SHA256")) {
            return Optional.of(Vendor.VOLCENGINE);
        }
        if (request.header("x-acs-action") != null || request.header("x-acs-version") != null) {
            return Optional.of(Vendor.ALIYUN);
        }
        if (request.query().containsKey("X-Credential") || request.query().containsKey("X-Algorithm")) {
            return Optional.of(Vendor.VOLCENGINE);
        }
        return Optional.empty();
    }

    /** What the parameters, the action, the host and the body type tell, for a call {@link #bySignature} left open. */
    public Vendor byParameters(RawRequest request, Map<String, List<String>> aliyunParams) {
        if (ALIYUN_PARAMS.stream().anyMatch(aliyunParams::containsKey)) {
            return Vendor.ALIYUN;
        }
        List<String> action = aliyunParams.get("Action");
        if (action != null && !action.isEmpty()) {
            var vendor = registry.vendorOf(action.get(0));
            if (vendor.isPresent()) {
                return vendor.get();
            }
        }
        String host = String.valueOf(request.header("Host")).toLowerCase(Locale.ROOT);
        if (host.contains("aliyuncs")) {
            return Vendor.ALIYUN;
        }
        if (host.contains("volcengine")) {
            return Vendor.VOLCENGINE;
        }
        String contentType = String.valueOf(request.header("Content-Type")).toLowerCase(Locale.ROOT);
        if (contentType.startsWith("application/json")) {
            return Vendor.VOLCENGINE;
        }
        if (contentType.startsWith("application/x-www-form-urlencoded") || "GET".equals(request.method())) {
            return Vendor.ALIYUN;
        }
        return fallback;
    }
}
