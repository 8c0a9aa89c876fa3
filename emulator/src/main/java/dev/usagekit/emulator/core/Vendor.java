package dev.usagekit.emulator.core;

/** The wire dialects the emulator speaks. */
public enum Vendor {
    VOLCENGINE,
    ALIYUN
}
