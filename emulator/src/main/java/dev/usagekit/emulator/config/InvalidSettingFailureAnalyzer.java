package dev.usagekit.emulator.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a failed startup caused by an {@link InvalidSettingException} into Spring Boot's short report. */
public final class InvalidSettingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingException cause) {
        return new FailureAnalysis(cause.getMessage(), "Correct or remove " + cause.setting()
                + " (property, EMULATOR_* environment variable or --argument); the README's Settings table says what "
                + "it takes.", cause);
    }
}
