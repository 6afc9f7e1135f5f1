package dev.martech.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * README.md's Java blocks are exactly the {@code // region readme:...} regions of {@link ReadmeSnippetsTest}
 * (de-indented), in both directions, so a snippet in the README always compiles and runs.
 */
class ReadmeSyncTest {
    private static final Path ROOT = Path.of(System.getProperty("maven.multiModuleProjectDirectory",
            Path.of("").toAbsolutePath().getParent().toString()));

    @Test
    void everyReadmeJavaBlockIsACompiledSnippetAndEverySnippetIsInTheReadme() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        String source = Files.readString(ROOT.resolve("examples/src/test/java/dev/martech/examples/ReadmeSnippetsTest.java"),
                StandardCharsets.UTF_8);

        Map<String, String> regions = new LinkedHashMap<>();
        Matcher r = Pattern.compile("(?m)^[ \\t]*// region readme:([\\w-]+)\\n(.*?)^[ \\t]*// endregion", Pattern.DOTALL).matcher(source);
        while (r.find()) {
            regions.put(r.group(1), dedent(r.group(2)));
        }
        List<String> blocks = new ArrayList<>();
        Matcher b = Pattern.compile("(?m)^```java\\n(.*?)^```", Pattern.DOTALL).matcher(readme);
        while (b.find()) {
            blocks.add(dedent(b.group(1)));
        }

        assertThat(regions).as("snippet regions").isNotEmpty();
        for (String block : blocks) {
            assertThat(regions.values()).as("README block not found among the compiled snippets:%n%s", block).contains(block);
        }
        for (Map.Entry<String, String> e : regions.entrySet()) {
            assertThat(blocks).as("snippet '%s' is not shown in README.md", e.getKey()).contains(e.getValue());
        }
    }

    static String dedent(String text) {
        String[] lines = text.split("\n", -1);
        int indent = Integer.MAX_VALUE;
        for (String line : lines) {
            if (!line.isBlank()) {
                indent = Math.min(indent, line.length() - line.stripLeading().length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            sb.append(line.isBlank() ? "" : line.substring(Math.min(indent, line.length())).stripTrailing()).append('\n');
        }
        return sb.toString().strip();
    }
}
