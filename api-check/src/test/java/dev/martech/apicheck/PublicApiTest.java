package dev.martech.apicheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublicApiTest {
    /** The fixture classes compiled with the tests, laid out as a module's target/classes. */
    private static Path fixtureClasses(Path root) throws Exception {
        Path testClasses = Path.of(PublicApiTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path classes = Files.createDirectories(root.resolve("mod/target/classes"));
        try (var files = Files.walk(testClasses.resolve("dev/martech/apicheck/fixture"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = classes.resolve(testClasses.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return classes;
    }

    @Test
    void dumpsPublicAndProtectedTypesAndMembersOnly(@TempDir Path root) throws Exception {
        String dump = PublicApi.dump(fixtureClasses(root), getClass().getClassLoader());
        assertThat(dump).isEqualTo("""
                public class dev.martech.apicheck.fixture.Widget
                  implements java.lang.Comparable<dev.martech.apicheck.fixture.Widget>
                  protected void hook()
                  public dev.martech.apicheck.fixture.Widget(java.lang.String)
                  public int compareTo(dev.martech.apicheck.fixture.Widget)
                  public java.util.List<java.lang.String> names()
                  public static final int LIMIT

                public static final class dev.martech.apicheck.fixture.Widget$Part
                  public dev.martech.apicheck.fixture.Widget$Part()
                  public void use()
                """);
    }

    @Test
    void aDifferentDumpFailsNamingTheUpdateCommandAndUpdateRewritesIt(@TempDir Path root) throws Exception {
        fixtureClasses(root);
        Path api = Files.createDirectories(root.resolve("mod/api")).resolve("mod.api");
        Files.writeString(api, "public class dev.martech.apicheck.fixture.Widget\n  public void removed()\n");
        String[] check = {root.toString(), "mod", "false"};

        assertThatThrownBy(() -> PublicApi.main(check)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(PublicApi.UPDATE_COMMAND)
                .hasMessageContaining("- public class dev.martech.apicheck.fixture.Widget :: public void removed()")
                .hasMessageContaining("+ public class dev.martech.apicheck.fixture.Widget :: public java.util.List<java.lang.String> names()");

        PublicApi.main(new String[] {root.toString(), "mod", "true"});
        PublicApi.main(check); // matches now
        assertThat(Files.readString(api)).contains("names()");
    }
}
