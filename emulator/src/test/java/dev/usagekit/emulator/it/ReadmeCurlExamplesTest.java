package dev.usagekit.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.usagekit.emulator.EmulatorApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's "Try the four actions with curl": the emulator started with the settings of the command it gives, and
 * every {@code curl} of its shell block sent as the shell would send it, so the examples users paste keep working.
 * The same for every {@code curl} of "Control plane", in the README's order, on that emulator.
 */
class ReadmeCurlExamplesTest {

    static final String SECTION = "## Try the four actions with curl";
    static final String CONTROL_PLANE = "## Control plane";
    /** The README's example file stands for any catalogue: the test sends the shipped default one. */
    static final Map<String, Path> FILES = Map.of("my-catalogue.yaml",
            Path.of("..", "fixtures", "src", "main", "resources", "usagekit", "fixtures", "default-catalogue.yaml"));
    static final String COMMAND = "`java -jar emulator/target/usagekit-emulator-exec.jar ";
    static final Pattern ASSIGNMENT = Pattern.compile("^([A-Z_]+)=(?:'([^']*)'|(\\S+))$");
    static final Pattern EXPANSION = Pattern.compile("\\$\\{([A-Z_]+)(?:/([^/}]*)/([^}]*))?}|\\$([A-Z_]+)");

    private static ConfigurableApplicationContext context;
    private static int port;

    record Curl(String method, String url, Map<String, String> headers, String body) {
        @Override
        public String toString() {
            Matcher action = Pattern.compile("Action=([^&]+)").matcher(url);
            return method + " " + (action.find() ? action.group(1) : url);
        }
    }

