package dev.usagekit.emulator.core;

/** The end of a call: either a result to render or a vendor error. */
public record Outcome(Object result, ApiError error) {

    public static Outcome success(Object result) {
        return new Outcome(result, null);
    }

    public static Outcome failure(ApiError error) {
        return new Outcome(null, error);
    }

    public boolean failed() {
        return error != null;
    }
}
