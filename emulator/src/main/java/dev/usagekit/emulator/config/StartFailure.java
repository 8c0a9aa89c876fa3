package dev.usagekit.emulator.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.web.server.PortInUseException;

/**
 * Why an emulator did not start, in its settings' terms: the setting (null when the failure names none) and what is
 * wrong with it. Spring wraps the reason in bean creation failures, "Unable to start reactive web server" outermost,
 * and its innermost cause ("No enum constant ...") names neither the setting nor the value. The JUnit kit words an
 * emulator's failed start with it, and {@link FailedStartFile} hands it to whoever started the emulator's process.
 */
public record StartFailure(String setting, String problem) {

    public static StartFailure of(Throwable failure) {
        Throwable deepest = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidSettingException invalid) {
                return new StartFailure(invalid.setting(),
                        invalid.getMessage().substring(invalid.setting().length() + 2));
            }
            if (t instanceof BindException bind && bind.getProperty() != null) {
                return new StartFailure(bind.getProperty().getName().toString(), unreadable(bind));
            }
            if (t instanceof PortInUseException inUse) { // innermost: Netty's "bind(..) failed", without the port
                return new StartFailure("server.port", "port " + inUse.getPort() + " is in use");
            }
            deepest = t;
        }
        return new StartFailure(null, deepest.getMessage());
    }

    /** A value of the wrong type: for a choice, the values it takes; else the type and the converter's reason. */
    private static String unreadable(BindException bind) {
        ConfigurationProperty property = bind.getProperty();
        String value = "\"" + property.getValue() + "\"";
        Class<?> type = bind.getTarget().getType().resolve();
        if (type != null && type.isEnum()) {
            return value + " is not one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        }
        Throwable reason = bind;
        while (reason.getCause() != null) {
            reason = reason.getCause();
        }
        return value + " cannot be read as " + (type == null ? "its type" : type.getSimpleName()) + " ("
                + reason.getMessage() + ")";
    }

    /** Two lines: the setting (empty when none) and the problem, each on one line. */
    public String fileText() {
        return (setting == null ? "" : oneLine(setting)) + "\n" + oneLine(String.valueOf(problem)) + "\n";
    }

    /** Reads {@link #fileText()} back. */
    public static StartFailure ofFileText(String text) {
        int newline = text.indexOf('\n');
        String setting = newline < 0 ? "" : text.substring(0, newline);
        String problem = (newline < 0 ? text : text.substring(newline + 1)).strip();
        return new StartFailure(setting.isEmpty() ? null : setting, problem);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /** The setting and its problem, as the emulator's own startup report words it. */
    public String message() {
        return setting == null ? problem : setting + ": " + problem;
    }
}
