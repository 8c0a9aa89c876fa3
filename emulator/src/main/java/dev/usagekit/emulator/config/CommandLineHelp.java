package dev.usagekit.emulator.config;

import dev.usagekit.emulator.EmulatorApplication;
import dev.usagekit.emulator.control.ControlProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code --help} and {@code --version} print instead of starting the emulator. The settings come from the
 * configuration metadata the build writes from the settings classes, so the help lists exactly what the emulator
 * binds, with the defaults and descriptions of the code.
 */
public final class CommandLineHelp {

    static final String METADATA = "META-INF/spring-configuration-metadata.json";
    static final String OWN_METADATA = "usagekit/emulator/spring-configuration-metadata.json";
    private static final String OWN_CONFIGURATION = "usagekit/emulator/application.yaml";
    private static final Set<String> HELP = Set.of("--help", "-h", "-help", "-?");
    private static final Set<String> VERSION = Set.of("--version", "-version");
    private static final int WIDTH = 100;

    /** One setting as the metadata describes it. */
    public record Setting(String name, String type, String defaultValue, String description) {

        /** A map's entries are settings of their own: {@code emulator.limits.overrides.<key>}. */
        boolean isMap() {
            return type.startsWith("java.util.Map<");
        }

        String usage() {
            if (isMap()) {
                return "--" + name + ".<Action>=<value>";
            }
            return "--" + name + "=" + (defaultValue != null && !defaultValue.isEmpty() ? defaultValue
                    : "<" + simpleType() + ">");
        }

        private String simpleType() {
            return type.substring(type.lastIndexOf('.') + 1);
        }
    }

    private CommandLineHelp() {
    }

    /** The emulator's own application.yaml, where the server settings get their defaults. */
    private static PropertySource<?> ownConfiguration() {
        try {
            return new YamlPropertySourceLoader().load("emulator", new ClassPathResource(OWN_CONFIGURATION)).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String serverSetting(PropertySource<?> own, String name) {
        return "--" + name + "=" + own.getProperty(name);
    }

    /** The text to print for these arguments, or empty when the emulator should start. */
    public static Optional<String> answer(String[] args) {
        for (String arg : args) {
            if (HELP.contains(arg)) {
                return Optional.of(usage());
            }
            if (VERSION.contains(arg)) {
                return Optional.of("usagekit emulator " + EmulatorApplication.version() + System.lineSeparator());
            }
        }
        return Optional.empty();
    }

    static String usage() {
        StringBuilder out = new StringBuilder();
        line(out, "usagekit emulator " + EmulatorApplication.version()
                + ": Volcengine RTC and Live, and Alibaba Cloud Live usage APIs, on this machine.");
        line(out, "");
        line(out, "Usage:");
        line(out, "  java -jar usagekit-emulator-exec.jar [--setting=value ...]");
        line(out, "  bin/usagekit-emulator [--setting=value ...]     the same, started faster");
        line(out, "");
        line(out, "A setting can also be an environment variable (--emulator.seed=7 is EMULATOR_SEED=7) or an entry");
        line(out, "of an application.yaml in the working directory. A value the emulator cannot work with stops it");
        line(out, "at startup with a report naming the setting, and so does an emulator.* name no setting has.");
        line(out, "");
        line(out, "Server:");
        PropertySource<?> own = ownConfiguration();
        setting(out, serverSetting(own, "server.port"), "HTTP port of the emulated APIs (and of the control plane"
                + " under /_emulator/ unless " + ControlProperties.Admin.PORT_SETTING + " is set); 0 picks a free"
                + " port.");
        setting(out, "--server.address=<all interfaces>", "Address to listen on, e.g. 127.0.0.1.");
        setting(out, serverSetting(own, "server.netty.idle-timeout"), "Kept-alive connections with no request in"
                + " flight are closed after this long.");
        setting(out, serverSetting(own, "server.netty.max-initial-line-length"), "Longest request line (method, URL"
                + " with query, version); a longer one gets 414 RequestURITooLong.");
        setting(out, serverSetting(own, "server.max-http-request-header-size"), "Largest header block; a larger one"
                + " gets 431 RequestHeaderFieldsTooLarge.");
        line(out, "");
        line(out, "Emulator:");
        for (Setting s : settings()) {
            setting(out, s.usage(), s.description());
        }
        line(out, "");
        line(out, "Control plane, signatures, faults and data: see README.md.");
        return out.toString();
    }

    private static void line(StringBuilder out, String text) {
        out.append(text).append(System.lineSeparator());
    }

    private static void setting(StringBuilder out, String usage, String description) {
        line(out, "  " + usage);
        StringBuilder current = new StringBuilder("      ");
        for (String word : String.valueOf(description).split(" ")) {
            if (current.length() + 1 + word.length() > WIDTH && current.length() > 6) {
                line(out, current.toString());
                current = new StringBuilder("      ");
            }
            current.append(current.length() > 6 ? " " : "").append(word);
        }
        line(out, current.toString());
    }

    /** Every {@code emulator.*} setting of the metadata, by name. */
    public static List<Setting> settings() {
        JsonMapper json = JsonMapper.builder().build();
        List<Setting> settings = new ArrayList<>();
        try {
            for (URL url : metadata()) {
                try (InputStream in = url.openStream()) {
                    for (JsonNode p : json.readTree(in).path("properties")) {
                        String name = p.path("name").asString();
                        if (name.startsWith("emulator.")) {
                            JsonNode value = p.get("defaultValue");
                            settings.add(new Setting(name, p.path("type").asString(),
                                    value == null || value.isNull() ? null : value.asString(),
                                    p.path("description").asString(null)));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        settings.sort(Comparator.comparing(Setting::name));
        return settings;
    }

    /**
     * The emulator's own metadata, which the build also copies to {@link #OWN_METADATA}; only without that copy (classes
     * compiled outside Maven) every metadata file on the class path. Every start reads it (see {@link UnknownSettings}),
     * and Spring Boot's own metadata, megabytes of JSON, took 15-25 ms of a start.
     */
    private static List<URL> metadata() throws IOException {
        URL own = CommandLineHelp.class.getClassLoader().getResource(OWN_METADATA);
        return own != null ? List.of(own)
                : Collections.list(CommandLineHelp.class.getClassLoader().getResources(METADATA));
    }
}
