package dev.usagekit.emulator.actions.live;

import dev.usagekit.emulator.core.ApiError;
import dev.usagekit.emulator.core.ErrorKind;
import dev.usagekit.emulator.core.ServiceErrors;
import dev.usagekit.emulator.core.TimeQuery;
import dev.usagekit.emulator.gateway.volcengine.VolcengineGatewayErrors;
import java.time.Duration;

/** Volcengine Live 2023-01-01 service errors, as the action pages list them (no CodeN). */
public final class LiveErrors implements ServiceErrors {

    public static final String BIND_ERROR_MESSAGE = "Request parameter error, please check input data";

    static ApiError invalidParam(String message) {
        return ApiError.of(ErrorKind.PARAMETER, 400, "InvalidParam", message);
    }

    @Override
    public ApiError missing(String name) {
        return invalidParam(name + " is required");
    }

    @Override
    public ApiError wrongType(String name) {
        return ApiError.of(ErrorKind.BIND, 400, "InvalidParam.BindError", BIND_ERROR_MESSAGE);
    }

    @Override
    public ApiError invalidValue(String name, String detail) {
        return invalidParam("invalid " + name + ": " + detail);
    }

    @Override
    public ApiError malformedBody(String detail) {
        return ApiError.of(ErrorKind.BIND, 400, "InvalidParam.BindError", BIND_ERROR_MESSAGE)
                .withProblem(detail == null ? "the body is empty" : detail);
    }

    @Override
    public ApiError endNotAfterStart(TimeQuery query) {
        return invalidParam("EndTime must be later than StartTime");
    }

    @Override
    public ApiError spanTooLong(TimeQuery query, Duration maxSpan) {
        return invalidParam("the time span between StartTime and EndTime exceeds " + maxSpan.toDays()
                + " days for Aggregation " + query.granularity().getSeconds());
    }

    @Override
    public ApiError startBeforeHistory(TimeQuery query, Duration history) {
        return invalidParam("StartTime is out of range: only the last " + history.toDays() + " days can be queried");
    }

    @Override
    public ApiError throttled() {
        return VolcengineGatewayErrors.flowLimitExceeded();
    }

    @Override
    public ApiError internal() {
        return ApiError.of(ErrorKind.INTERNAL, 500, "InternalError",
                "an internal error occurred, please contact the administrator.");
    }

    static ApiError forbidden(String what) {
        return ApiError.of(ErrorKind.FORBIDDEN, 403, "RequestForbidden",
                "the request is denied: " + what + " does not exist under this account");
    }

    static ApiError accountIdNotAllow() {
        return ApiError.of(ErrorKind.FORBIDDEN, 403, "RequestForbidden.AccountIDNotAllow",
                "this AccountID does not have permission to access the corresponding resource, "
                        + "please check the request parameters");
    }

    static ApiError resourceNotFound(String what) {
        return ApiError.of(ErrorKind.NOT_FOUND, 404, "ResourceNotFound", what + " not found");
    }
}
