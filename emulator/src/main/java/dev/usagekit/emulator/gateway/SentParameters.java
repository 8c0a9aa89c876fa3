package dev.usagekit.emulator.gateway;

import dev.usagekit.emulator.core.CallTrace;
import tools.jackson.databind.JsonNode;

/**
 * What a client sent, as the gateway read it, noted for the journal so that a test can check its client's request
 * (the time range, the groups...) and not only the answer. Large requests are left out: the journal keeps a thousand
 * calls by default, and bodies may be up to a megabyte each.
 */
public final class SentParameters {

    /** The largest request (query and body, in bytes) whose parameters the journal keeps. */
    public static final int MAX_BYTES = 16 * 1024;

    private SentParameters() {
    }

    /**
     * A text made of the request (a canonical request, a string to sign) as the journal and the log keep it: whole
     * up to {@link #MAX_BYTES} characters, else cut there and saying how much more there was. A megabyte of form body
     * signed with a wrong secret made a 5 MB string to sign, kept in the journal a thousand times over.
     */
    public static String clipped(String text) {
        if (text == null || text.length() <= MAX_BYTES) {
            return text;
        }
        return text.substring(0, MAX_BYTES) + "... (" + (text.length() - MAX_BYTES) + " more characters)";
    }

    /**
     * Notes {@code params} under "request", or under "requestOmitted" the size of a request too large to keep.
     *
     * @param bytes the size of what the parameters were read from
     */
    public static void note(CallTrace trace, JsonNode params, int bytes) {
        if (bytes <= MAX_BYTES) {
            trace.note("request", params);
        } else {
            trace.note("requestOmitted", bytes + " bytes, over the " + MAX_BYTES + " the journal keeps");
        }
    }
}
