package dev.usagekit.emulator.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code --help} and {@code --version}, and the README's settings table, against the settings the code binds. */
class CommandLineHelpTest {

    private static final Pattern README_ROW = Pattern.compile("^\\| `(emulator\\.[^`]+)` \\|");

    @Test
    void theMetadataHoldsTheSettingsOfEverySettingsClass() {
        assertThat(CommandLineHelp.settings()).extracting(CommandLineHelp.Setting::name)
                .contains("emulator.seed", "emulator.clock.fixed", "emulator.limits.overrides",
                        "emulator.journal.size", "emulator.admin.port", "emulator.admin.allow-remote");
    }

    @Test
    void theBuildCopiesTheEmulatorsOwnMetadataWhereAStartReadsIt() {
        // without the copy every start would read Spring Boot's metadata too, megabytes of JSON
        assertThat(CommandLineHelp.class.getClassLoader().getResource(CommandLineHelp.OWN_METADATA)).isNotNull();
    }

    @Test
    void everySettingHasADescription() {
        assertThat(CommandLineHelp.settings()).allSatisfy(s -> assertThat(s.description()).as(s.name()).isNotBlank());
    }

    @Test
    void helpListsEverySettingWithItsDefault() {
        String help = CommandLineHelp.answer(new String[] {"--server.port=0", "--help"}).orElseThrow();
        assertThat(help).contains("--server.port=8080", "--emulator.seed=20240101", "--emulator.max-body-size=1MB",
                "--emulator.signature-mode=strict", "--emulator.clock.fixed=<Instant>",
                "--emulator.limits.overrides.<Action>=<value>", "--emulator.admin.token=<String>");
        CommandLineHelp.settings().forEach(s -> assertThat(help).contains("--" + s.name()));
        assertThat(help.lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(100));
        assertThat(CommandLineHelp.answer(new String[] {"-h"})).contains(help);
    }

    @Test
    void helpListsEveryServerSettingOfTheReadmeTableWithItsDefault() throws IOException {
        String help = CommandLineHelp.answer(new String[] {"--help"}).orElseThrow();
        Pattern serverRow = Pattern.compile("^\\| `(server\\.[^`]+)` \\| `([^`]+)` \\|");
        List<String> usages = Files.readAllLines(Path.of("..", "README.md")).stream().map(serverRow::matcher)
                .filter(Matcher::find).map(m -> "--" + m.group(1) + "=" + m.group(2)).toList();
        assertThat(usages).hasSizeGreaterThanOrEqualTo(4);
        assertThat(help).contains(usages);
    }

    @Test
    void versionPrintsTheVersion() {
        assertThat(CommandLineHelp.answer(new String[] {"--version"}))
                .hasValueSatisfying(v -> assertThat(v).startsWith("usagekit emulator "));
    }

    @Test
    void otherArgumentsStartTheEmulator() {
        assertThat(CommandLineHelp.answer(new String[] {"--server.port=0", "--emulator.seed=7"})).isEmpty();
        assertThat(CommandLineHelp.answer(new String[0])).isEmpty();
    }

    @Test
    void theReadmeTableListsExactlyTheSettingsTheEmulatorBinds() throws IOException {
        List<String> documented = Files.readAllLines(Path.of("..", "README.md")).stream()
                .map(README_ROW::matcher).filter(Matcher::find)
                .map(m -> m.group(1).replace(".<Action>", "")).toList();
        assertThat(documented).containsExactlyInAnyOrderElementsOf(
                CommandLineHelp.settings().stream().map(CommandLineHelp.Setting::name).toList());
    }
}
