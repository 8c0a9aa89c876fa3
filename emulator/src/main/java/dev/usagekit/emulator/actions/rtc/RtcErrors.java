package dev.usagekit.emulator.actions.rtc;

import dev.usagekit.emulator.core.ApiError;
import dev.usagekit.emulator.core.ErrorKind;
import dev.usagekit.emulator.core.ServiceErrors;
import dev.usagekit.emulator.core.TimeQuery;
import dev.usagekit.emulator.gateway.volcengine.VolcengineGatewayErrors;
import java.time.Duration;

/** RTC 2020-12-01 service errors (no CodeN: they come from the service, not the gateway). */
public final class RtcErrors implements ServiceErrors {

    private final boolean qpsOverLimitCode;

    /** @param qpsOverLimitCode throttle with RTC's own FlowLimitExceeded.QPSOverLimit instead of the gateway code */
    public RtcErrors(boolean qpsOverLimitCode) {
        this.qpsOverLimitCode = qpsOverLimitCode;
    }

    static ApiError invalidParameter(String code, String message) {
        return ApiError.of(ErrorKind.PARAMETER, 400, code, message);
    }

    @Override
    public ApiError missing(String name) {
        return invalidParameter("InvalidParameter", name + " is required.");
    }

    @Override
    public ApiError wrongType(String name) {
        return invalidParameter("InvalidParameter.Unmarshal", "Failed to unmarshal request body: " + name
                + " must be a string.").withKind(ErrorKind.BIND);
    }

    @Override
    public ApiError invalidValue(String name, String detail) {
        return invalidParameter("InvalidParameter", "Invalid " + name + ": " + detail);
    }

    @Override
    public ApiError malformedBody(String detail) {
        if (detail == null) {
            return invalidParameter("InvalidParameter.BodyIsEmpty", "Request body is empty.").withKind(ErrorKind.BIND);
        }
        return invalidParameter("InvalidParameter.Unmarshal", "Failed to unmarshal request body: " + detail)
                .withKind(ErrorKind.BIND);
    }

    @Override
    public ApiError endNotAfterStart(TimeQuery query) {
        return invalidParameter("InvalidParameter.StartTimeAfterEndTime", "StartTime must be earlier than EndTime.");
    }

    @Override
    public ApiError spanTooLong(TimeQuery query, Duration maxSpan) {
        return invalidParameter("InvalidParameter.OutofTimeRange",
                "The time range of a single query must not exceed " + maxSpan.toDays() + " days.");
    }

    @Override
    public ApiError startBeforeHistory(TimeQuery query, Duration history) {
        return invalidParameter("InvalidParameter.OutofTimeRange",
                "Only data of the last " + history.toDays() + " days can be queried.");
    }

    @Override
    public ApiError throttled() {
        return qpsOverLimitCode
                ? ApiError.of(ErrorKind.THROTTLED, 429, "FlowLimitExceeded.QPSOverLimit",
                        "qps exceeds the limit, please do not send requests too frequently.")
                : VolcengineGatewayErrors.flowLimitExceeded();
    }

    @Override
    public ApiError internal() {
        return ApiError.of(ErrorKind.INTERNAL, 500, "InternalError", "Internal error, please try again later.");
    }

    static ApiError appNotOwned(String appId) {
        return ApiError.of(ErrorKind.FORBIDDEN, 403, "AccessDenied.NoPermissionForApp",
                "No permission for app " + appId + ".");
    }

    static ApiError appNotFound(String appId) {
        return invalidParameter("InvalidParameter.NotExistAppId", "AppId " + appId + " does not exist.")
                .withKind(ErrorKind.NOT_FOUND);
    }
}
