package dev.usagekit.emulator.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * {@code emulator.*} names that no setting binds: Spring ignores them, so {@code --emulator.sede=7} would start on the
 * default seed without a word. A misspelt argument, system property or configuration file entry stops the start like
 * a bad value does; an environment variable is only reported, since a machine may set {@code EMULATOR_*} variables of
 * its own.
 */
final class UnknownSettings {

    private static final ConfigurationPropertyName PREFIX = ConfigurationPropertyName.of("emulator");
    private static final ConfigurationPropertyName TRAINING_RUN = ConfigurationPropertyName.of(TrainingRun.PROPERTY);

    /** An unknown name and where it was set. */
    record Unknown(String name, boolean fromEnvironmentVariable) {
    }

    private UnknownSettings() {
    }

    /** Every unknown {@code emulator.*} name of the environment, against the settings of the configuration metadata. */
    static List<Unknown> in(Environment environment, List<CommandLineHelp.Setting> settings) {
        List<Unknown> unknown = new ArrayList<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (!(source instanceof IterableConfigurationPropertySource iterable)) {
                continue;
            }
            boolean variables = source.getUnderlyingSource() instanceof PropertySource<?> p
                    && StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME.equals(p.getName());
            iterable.filter(PREFIX::isAncestorOf).stream()
                    .filter(name -> !(variables ? isKnownVariable(name, settings) : isKnown(name, settings)))
                    .forEach(name -> unknown.add(new Unknown(name.toString(), variables)));
        }
        unknown.sort(Comparator.comparing(Unknown::name));
        return unknown;
    }

    /** Stops the start at the first unknown name not set by an environment variable; the rest is for the log. */
    static List<Unknown> requireKnown(Environment environment) {
        List<CommandLineHelp.Setting> settings = CommandLineHelp.settings();
        List<Unknown> unknown = in(environment, settings);
        for (Unknown u : unknown) {
            if (!u.fromEnvironmentVariable()) {
                throw new InvalidSettingException(u.name(), "no such setting; --help lists them all");
            }
        }
        return unknown;
    }

    /** The name of a setting as Spring binds it (any case, dashes or not), or an entry of a map setting. */
    static boolean isKnown(ConfigurationPropertyName name, List<CommandLineHelp.Setting> settings) {
        if (name.equals(TRAINING_RUN)) {
            return true; // the launcher's own switch, not a user setting
        }
        for (CommandLineHelp.Setting s : settings) {
            ConfigurationPropertyName known = ConfigurationPropertyName.of(s.name());
            if (name.equals(known) || s.isMap() && known.isAncestorOf(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * An environment variable's name, which has lost its dots and dashes to underscores or nothing: compared without
     * them. Lenient on purpose, since an unknown variable is only reported.
     */
    static boolean isKnownVariable(ConfigurationPropertyName name, List<CommandLineHelp.Setting> settings) {
        String plain = plain(name.toString());
        if (plain.equals(plain(TrainingRun.PROPERTY))) {
            return true;
        }
        for (CommandLineHelp.Setting s : settings) {
            String known = plain(s.name());
            if (plain.equals(known) || s.isMap() && plain.startsWith(known) && plain.length() > known.length()) {
                return true;
            }
        }
        return false;
    }

    private static String plain(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }
}
