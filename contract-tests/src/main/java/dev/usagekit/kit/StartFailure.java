package dev.usagekit.kit;

import dev.usagekit.emulator.config.InvalidSettingException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;

/**
 * Why an emulator did not start, in its settings' terms: the setting (null when the failure names none) and what is
 * wrong with it. Spring wraps the reason in bean creation failures, "Unable to start reactive web server" outermost,
 * and its innermost cause ("No enum constant ...") names neither the setting nor the value.
 */
record StartFailure(String setting, String problem) {

    static StartFailure of(Throwable failure) {
        Throwable deepest = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidSettingException invalid) {
                return new StartFailure(invalid.setting(),
                        invalid.getMessage().substring(invalid.setting().length() + 2));
            }
            if (t instanceof BindException bind && bind.getProperty() != null) {
                return new StartFailure(bind.getProperty().getName().toString(), unreadable(bind));
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

    /** The setting and its problem, as the emulator's own startup report words it. */
    String message() {
        return setting == null ? problem : setting + ": " + problem;
    }
}
