package dev.usagekit.emulator.gateway.volcengine;

import dev.usagekit.emulator.core.ApiError;
import dev.usagekit.emulator.core.ErrorKind;

/** The Volcengine API gateway's common errors, each with its numeric CodeN and status. */
public final class VolcengineGatewayErrors {

    private VolcengineGatewayErrors() {
    }

    public static ApiError missingParameter(String name) {
        return ApiError.gateway(ErrorKind.ROUTING, 400, "MissingParameter", 100002,
                "The request is missing " + name + " parameter.");
    }

    public static ApiError missingAuthenticationToken() {
        return ApiError.gateway(ErrorKind.AUTHENTICATION, 401, "MissingAuthenticationToken", 100003,
                "Request is missing Authentication Token.");
    }

    public static ApiError missingRequestInfo(String what) {
        return ApiError.gateway(ErrorKind.AUTHENTICATION, 400, "MissingRequestInfo", 100004,
                "The request is missing " + what + " information.");
    }

    public static ApiError invalidTimestamp() {
        return ApiError.gateway(ErrorKind.SIGNATURE, 400, "InvalidTimestamp", 100006,
                "The Signature of the request is expired.");
    }

    public static ApiError signatureDoesNotMatch() {
        return ApiError.gateway(ErrorKind.SIGNATURE, 401, "SignatureDoesNotMatch", 100010,
                "The request signature we calculated does not match the signature you provided. Check your Secret "
                        + "Access Key and signing method. Consult the service documentation for details.");
    }

    public static ApiError invalidActionOrVersion(String action, String version) {
        return ApiError.gateway(ErrorKind.ROUTING, 404, "InvalidActionOrVersion", 100008,
                "Could not find operation " + action + " for version " + version + ".");
    }

    public static ApiError invalidAccessKey(String accessKeyId) {
        return ApiError.gateway(ErrorKind.AUTHENTICATION, 401, "InvalidAccessKey", 100009,
                "The accesskey [" + accessKeyId + "] included in the request is invalid.");
    }

    /** Throttling; CodeN 100018 is the value clients in the wild check for. */
    public static ApiError flowLimitExceeded() {
        return ApiError.gateway(ErrorKind.THROTTLED, 429, "FlowLimitExceeded", 100018,
                "Request Has Been Throttled.");
    }

    public static ApiError methodNotAllowed(String method) {
        return ApiError.gateway(ErrorKind.ROUTING, 405, "MethodNotAllowed", 100020,
                "Method " + method + " is not allowed, use POST.");
    }

    public static ApiError internalError() {
        return ApiError.gateway(ErrorKind.INTERNAL, 500, "InternalError", 100014,
                "Service has some internal Error. Pls Contact With Admin.");
    }

    /** The gateway's 503. No page gives its message; this renders its Chinese description ("服务暂时不可访问"). */
    public static ApiError serviceUnavailable() {
        return ApiError.gateway(ErrorKind.UNAVAILABLE, 503, "ServiceUnavailableTemp", 100019,
                "Service is temporarily unavailable. Please try again later.");
    }

    /** Authorization header present but not of the documented form; the real gateway gives no CodeN we know. */
    public static ApiError invalidAuthorization() {
        return ApiError.of(ErrorKind.AUTHENTICATION, 400, "InvalidAuthorization",
                "Invalid 'Authorization' header, Pls check authorization header.");
    }

    public static ApiError invalidCredential() {
        return ApiError.of(ErrorKind.AUTHENTICATION, 400, "InvalidCredential",
                "Invalid credential in 'Authorization', Pls check credential in authorization header.");
    }
}
