package dev.usagekit.kit;

import com.networknt.schema.Error;
import dev.usagekit.emulator.actions.live.DescribeLivePullToPushBandwidthData;
import dev.usagekit.emulator.actions.live.DescribeLiveTranscodeData;
import dev.usagekit.emulator.actions.producer.DescribeLiveProducerUsageData;
import dev.usagekit.emulator.actions.rtc.ListOperationDistribution;
import dev.usagekit.emulator.core.ActionSpec;
import dev.usagekit.emulator.schema.SchemaCatalog;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.opentest4j.AssertionFailedError;
import tools.jackson.databind.JsonNode;

/** Assertions about what a client received from, and sent to, the emulator. */
public final class UsageAssertions {

    private static final Map<String, ActionSpec> SPECS = Stream.of(ListOperationDistribution.SPEC,
                    DescribeLivePullToPushBandwidthData.SPEC, DescribeLiveTranscodeData.SPEC,
                    DescribeLiveProducerUsageData.SPEC)
            .collect(Collectors.toUnmodifiableMap(ActionSpec::action, Function.identity()));

    private static volatile SchemaCatalog catalog;

    private UsageAssertions() {
    }

    /** The names of the actions the emulator serves, which the assertions below take. */
    public static java.util.Set<String> actions() {
        return SPECS.keySet();
    }

    /** Asserts that {@code json} is a valid successful response body of {@code action}. */
    public static void assertConformsToResponseSchema(String action, String json) {
        ActionSpec spec = spec(action);
        String path = SchemaCatalog.responsePath(spec);
        List<Error> errors;
        try {
            errors = catalog().validate(path, json);
        } catch (RuntimeException e) {
            throw new AssertionFailedError(action + " response is not valid JSON: " + e.getMessage() + "\n" + json, e);
        }
        if (!errors.isEmpty()) {
            throw new AssertionFailedError(action + " response does not conform to schema " + path + ":\n  "
                    + errors.stream().map(UsageAssertions::describe).collect(Collectors.joining("\n  "))
                    + errorAnswer(json) + "\nbody: " + json);
        }
    }

    /**
     * A line saying the body is a vendor's error answer, which the schema of a successful one cannot describe; empty
     * otherwise. Its violations alone ("'Error' is not defined", "'Result' not found") hide that the call failed.
     */
    private static String errorAnswer(String json) {
        JsonNode body;
        try {
            body = EmulatorControl.json().readTree(json);
        } catch (RuntimeException e) {
            return "";
        }
        JsonNode code = body.path("ResponseMetadata").path("Error").path("Code"); // Volcengine
        if (!code.isString() && body.has("RequestId")) {
            code = body.path("Code"); // Aliyun's flat envelope
        }
        return code.isString() ? "\n  (the body is an error answer, " + code.asString() + ", not a successful one)"
                : "";
    }

    /** One violation, located by its JSON pointer; the body itself is "/" (the validator leaves it empty). */
    private static String describe(Error error) {
        String text = String.valueOf(error);
        String location = error.getInstanceLocation().toString();
        return location.isEmpty() && text.startsWith(": ") ? "/" + text : text;
    }

    /**
     * Asserts that the client sent exactly {@code expected} calls of {@code action} (per the emulator's journal). This
     * and the assertions below take only the names {@link #actions()} lists; others are refused, as a misspelt name
     * could never find a call. {@link EmulatorControl#count} counts calls of any name.
     */
    public static void assertSentCalls(EmulatorControl control, String action, long expected) {
        spec(action);
        long actual = control.count(action);
        long evicted = control.evicted();
        if (evicted > 0) {
            throw new AssertionFailedError("cannot tell whether the client sent exactly " + expected + " " + action
                    + " call(s): the journal has dropped its " + evicted + " oldest entries for want of room and holds "
                    + actual + "; raise emulator.journal.size");
        }
        if (actual != expected) {
            throw new AssertionFailedError("expected the client to send exactly " + expected + " " + action
                    + " call(s) but the emulator recorded " + actual, expected, actual);
        }
    }

    /** Asserts that the newest recorded call of {@code action} was throttled. */
    public static void assertLastCallThrottled(EmulatorControl control, String action) {
        JsonNode last = lastCall(control, action);
        String outcome = last.path("outcome").asString();
        if (!"throttled".equals(outcome)) {
            throw new AssertionFailedError("expected the last " + action + " call to be throttled but its outcome was "
                    + outcome + " (status " + last.path("status").asInt() + ", errorCode "
                    + last.path("errorCode").asString() + ")", "throttled", outcome);
        }
    }

    /** Asserts that the newest recorded call of {@code action} failed with the error code {@code code}. */
    public static void assertLastCallFailedWith(EmulatorControl control, String action, String code) {
        JsonNode last = lastCall(control, action);
        JsonNode errorCode = last.path("errorCode");
        String actual = errorCode.isNull() || errorCode.isMissingNode() ? null : errorCode.asString();
        if (!code.equals(actual)) {
            throw new AssertionFailedError("expected the last " + action + " call to fail with " + code
                    + " but it " + (actual == null ? "succeeded" : "failed with " + actual) + " (outcome "
                    + last.path("outcome").asString() + ", status " + last.path("status").asInt() + ")", code, actual);
        }
    }

    /**
     * Asserts that the newest recorded call of {@code action} sent {@code field} with this value, as the journal
     * keeps it ({@code details.request}): a JSON value's text for Volcengine (e.g. {@code "StartTime"} or
     * {@code "GroupList"} as {@code ["group001"]}), the parameter's value for Aliyun.
     */
    public static void assertLastCallSent(EmulatorControl control, String action, String field, String expected) {
        JsonNode last = lastCall(control, action);
        JsonNode request = last.path("details").path("request");
        if (request.isMissingNode()) {
            throw new AssertionFailedError("the last " + action + " call has no request in the journal (details: "
                    + last.path("details") + ")");
        }
        JsonNode value = request.path(field);
        String actual = value.isMissingNode() ? null : value.isString() ? value.asString() : value.toString();
        if (!expected.equals(actual)) {
            throw new AssertionFailedError("expected the last " + action + " call to send " + field + " = " + expected
                    + " but it sent " + (actual == null ? "no " + field : actual) + " (request: " + request + ")",
                    expected, actual);
        }
    }

    private static JsonNode lastCall(EmulatorControl control, String action) {
        spec(action);
        JsonNode last = control.lastCall(action);
        if (last == null) {
            throw new AssertionFailedError("expected a recorded " + action + " call but the journal has none");
        }
        return last;
    }

    /**
     * The action's spec. A name the emulator does not serve is refused: the journal keeps calls under the name they
     * sent, exactly, so a misspelt one would find no calls and {@code assertSentCalls(control, typo, 0)} would pass.
     */
    private static ActionSpec spec(String action) {
        ActionSpec spec = SPECS.get(action);
        if (spec == null) {
            String sameLetters = SPECS.keySet().stream().filter(name -> name.equalsIgnoreCase(action)).findFirst()
                    .map(name -> " (names match exactly: did you mean " + name + "?)").orElse("");
            throw new IllegalArgumentException("unknown action " + action + sameLetters + "; known: "
                    + SPECS.keySet());
        }
        return spec;
    }

    private static SchemaCatalog catalog() {
        SchemaCatalog c = catalog;
        if (c == null) {
            synchronized (UsageAssertions.class) {
                c = catalog;
                if (c == null) {
                    c = new SchemaCatalog(List.copyOf(SPECS.values()));
                    catalog = c;
                }
            }
        }
        return c;
    }
}
