package dev.martech.specs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Test;

/**
 * The recovery scripts run on any checkout: they find the seeds as {@code ../shared} beside the repository
 * (or take them as arguments), never at an absolute path of one machine.
 */
@DisplayNameGeneration(MethodNameDisplayNames.class)
class RecoveryScriptsTest {

    /** A quoted absolute path into a machine's directories, e.g. {@code "/work/shared/seeds/..."}. */
    private static final Pattern MACHINE_PATH =
            Pattern.compile("[\"'`]/(?:work|home|Users|tmp|mnt|opt|srv|root|var)/");

    @Test
    void recoveryFilesNameNoAbsoluteMachinePath() throws IOException {
        Path recovery = Specs.specsDir().resolve("recovery");
        List<String> hits = new ArrayList<>();
        int[] files = {0};
        try (Stream<Path> all = Files.walk(recovery)) {
            for (Path file : (Iterable<Path>) all.filter(RecoveryScriptsTest::isText)::iterator) {
                files[0]++;
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    if (MACHINE_PATH.matcher(lines.get(i)).find()) {
                        hits.add(recovery.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertThat(files[0]).as("recovery files found").isGreaterThan(10);
        assertThat(hits).as("absolute machine paths in specs/recovery").isEmpty();
    }

    private static boolean isText(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".py") || name.endsWith(".md") || name.endsWith(".yaml"));
    }
}
