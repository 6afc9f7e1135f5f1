package dev.martech.specs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Test;

/**
 * Each spec parses with swagger-parser (the parser openapi-generator uses, so a clean parse here means a
 * clean parse in the client builds) and has the expected number of operations.
 */
@DisplayNameGeneration(MethodNameDisplayNames.class)
class SpecParsingTest {

    private static final int TOTAL_OPERATIONS = 474;
    private static final int SOCIALHUB_PATHS = 241;

    @EachSpec
    void declaresItsFormatVersion(Spec spec) {
        assertThat(Specs.raw(spec).path(spec.versionField()).asText(null))
                .as("%s: root field '%s'", spec, spec.versionField())
                .isEqualTo(spec.version());
    }

    @EachSpec
    void parsesWithoutMessages(Spec spec) {
        SwaggerParseResult result = Specs.parsed(spec);
        assertThat(result).as("%s: parse result", spec).isNotNull();
        assertThat(result.getMessages())
                .as("%s: swagger-parser messages (resolve=true%s)", spec,
                        spec.isSwagger2() ? ", via the Swagger 2.0 converter" : "")
                .isNullOrEmpty();
        assertThat(result.getOpenAPI()).as("%s: parsed model (swagger-parser could not read the document)", spec)
                .isNotNull();
    }

    /**
     * swagger-parser's Swagger 2.0 reader is lenient: it reports nothing for a broken {@code $ref} or an unknown
     * type, and for some errors (an unknown {@code in:}) returns no model and no message either. So the
     * SocialHub model, as converted to OpenAPI 3 for the generator, is written out and read back with the
     * OpenAPI 3 parser, which does report such problems.
     */
    @Test
    void socialhubConvertedModelReparsesWithoutMessages() {
        OpenAPI converted = Specs.parsed(Spec.SOCIALHUB).getOpenAPI();
        assertThat(converted).as("socialhub: converted model (swagger-parser could not read the document)")
                .isNotNull();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult reparsed = new OpenAPIV3Parser().readContents(Json.pretty(converted), null, options);
        assertThat(reparsed.getMessages()).as("socialhub: messages re-reading the converted OpenAPI 3 model")
                .isNullOrEmpty();
        assertThat(reparsed.getOpenAPI()).as("socialhub: re-read model").isNotNull();
    }

    @EachSpec
    void hasNoDuplicateKeys(Spec spec) {
        assertThatCode(() -> Specs.mapperFor(spec, true).readTree(Specs.file(spec).toFile()))
                .as("%s: strict (duplicate-key-detecting) load", spec)
                .doesNotThrowAnyException();
    }

    @EachSpec
    void hasExpectedOperationCount(Spec spec) {
        assertThat(Specs.operations(spec)).as("%s: operations in the file", spec)
                .hasSize(spec.operationCount());
        OpenAPI model = Specs.parsed(spec).getOpenAPI();
        assertThat(model).as("%s: parsed model", spec).isNotNull();
        assertThat(model.getPaths()).as("%s: parsed paths", spec).isNotNull();
        int parsedOperations = model.getPaths().values().stream()
                .mapToInt(item -> item.readOperations().size())
                .sum();
        assertThat(parsedOperations).as("%s: operations in the parsed model", spec)
                .isEqualTo(spec.operationCount());
    }

    @Test
    void totalOperationCountAcrossSpecs() {
        int total = Arrays.stream(Spec.values()).mapToInt(spec -> Specs.operations(spec).size()).sum();
        assertThat(total).as("operations across all four specs").isEqualTo(TOTAL_OPERATIONS);
    }

    @Test
    void socialhubPathCount() {
        assertThat(Specs.pathKeys(Spec.SOCIALHUB)).as("socialhub: paths in the file").hasSize(SOCIALHUB_PATHS);
        OpenAPI model = Specs.parsed(Spec.SOCIALHUB).getOpenAPI();
        assertThat(model).as("socialhub: parsed model").isNotNull();
        assertThat(model.getPaths()).as("socialhub: parsed paths").hasSize(SOCIALHUB_PATHS);
        for (PathItem item : model.getPaths().values()) {
            assertThat(item.readOperations()).as("socialhub: every path has an operation").isNotEmpty();
        }
    }
}
