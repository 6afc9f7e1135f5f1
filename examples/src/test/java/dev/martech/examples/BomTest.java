package dev.martech.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The BOM has no parent (so it leaks no third-party versions); keep it in step with the parent by test. */
class BomTest {
    private static final Path ROOT = Path.of(System.getProperty("maven.multiModuleProjectDirectory",
            Path.of("").toAbsolutePath().getParent().toString()));

    @Test
    void bomVersionAndPluginVersionsEqualTheParents() throws IOException {
        String parent = Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8);
        String bom = Files.readString(ROOT.resolve("bom/pom.xml"), StandardCharsets.UTF_8);
        assertThat(first(bom, "<artifactId>martech-sdk-bom</artifactId>\\s*<version>([^<]+)</version>"))
                .isEqualTo(first(parent, "<artifactId>martech-sdk-parent</artifactId>\\s*<version>([^<]+)</version>"));
        for (String plugin : new String[] {"maven-install-plugin", "maven-deploy-plugin", "maven-site-plugin"}) {
            assertThat(first(bom, "<artifactId>" + plugin + "</artifactId>\\s*<version>([^<]+)</version>"))
                    .as(plugin).isEqualTo(first(parent, "<" + plugin + ".version>([^<]+)</"));
        }
    }

    @Test
    void bomListsEveryPublishedArtifact() throws IOException {
        String bom = Files.readString(ROOT.resolve("bom/pom.xml"), StandardCharsets.UTF_8);
        for (String artifact : new String[] {"sdk-core", "targeting-client", "socialhub-client", "contacthub-client",
                "contactflow-client", "sandbox"}) {
            assertThat(bom).contains("<artifactId>" + artifact + "</artifactId>\n        <version>${project.version}</version>");
        }
    }

    private static String first(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex).isTrue();
        return m.group(1);
    }
}
