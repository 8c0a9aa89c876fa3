package dev.usagekit.kit.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usagekit.kit.EmulatorControl;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
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

    /** The README's list of what {@code EmulatorControl} does names each of its public methods. */
    @Test
    void readmeListsEveryControlMethod() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int list = readme.indexOf("- `EmulatorControl` drives the control plane:");
        assertTrue(list >= 0, "README lists EmulatorControl's methods");
        String entry = readme.substring(list, readme.indexOf("\n- ", list + 1));

        List<String> unlisted = Arrays.stream(EmulatorControl.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic())
                .map(Method::getName)
                .distinct()
                .filter(name -> !entry.contains("`" + name + "("))
                .toList();

        assertEquals(List.of(), unlisted, "public methods of EmulatorControl the README does not name");
    }
}
