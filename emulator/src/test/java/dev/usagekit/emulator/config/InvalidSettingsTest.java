package dev.usagekit.emulator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.usagekit.emulator.EmulatorApplication;
import dev.usagekit.emulator.catalogue.Account;
import dev.usagekit.emulator.core.ActionHandler;
import dev.usagekit.emulator.core.ActionRegistry;
import dev.usagekit.emulator.core.EmulatorState;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A setting the emulator cannot work with stops it at startup with Spring Boot's short report naming the setting and
 * the problem, not a page of bean-creation failures (and never silently, as a negative body limit or a misspelt
 * action in a limit override did).
 */
@ExtendWith(OutputCaptureExtension.class)
class InvalidSettingsTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            emulator.max-body-size                                | -5B                      | emulator.max-body-size: must be above 0: -5B
            emulator.request-timeout                              | 0s                       | emulator.request-timeout: must be above 0: PT0S
            emulator.journal.size                                 | 0                        | emulator.journal.size: must be at least 1: 0
            emulator.faults.max                                   | 0                        | emulator.faults.max: must be at least 1: 0
            emulator.fixtures                                     | file:/no/such/file.yaml  | emulator.fixtures: not found: file:/no/such/file.yaml
            emulator.fixtures                                     | classpath:usagekit/fixtures/test/scale-too-large.yaml | the scale of Live domain d.com must be above 0 and at most 1000
            emulator.fixtures                                     | /no/such/file.yaml       | emulator.fixtures: not found: /no/such/file.yaml is neither a file (/no/such/file.yaml) nor on the class path
            emulator.fixtures                                     | classpath:no/such.yaml   | emulator.fixtures: not found: classpath:no/such.yaml
            emulator.fixtures                                     | /tmp                     | emulator.fixtures: is a directory, not a catalogue file: /tmp
            emulator.fixtures                                     | file:/tmp                | emulator.fixtures: is a directory, not a catalogue file: file:/tmp
            emulator.credentials                                  | testid:x                 | emulator.credentials: entry 1 of 1 has the access key testid of catalogue account 2100000001; give another key or leave the entry out
            emulator.credentials                                  | a:b,a:c                  | emulator.credentials: entries 1 and 2 of 2 have the same access key a
            emulator.credentials                                  | AKonly                   | emulator.credentials: entries must be AK:SK; entry 1 of 1 is not (no colon)
            emulator.clock.fixed                                  | 9999-12-31T12:00:00Z     | emulator.clock.fixed: the virtual clock stays between
            emulator.default-vendor                               | azure                    | emulator.default-vendor: must be VOLCENGINE or ALIYUN: azure
            emulator.limits.overrides.ListOperationDistributon    | 5/s                      | emulator.limits.overrides.ListOperationDistributon: no action is named ListOperationDistributon; the actions are ListOperationDistribution, DescribeLivePullToPushBandwidthData, DescribeLiveTranscodeData, DescribeLiveProducerUsageData
            emulator.limits.overrides.ListOperationDistribution   | 5/hour                   | emulator.limits.overrides.ListOperationDistribution: rate limit period must be s or min: 5/hour
            emulator.limits.overrides.ListOperationDistribution   | five/s                   | rate limit must start with a whole number of calls: five/s
            emulator.limits.overrides.ListOperationDistribution   | 0/s                      | rate limit must allow at least 1 call (or be off): 0/s
            emulator.aliyun.signature-mismatch-status             | 200                      | emulator.aliyun.signature-mismatch-status: must be 400 or 403 (the statuses the vendor's tables give): 200
            emulator.aliyun.signature-mismatch-status             | 500                      | emulator.aliyun.signature-mismatch-status: must be 400 or 403 (the statuses the vendor's tables give): 500
            emulator.aliyun.access-key-not-found-status           | 403                      | emulator.aliyun.access-key-not-found-status: must be 400 or 404 (the statuses the vendor's tables give): 403
            emulator.admin.port                                   | 70000                    | emulator.admin.port: must be a TCP port (0 for any free one, up to 65535): 70000
            emulator.admin.token                                  | ' s3cret'                | emulator.admin.token: must be visible ASCII, with spaces or tabs only between other characters, for the X-Emulator-Token header to carry it unchanged; character 1 is a space or tab at its start
            emulator.admin.token                                  | 's3cret '                | emulator.admin.token: must be visible ASCII, with spaces or tabs only between other characters, for the X-Emulator-Token header to carry it unchanged; character 7 is a space or tab at its end
            emulator.admin.token                                  | sécret                   | emulator.admin.token: must be visible ASCII, with spaces or tabs only between other characters, for the X-Emulator-Token header to carry it unchanged; character 2 is not ASCII
            emulator.port-file                                    | /no/such/dir/usagekit.port | emulator.port-file: cannot write /no/such/dir/usagekit.port
            emulator.signature-time-window                        | 500ms                    | emulator.signature-time-window: must be from 1s to 36500d: PT0.5S
            emulator.signature-time-window                        | -15m                     | emulator.signature-time-window: must be from 1s to 36500d: PT-15M
            emulator.signature-time-window                        | 36501d                   | emulator.signature-time-window: must be from 1s to 36500d: PT876024H
            emulator.event-loop-threads                           | -1                       | emulator.event-loop-threads: must be 0 (automatic) or 1 to 1024: -1
            emulator.event-loop-threads                           | 1025                     | emulator.event-loop-threads: must be 0 (automatic) or 1 to 1024: 1025
            emulator.live.audio-resolution                        | mute                     | emulator.live.audio-resolution: must be one of [0, 0P]: mute
            emulator.sede                                         | 7                        | emulator.sede: no such setting; --help lists them all
            emulator.clock.frozn                                  | true                     | emulator.clock.frozn: no such setting
            emulator.admin.tokn                                   | secret                   | emulator.admin.tokn: no such setting
            """)
    void stopsStartupWithAReportNamingTheSetting(String setting, String value, String problem, CapturedOutput output) {
        assertThatThrownBy(() -> EmulatorApplication.standalone()
                .run("--server.port=0", "--" + setting + "=" + value).close())
                .hasStackTraceContaining(InvalidSettingException.class.getName());

        assertThat(output).contains("APPLICATION FAILED TO START").contains(problem)
                .contains("Correct or remove " + setting).doesNotContain(setting + ": " + setting);
    }

    /**
     * A value of the wrong type gets Spring Boot's binding report at startup, the control plane's settings too (an
     * unreadable emulator.admin.enabled used to start the emulator and fail its first control call instead).
     */
    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            emulator.admin.enabled    | maybe
            emulator.admin.allow-remote | sometimes
            emulator.admin.port       | abc
            emulator.journal.size     | x
            emulator.seed             | 1.5
            emulator.signature-time-window | soon
            """)
    void aValueOfTheWrongTypeStopsStartup(String setting, String value, CapturedOutput output) {
        assertThatThrownBy(() -> EmulatorApplication.standalone()
                .run("--server.port=0", "--" + setting + "=" + value).close());

        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("'" + setting + "'").contains("Value: \"" + value + "\"");
    }

    /** The control plane on the API's own port would fail to bind after the banner, with a page of Netty trace. */
    @Test
    void anAdminPortEqualToTheServerPortOrInUseIsNamed(CapturedOutput output) throws Exception {
        assertThatThrownBy(() -> EmulatorApplication.standalone()
                .run("--server.port=19511", "--emulator.admin.port=19511").close())
                .hasStackTraceContaining("emulator.admin.port: must differ from server.port (both 19511); leave it out"
                        + " to serve the control plane on the main port");
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThatThrownBy(() -> EmulatorApplication.standalone()
                    .run("--server.port=0", "--emulator.admin.port=" + taken.getLocalPort()).close())
                    .hasStackTraceContaining("emulator.admin.port: cannot listen on 0.0.0.0:" + taken.getLocalPort());
        }
        assertThat(output).contains("Correct or remove emulator.admin.port").doesNotContain("ChannelBindException");
    }

    /**
     * A token a header cannot carry is refused with the control plane on its own port too, where it is built as that
     * port opens; the report names the character's position, never the token.
     */
    @Test
    void aTokenWithAControlCharacterIsRefusedWithTheControlPlaneOnItsOwnPort(CapturedOutput output) {
        assertThatThrownBy(() -> EmulatorApplication.standalone()
                .run("--server.port=0", "--emulator.admin.port=0", "--emulator.admin.token=s3cret\r").close())
                .hasStackTraceContaining("emulator.admin.token: must be visible ASCII, with spaces or tabs only"
                        + " between other characters, for the X-Emulator-Token header to carry it unchanged;"
                        + " character 7 is a control character");
        assertThat(output).contains("Correct or remove emulator.admin.token").doesNotContain("s3cret");
    }

    /**
     * The built jar makes beans when first needed, and the main port's control routes are first needed by the first
     * control call: a token checked there let the emulator start and answered every control call with a bare 500.
     */
    @Test
    void aTokenAHeaderCannotCarryIsRefusedAtStartupWhenBeansAreMadeLazily(CapturedOutput output) {
        assertThatThrownBy(() -> EmulatorApplication.standalone().run("--server.port=0",
                "--spring.main.lazy-initialization=true", "--emulator.admin.token=sécret").close())
                .hasStackTraceContaining("emulator.admin.token: must be visible ASCII, with spaces or tabs only"
                        + " between other characters, for the X-Emulator-Token header to carry it unchanged;"
                        + " character 2 is not ASCII");
        assertThat(output).contains("Correct or remove emulator.admin.token").doesNotContain("sécret");
    }

    /**
     * A value without a prefix that names a file is that file (it used to be looked up on the class path alone), and
     * an action's limit may be named in lower case, as an environment variable reaches Spring.
     */
    @Test
    void aPrefixlessFileAndALowerCaseActionAreRead() throws Exception {
        Path catalogue = Files.createTempFile("catalogue", ".yaml");
        Files.writeString(catalogue, "accounts:\n  - {accountId: \"2100000077\", name: from-file}\n");
        try (var context = EmulatorApplication.standalone().run("--server.port=0",
                "--emulator.fixtures=" + catalogue, "--emulator.limits.overrides.listoperationdistribution=1/s")) {
            assertThat(context.getBean(EmulatorState.class).fixtureAccounts()).extracting(Account::name)
                    .containsExactly("from-file");
            ActionRegistry registry = context.getBean(ActionRegistry.class);
            ActionHandler<?> rtc = registry.all().stream()
                    .filter(h -> h.spec().action().equals("ListOperationDistribution")).findFirst().orElseThrow();
            assertThat(context.getBean(RateLimits.class).limitFor(rtc)).hasToString("1/s");
            // a reset restores the startup limits, under the action's own name
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            java.net.http.HttpResponse<String> reset = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                            + "/_emulator/reset")).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
            assertThat(context.getBean(RateLimits.class).limitFor(rtc)).hasToString("1/s");
        } finally {
            Files.delete(catalogue);
        }
    }
}
