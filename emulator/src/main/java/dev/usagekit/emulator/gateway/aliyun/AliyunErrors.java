package dev.usagekit.emulator.gateway.aliyun;

import dev.usagekit.emulator.core.ApiError;
import dev.usagekit.emulator.core.ErrorKind;

/** Alibaba Cloud POP gateway and common errors (flat body: Code, Message, HostId, RequestId, Recommend). */
public final class AliyunErrors {

    private AliyunErrors() {
    }

    public static ApiError missingParameter(String name) {
        return ApiError.of(ErrorKind.ROUTING, 400, "MissingParameter", "The input parameter \"" + name
                + "\" that is mandatory for processing this request is not supplied.");
    }

    /** A missing system parameter, POP style: Missing{Name}. */
    public static ApiError missingSystemParameter(String name) {
        return ApiError.of(ErrorKind.AUTHENTICATION, 400, "Missing" + name, name + " is mandatory for this action.");
    }

    public static ApiError invalidParameter(String name) {
        return ApiError.of(ErrorKind.PARAMETER, 400, "InvalidParameter",
                "The specified value of parameter \"" + name + "\" is not valid.");
    }

    public static ApiError invalidFormat() {
        return ApiError.of(ErrorKind.PARAMETER, 400, "InvalidParameter.Format", "Specified parameter format is not valid.");
    }

    public static ApiError apiNotFound() {
        return ApiError.of(ErrorKind.ROUTING, 404, "InvalidApi.NotFound",
                "Specified api is not found,please check your url and method.");
    }

    /** A version the product does not have, whatever the action: the POP gateway resolves the version first. */
    public static ApiError noSuchVersion() {
        return ApiError.of(ErrorKind.ROUTING, 400, "NoSuchVersion", "The specified version does not exist.");
    }

    /** RPC actions take GET or POST only; the vendor's message for this code is not published. */
    public static ApiError unsupportedHttpMethod(String method) {
        return ApiError.of(ErrorKind.ROUTING, 400, "UnsupportedHTTPMethod",
                "Specified HTTP method " + method + " is not supported; use GET or POST.");
    }

    public static ApiError accessKeyNotFound(int status) {
        return ApiError.of(ErrorKind.AUTHENTICATION, status, "InvalidAccessKeyId.NotFound",
                "Specified access key is not found.");
    }

    public static ApiError incompleteSignature() {
        return ApiError.of(ErrorKind.SIGNATURE, 400, "IncompleteSignature",
                "The request signature does not conform to Aliyun standards.");
    }

    public static ApiError throttlingUser() {
        return ApiError.of(ErrorKind.THROTTLED, 400, "Throttling.User", "Request was denied due to user flow control.");
    }

    public static ApiError forbidden() {
        return ApiError.of(ErrorKind.FORBIDDEN, 403, "Forbidden", "User not authorized to operate on the specified resource.");
    }

    public static ApiError internalError() {
        return ApiError.of(ErrorKind.INTERNAL, 500, "InternalError",
                "The request processing has failed due to some unknown error.");
    }

    public static ApiError serviceUnavailable() {
        return ApiError.of(ErrorKind.UNAVAILABLE, 503, "ServiceUnavailable",
                "The request has failed due to a temporary failure of the server.");
    }
}
