package dev.martech.testkit;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The four specs as the generator sees them: read from the {@code dev.martech:specs} classpath resources
 * ({@code dev/martech/specs/<file>}) with swagger-parser's {@link OpenAPIParser} and {@code resolve=true}, the
 * options the openapi-generator uses; a Swagger 2.0 document goes through the same parser's v2 converter, so
 * parameters, bodies and collection formats are read exactly as the generated code was generated from them.
 * Parsed once per JVM and file.
 */
public final class ContractSpecs {
    private static final String RESOURCE_DIR = "dev/martech/specs/";
    private static final Map<String, OpenAPI> CACHE = new ConcurrentHashMap<>();

    private ContractSpecs() {
    }

    /** The parsed spec of {@code fileName} (e.g. {@code targeting.json}); cached. */
    public static OpenAPI load(String fileName) {
        return CACHE.computeIfAbsent(fileName, ContractSpecs::parse);
    }

    private static OpenAPI parse(String fileName) {
        String resource = RESOURCE_DIR + fileName;
        String text;
        try (InputStream in = ContractSpecs.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("spec resource " + resource
                        + " is not on the classpath (test dependency dev.martech:specs missing?)");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(text, null, options);
        if (result.getOpenAPI() == null) {
            throw new IllegalStateException("spec " + fileName + " does not parse: " + result.getMessages());
        }
        return result.getOpenAPI();
    }
}