    @BeforeAll
    static void startAsTheReadmeSays() throws Exception {
        List<String> args = new ArrayList<>(settingsOfTheCommand(section(SECTION)));
        args.add("--server.port=0");
        context = EmulatorApplication.standalone().run(args.toArray(String[]::new));
        port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @BeforeEach
    @AfterEach
    void reset() throws Exception {
        send(new Curl("POST", "http://127.0.0.1:8080/_emulator/reset", Map.of(), null));
    }

    static String section(String title) throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf(title);
        assertThat(start).as("README has the section " + title).isNotNegative();
        int end = readme.indexOf("\n## ", start + title.length());
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    static List<String> settingsOfTheCommand(String section) {
        int at = section.indexOf(COMMAND);
        assertThat(at).as("the section gives the command that starts the emulator").isNotNegative();
        String command = section.substring(at + COMMAND.length(), section.indexOf('`', at + COMMAND.length()));
        List<String> settings = List.of(command.trim().split("\\s+"));
        assertThat(settings).allMatch(s -> s.startsWith("--emulator."));
        return settings;
    }

    static Stream<Curl> curls() throws Exception {
        List<Curl> curls = curlsOf(section(SECTION));
        assertThat(curls).as("one curl per action").hasSize(4);
        return curls.stream();
    }

    /** Every {@code curl} of the section's bash blocks, in order, with the variables its blocks set. */
    static List<Curl> curlsOf(String section) {
        Map<String, String> variables = new HashMap<>();
        List<Curl> curls = new ArrayList<>();
        for (int open = section.indexOf("```bash\n"); open >= 0; open = section.indexOf("```bash\n", open + 1)) {
            String block = section.substring(open + "```bash\n".length(), section.indexOf("\n```", open));
            for (String line : block.replace("\\\n", " ").split("\n")) {
                Matcher assignment = ASSIGNMENT.matcher(line.trim());
                if (assignment.matches()) {
                    variables.put(assignment.group(1),
                            assignment.group(2) != null ? assignment.group(2) : assignment.group(3));
                } else if (line.startsWith("curl ")) {
                    curls.add(curl(words(line, variables)));
                }
            }
        }
        return curls;
    }

    /** The command line as bash splits it: single quotes literal, variables expanded unquoted and in double quotes. */
    static List<String> words(String line, Map<String, String> variables) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                continue;
            }
            word = word == null ? new StringBuilder() : word;
            if (c == '\'') {
                int close = line.indexOf('\'', i + 1);
                word.append(line, i + 1, close);
                i = close;
            } else if (c == '"') {
                int close = line.indexOf('"', i + 1);
                word.append(expand(line.substring(i + 1, close), variables));
                i = close;
            } else {
                int end = i;
                while (end < line.length() && !Character.isWhitespace(line.charAt(end)) && line.charAt(end) != '\''
                        && line.charAt(end) != '"') {
                    end++;
                }
                word.append(expand(line.substring(i, end), variables));
                i = end - 1;
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    /** {@code $NAME}, {@code ${NAME}} and bash's {@code ${NAME/pattern/replacement}} (first match replaced). */
    static String expand(String text, Map<String, String> variables) {
        Matcher m = EXPANSION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(4);
            assertThat(variables).as("the block sets $" + name).containsKey(name);
            String value = variables.get(name);
            if (m.group(2) != null) {
                value = value.replaceFirst(Pattern.quote(m.group(2)), Matcher.quoteReplacement(m.group(3)));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    static String file(String argument) {
        assertThat(argument).as("--data-binary reads a file").startsWith("@");
        Path file = FILES.get(argument.substring(1));
        assertThat(file).as("a file the test stands in for: " + argument).isNotNull();
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Curl curl(List<String> words) {
        String method = "GET";
        String url = null;
        String body = null;
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < words.size(); i++) {
            switch (words.get(i)) {
                case "-s" -> { }
                case "-X" -> method = words.get(++i);
                case "-H" -> {
                    String header = words.get(++i);
                    int colon = header.indexOf(':');
                    headers.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
                }
                case "-d" -> body = words.get(++i);
                case "--data-binary" -> body = file(words.get(++i));
                case "-o" -> i++; // where curl would save the answer
                default -> {
                    assertThat(words.get(i)).as("a curl option this test knows").startsWith("http://");
                    url = words.get(i);
                }
            }
        }
        if (body != null && method.equals("GET")) {
            method = "POST";
        }
        return new Curl(method, url, headers, body);
    }

    static HttpResponse<String> send(Curl curl) throws Exception {
        URI uri = URI.create(curl.url().replace("127.0.0.1:8080", "127.0.0.1:" + port));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(curl.method(), curl.body() == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(curl.body()));
        curl.headers().forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyControlPlaneCurlIsAnsweredInTheReadmesOrder() throws Exception {
        List<Curl> curls = curlsOf(section(CONTROL_PLANE));
        assertThat(curls).as("the section's examples").hasSizeGreaterThanOrEqualTo(15);
        for (Curl curl : curls) {
            HttpResponse<String> response = send(curl);
            assertThat(response.statusCode()).as("%s %s: %s", curl.method(), curl.url(), response.body())
                    .isEqualTo(200);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("curls")
    void everyCurlIsAnsweredWithData(Curl curl) throws Exception {
        HttpResponse<String> response = send(curl);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = JsonMapper.builder().build().readTree(response.body());
        if (answer.has("ResponseMetadata")) {
            assertThat(answer.path("ResponseMetadata").has("Error")).as(response.body()).isFalse();
            assertThat(answer.path("Result").isEmpty()).as("a result with data").isFalse();
        } else {
            assertThat(answer.has("Code")).as(response.body()).isFalse();
            assertThat(answer.path("BillProducerData").path("BillProducerDataItem").isEmpty())
                    .as("usage data").isFalse();
        }
    }

    @Test
    void theShellSplitsAsBashWould() {
        Map<String, String> vars = Map.of("AUTH", "HMAC Credential=k/d/r/live/request");
        assertThat(words("curl -s -H \"Authorization: ${AUTH/live/rtc}\" -d '{\"a\": 1}' 'http://h/?x=1&y=2'", vars))
                .containsExactly("curl", "-s", "-H", "Authorization: HMAC Credential=k/d/r/rtc/request", "-d",
                        "{\"a\": 1}", "http://h/?x=1&y=2");
        assertThat(words("-H \"Authorization: $AUTH\"", vars))
                .containsExactly("-H", "Authorization: HMAC Credential=k/d/r/live/request");
    }
}
