package dev.usagekit.emulator.web;

import java.util.Map;

/** The bytes, status and headers a gateway answers with. */
public record WireResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
}
