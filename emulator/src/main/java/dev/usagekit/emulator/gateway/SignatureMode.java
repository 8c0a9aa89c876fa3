package dev.usagekit.emulator.gateway;

/** How strictly request signatures are checked. In both modes the access key selects the account. */
public enum SignatureMode {
    /** Verify signature, timestamp window and nonce exactly like the clouds. */
    STRICT,
    /** Accept any signature. */
    OFF;

    /** The setting that picks the mode, as descriptions name it. */
    public static final String SETTING = "emulator.signature-mode";
}
