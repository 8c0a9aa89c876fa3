package dev.usagekit.emulator.web;

import java.util.Map;

/** The status, headers and body a gateway answers with; the body is rendered when it is sent. */
public record WireResponse(int status, String contentType, ResponseBody body, Map<String, String> headers) {
}
