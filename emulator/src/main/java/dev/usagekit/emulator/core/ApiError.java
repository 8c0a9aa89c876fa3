package dev.usagekit.emulator.core;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * An error answer in the vendor's terms: code, optional numeric gateway code (Volcengine CodeN), HTTP status and
 * message. Thrown by any stage; the gateway renders it in the vendor's envelope. No stack trace: it is an answer,
 * not a bug.
 */
public final class ApiError extends RuntimeException {

    private final ErrorKind kind;
    private final String code;
    private final Integer codeN;
    private final int status;
    private final String rule;
    private final Duration retryAfter;
    private final String problem;

    private ApiError(ErrorKind kind, String code, Integer codeN, int status, String message, String rule,
            Duration retryAfter, String problem) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
        this.codeN = codeN;
        this.status = status;
        this.rule = rule;
        this.retryAfter = retryAfter;
        this.problem = problem;
    }

    public static ApiError of(ErrorKind kind, int status, String code, String message) {
        return new ApiError(kind, code, null, status, message, null, null, null);
    }

    public static ApiError gateway(ErrorKind kind, int status, String code, int codeN, String message) {
        return new ApiError(kind, code, codeN, status, message, null, null, null);
    }

    /** The same error, naming the rule that produced it (for the journal). */
    public ApiError byRule(String ruleName) {
        return new ApiError(kind, code, codeN, status, getMessage(), ruleName, retryAfter, problem);
    }

    public ApiError withRetryAfter(Duration wait) {
        return new ApiError(kind, code, codeN, status, getMessage(), rule, wait, problem);
    }

    public ApiError withMessage(String message) {
        return new ApiError(kind, code, codeN, status, message, rule, retryAfter, problem);
    }

    public ApiError withKind(ErrorKind newKind) {
        return new ApiError(newKind, code, codeN, status, getMessage(), rule, retryAfter, problem);
    }

    /**
     * The same error with what exactly was wrong, for the journal only: where the vendor's message is a fixed text
     * ("Request parameter error, please check input data"), this is how a user finds the field or value at fault.
     */
    public ApiError withProblem(String what) {
        return new ApiError(kind, code, codeN, status, getMessage(), rule, retryAfter, what);
    }

    public ErrorKind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    /** Numeric gateway code, or null for service-layer errors. */
    public Integer codeN() {
        return codeN;
    }

    public int status() {
        return status;
    }

    public String message() {
        return getMessage();
    }

    /** What exactly was wrong, beyond the vendor's message, or null. Never rendered in the answer. */
    public String problem() {
        return problem;
    }

    /** The rule that fired, or null. */
    public String rule() {
        return rule;
    }

    /** How long a throttled client should wait, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /**
     * {@link #retryAfter} in whole units, rounded up and at least one: a client that waits exactly this long is
     * admitted (rounding down left it a fraction of a millisecond early, and refused again).
     */
    public long retryAfterRoundedUp(ChronoUnit unit) {
        long unitNanos = unit.getDuration().toNanos();
        return Math.max(1, (retryAfter.toNanos() + unitNanos - 1) / unitNanos);
    }

    @Override
    public String toString() {
        return status + " " + code + (codeN != null ? "(" + codeN + ")" : "") + ": " + getMessage();
    }
}
