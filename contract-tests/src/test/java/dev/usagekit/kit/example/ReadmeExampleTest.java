package dev.usagekit.kit.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README shows UsageClientTest verbatim, so what users copy is what the build runs. */
class ReadmeExampleTest {

    static final String EXAMPLE = "src/test/java/dev/usagekit/kit/example/UsageClientTest.java";
    static final String MARKER = "(`contract-tests/" + EXAMPLE + "`):";

    @Test
    void readmeEmbedsTheExampleTestVerbatim() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int intro = readme.indexOf(MARKER);
        assertTrue(intro >= 0, "README names the example file as " + MARKER);
        int open = readme.indexOf("```java\n", intro);
        int close = readme.indexOf("\n```\n", open);
        assertTrue(open >= 0 && close > open, "a ```java block follows " + MARKER);

        String block = readme.substring(open + "```java\n".length(), close + 1);

        assertEquals(Files.readString(Path.of(EXAMPLE)), block);
    }
}
