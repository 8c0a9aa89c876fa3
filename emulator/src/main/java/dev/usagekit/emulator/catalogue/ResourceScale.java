package dev.usagekit.emulator.catalogue;

/** The {@code scale} of a catalogue resource, which multiplies its synthetic usage. */
final class ResourceScale {

    /**
     * Largest scale accepted. With the largest anomaly factor on top it keeps every value a finite number the vendors'
     * formats can carry (a scale of 1e300 made transcode minutes NaN and RTC counts overflow).
     */
    static final double MAX = 1000;

    private ResourceScale() {
    }

    /** The scale as given, which must lie in (0, {@link #MAX}]; 1.0 when left out (null). */
    static double orDefault(Double scale, String resource) {
        if (scale == null) {
            return 1.0;
        }
        if (!(scale > 0 && scale <= MAX)) {
            throw new IllegalArgumentException("the scale of " + resource + " must be above 0 and at most "
                    + (long) MAX + ": " + scale);
        }
        return scale;
    }
}
