package dev.martech.specs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.DisplayNameGeneration;

/** The module's jar carries each spec, unchanged, at {@code dev/martech/specs/<file>}. */
@DisplayNameGeneration(MethodNameDisplayNames.class)
class ClasspathResourceTest {

    @EachSpec
    void packagedAsClasspathResource(Spec spec) throws IOException {
        byte[] onDisk = Specs.bytes(spec);
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(spec.classpathResource())) {
            assertThat(in).as("%s: classpath resource %s", spec, spec.classpathResource()).isNotNull();
            byte[] packaged = in.readAllBytes();
            assertThat(describe(packaged))
                    .as("%s: classpath copy %s equals the checked-in file %s", spec, spec.classpathResource(),
                            Specs.file(spec))
                    .isEqualTo(describe(onDisk));
        }
    }

    private static String describe(byte[] bytes) {
        try {
            return bytes.length + " bytes, sha-256 "
                    + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
