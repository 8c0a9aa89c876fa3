package dev.usagekit.emulator.conformance;

/** A legal call with exactly one mistake ({@code what}), and the answer that mistake must get. */
record Mistake<C>(String what, C call, Expected expected) {

    @Override
    public String toString() {
        return what + ": " + call;
    }
}
