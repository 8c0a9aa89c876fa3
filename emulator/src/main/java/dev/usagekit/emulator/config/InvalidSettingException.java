package dev.usagekit.emulator.config;

/**
 * A setting the emulator cannot start with. {@link InvalidSettingFailureAnalyzer} reports it at startup as the setting
 * and what is wrong with it, instead of a stack trace of bean creation failures.
 */
public final class InvalidSettingException extends RuntimeException {

    private final String setting;

    /** @param problem what is wrong; never the value of a secret */
    public InvalidSettingException(String setting, String problem) {
        super(setting + ": " + problem);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}
