package dev.usagekit.emulator.catalogue;

/** A Volcengine RTC application; {@code scale} multiplies its user counts. */
public record RtcApp(String appId, String name, double scale) {

    public RtcApp {
        if (appId == null || appId.isBlank()) {
            throw new IllegalArgumentException("appId is required");
        }
        if (!(scale > 0)) {
            scale = 1.0; // absent in the fixture
        }
    }
}
