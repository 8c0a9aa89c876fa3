package dev.usagekit.emulator.core;

/** The error catalogue of one vendor service, as the pipeline needs it. Action-specific codes live beside the action. */
public interface ServiceErrors extends ParamErrors, TimeRuleErrors {

    ApiError throttled();

    ApiError internal();
}
