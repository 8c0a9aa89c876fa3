package dev.usagekit.emulator.actions.producer;

import dev.usagekit.emulator.core.ApiError;
import dev.usagekit.emulator.core.ErrorKind;
import dev.usagekit.emulator.core.ServiceErrors;
import dev.usagekit.emulator.core.TimeQuery;
import dev.usagekit.emulator.gateway.aliyun.AliyunErrors;
import java.time.Duration;

/** The errors of DescribeLiveProducerUsageData: its six documented time errors plus the common codes. */
public final class ProducerErrors implements ServiceErrors {

    static final ApiError START_MALFORMED = time("InvalidStartTime.Malformed", "Specified StartTime is malformed.");
    static final ApiError END_MALFORMED = time("InvalidEndTime.Malformed", "Specified EndTime is malformed.");
    static final ApiError TIME_MALFORMED = time("InvalidTime.Malformed", "Specified StartTime or EndTime is malformed.");
    // "math" is the vendor's own spelling
    static final ApiError END_MISMATCH = time("InvalidEndTime.Mismatch",
            "Specified end time does not math the specified start time.");
    static final ApiError SPAN = time("InvalidTimeSpan", "The time span exceeds the limit.");
    static final ApiError VALUE_NOT_SUPPORTED = time("InvalidTime.ValueNotSupported", "Specified Time is malformed.");

    private static ApiError time(String code, String message) {
        return ApiError.of(ErrorKind.PARAMETER, 400, code, message);
    }

    @Override
    public ApiError missing(String name) {
        return AliyunErrors.missingParameter(name);
    }

    @Override
    public ApiError wrongType(String name) {
        return AliyunErrors.invalidParameter(name).withKind(ErrorKind.BIND);
    }

    @Override
    public ApiError invalidValue(String name, String detail) {
        return AliyunErrors.invalidParameter(name).withProblem(name + ": " + detail);
    }

    @Override
    public ApiError malformedBody(String detail) {
        return AliyunErrors.invalidParameter("body").withKind(ErrorKind.BIND)
                .withProblem(detail == null ? "the body is empty" : detail);
    }

    /** A malformed time has its own documented codes. */
    @Override
    public ApiError schemaViolation(String name, String keyword, String detail) {
        String problem = name + " must be a UTC time written yyyy-MM-ddTHH:mm:ssZ (" + detail + ")";
        return switch (name) {
            case "StartTime" -> START_MALFORMED.withProblem(problem);
            case "EndTime" -> END_MALFORMED.withProblem(problem);
            default -> ServiceErrors.super.schemaViolation(name, keyword, detail);
        };
    }

    @Override
    public ApiError endNotAfterStart(TimeQuery query) {
        return END_MISMATCH;
    }

    @Override
    public ApiError spanTooLong(TimeQuery query, Duration maxSpan) {
        return SPAN;
    }

    @Override
    public ApiError startBeforeHistory(TimeQuery query, Duration history) {
        return VALUE_NOT_SUPPORTED;
    }

    @Override
    public ApiError throttled() {
        return AliyunErrors.throttlingUser();
    }

    @Override
    public ApiError internal() {
        return AliyunErrors.internalError();
    }
}
