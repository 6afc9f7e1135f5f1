package dev.martech.specs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.LoaderOptions;

/** Loading and walking the spec files, shared by the test classes. Results are cached per spec. */
final class Specs {

    /**
     * Display-name pattern for a per-spec invocation. Under its method (named by {@link MethodNameDisplayNames})
     * Surefire's XML report then names it {@code methodName[spec]}, e.g. {@code operationIdsAreUnique[socialhub]}.
     */
    static final String DISPLAY_NAME = "[{0}]";

    /** The HTTP methods an OpenAPI 3.0 / Swagger 2.0 path item can hold an operation under. */
    static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    private static final Map<Spec, JsonNode> RAW = new ConcurrentHashMap<>();
    private static final Map<Spec, SwaggerParseResult> PARSED = new ConcurrentHashMap<>();

    private Specs() {
    }

    /** The directory holding the checked-in spec files (surefire passes the module's basedir). */
    static Path specsDir() {
        return Path.of(System.getProperty("martech.specs.dir", System.getProperty("user.dir")));
    }

    /** The repository root (the parent of the specs module). */
    static Path repoRoot() {
        String root = System.getProperty("martech.repo.root");
        return root != null ? Path.of(root) : specsDir().resolve("..");
    }

    /** The spec's file; fails (rather than skips) the calling test if it is missing. */
    static Path file(Spec spec) {
        Path file = specsDir().resolve(spec.fileName()).normalize();
        assertThat(file).as("spec file for %s", spec).isRegularFile();
        return file;
    }

    /** A YAML mapper with the SnakeYAML code-point limit raised, so large specs load. */
    static ObjectMapper yamlMapper(boolean strictDuplicates) {
        LoaderOptions loaderOptions = new LoaderOptions();
        loaderOptions.setCodePointLimit(64 * 1024 * 1024);
        YAMLMapper mapper = new YAMLMapper(YAMLFactory.builder().loaderOptions(loaderOptions).build());
        mapper.configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, strictDuplicates);
        return mapper;
    }

    static ObjectMapper mapperFor(Spec spec, boolean strictDuplicates) {
        if (spec.isJson()) {
            ObjectMapper mapper = new ObjectMapper();
            mapper.configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, strictDuplicates);
            return mapper;
        }
        return yamlMapper(strictDuplicates);
    }

    /** The spec file as a plain Jackson tree: no resolution, no conversion. */
    static JsonNode raw(Spec spec) {
        Path file = file(spec);
        return RAW.computeIfAbsent(spec, s -> {
            try {
                JsonNode node = mapperFor(s, false).readTree(file.toFile());
                assertThat(node).as("%s root", s).isNotNull();
                assertThat(node.isObject()).as("%s root is a mapping", s).isTrue();
                return node;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        });
    }

    /**
     * The spec as the generator's parser sees it: swagger-parser's {@link OpenAPIParser} with resolve=true
     * (a Swagger 2.0 document goes through the same parser's v2 converter).
     */
    static SwaggerParseResult parsed(Spec spec) {
        Path file = file(spec);
        return PARSED.computeIfAbsent(spec, s -> {
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            return new OpenAPIParser().readLocation(file.toAbsolutePath().toString(), null, options);
        });
    }

    /** One operation of the raw tree. */
    record Operation(String path, String method, JsonNode pathItem, JsonNode node) {
        String label() {
            return method.toUpperCase(java.util.Locale.ROOT) + " " + path;
        }

        /** The operation's own extension or field, or null. */
        JsonNode get(String field) {
            return node.get(field);
        }
    }

    /** Every operation under {@code paths} in the raw tree, in document order. */
    static List<Operation> operations(Spec spec) {
        JsonNode root = raw(spec);
        JsonNode paths = root.get("paths");
        assertThat(paths).as("%s has a paths mapping", spec).isNotNull();
        assertThat(paths.isObject()).as("%s paths is a mapping", spec).isTrue();
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : paths.properties()) {
            if (entry.getKey().startsWith("x-")) {
                continue;
            }
            JsonNode pathItem = followRefs(root, entry.getValue());
            if (pathItem == null || !pathItem.isObject()) {
                continue;
            }
            for (Map.Entry<String, JsonNode> op : pathItem.properties()) {
                if (HTTP_METHODS.contains(op.getKey())) {
                    operations.add(new Operation(entry.getKey(), op.getKey(), pathItem, op.getValue()));
                }
            }
        }
        return operations;
    }

    /** The path-item keys under {@code paths} (extensions excluded). */
    static List<String> pathKeys(Spec spec) {
        List<String> keys = new ArrayList<>();
        raw(spec).get("paths").fieldNames().forEachRemaining(k -> {
            if (!k.startsWith("x-")) {
                keys.add(k);
            }
        });
        return keys;
    }

    /**
     * The node a local {@code $ref} ("#/a/b~1c") points at, or null if it points nowhere. The fragment is
     * percent-decoded, then read as a JSON pointer (RFC 6901: ~1 is '/', ~0 is '~').
     */
    static JsonNode resolveLocalRef(JsonNode root, String ref) {
        if (!ref.startsWith("#")) {
            return null;
        }
        String pointer = percentDecode(ref.substring(1));
        if (pointer.isEmpty()) {
            return root;
        }
        if (!pointer.startsWith("/")) {
            return null;
        }
        JsonNode target = root.at(JsonPointer.compile(pointer));
        return target.isMissingNode() ? null : target;
    }

    /** Follows a chain of {@code $ref}s from {@code node}; null if one of them points nowhere or loops. */
    static JsonNode followRefs(JsonNode root, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < 32; hops++) {
            if (current == null || !current.isObject() || !current.path("$ref").isTextual()) {
                return current;
            }
            current = resolveLocalRef(root, current.get("$ref").asText());
        }
        return null;
    }

    /** Percent-decoding of a URI fragment (UTF-8); '+' is left alone, unlike form decoding. */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%' && i + 2 < bytes.length
                    && Character.digit(bytes[i + 1], 16) >= 0 && Character.digit(bytes[i + 2], 16) >= 0) {
                out.write(Character.digit(bytes[i + 1], 16) * 16 + Character.digit(bytes[i + 2], 16));
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Escapes one JSON-pointer token (for locations in failure messages). */
    static String escapeToken(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** The file's bytes; for comparing with the classpath copy. */
    static byte[] bytes(Spec spec) {
        try {
            return Files.readAllBytes(file(spec));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** At most {@code max} items, one a line, for failure messages. */
    static String list(List<String> items, int max) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (String item : items) {
            if (n++ == max) {
                sb.append("\n  ... and ").append(items.size() - max).append(" more");
                break;
            }
            sb.append("\n  ").append(item);
        }
        return sb.toString();
    }
}
