package dev.usagekit.kit.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The README shows the example tests verbatim, so what users copy is what the build runs. */
class ReadmeExampleTest {

    @ParameterizedTest
    @ValueSource(strings = {"UsageClientTest.java", "SpringBootUsageClientTest.java"})
    void readmeEmbedsTheExampleTestVerbatim(String name) throws Exception {
        String example = "src/test/java/dev/usagekit/kit/example/" + name;
        String marker = "(`contract-tests/" + example + "`):";
        String readme = Files.readString(Path.of("..", "README.md"));
        int intro = readme.indexOf(marker);
        assertTrue(intro >= 0, "README names the example file as " + marker);
        int open = readme.indexOf("```java\n", intro);
        int close = readme.indexOf("\n```\n", open);
        assertTrue(open >= 0 && close > open, "a ```java block follows " + marker);

        String block = readme.substring(open + "```java\n".length(), close + 1);

        assertEquals(Files.readString(Path.of(example)), block);
    }
}
