package dev.usagekit.emulator.wire;

import tools.jackson.databind.JsonNode;

/**
 * A Go integer type a JSON number is bound into, and whether Go's {@code encoding/json} accepts the number for it:
 * only a literal of digits, with no fraction and no exponent, inside the type's range ({@code strconv.ParseInt}). So
 * {@code 300.0}, {@code 3e2} and {@code -0.0} fail, as does {@code 2147483648} for an int32, while {@code -0} is 0.
 * The Volcengine services refuse the whole call for it as a bind error, however JSON Schema sees the value.
 */
public enum GoIntegerType {

    INT32("an int32: digits only, no fraction or exponent, from -2147483648 to 2147483647"),
    /** Also Go's {@code int} on the 64-bit machines the services run on. */
    INT64("an int64: digits only, no fraction or exponent, from -9223372036854775808 to 9223372036854775807");

    private final String expected;

    GoIntegerType(String expected) {
        this.expected = expected;
    }

    /** The type a schema's {@code "format"} names: {@code int32}, else Go's 64-bit {@code int}. */
    public static GoIntegerType ofFormat(String format) {
        return "int32".equals(format) ? INT32 : INT64;
    }

    /**
     * @param number a JSON number as {@link WireCodec#JSON} reads it: a literal with a fraction or an exponent
     *        becomes a floating-point node, digits alone an integral one
     */
    public boolean binds(JsonNode number) {
        return number.isIntegralNumber() && (this == INT32 ? number.canConvertToInt() : number.canConvertToLong());
    }

    /** What a client must send instead, for the journal. */
    public String expected() {
        return expected;
    }
}
