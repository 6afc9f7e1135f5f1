package dev.martech.specs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayNameGeneration;

/**
 * Checks on the raw document tree (as written, before any resolution): references, operationIds and path
 * parameters. Swagger 2.0 and OpenAPI 3.0 are handled alike, since every check is a plain tree walk.
 */
@DisplayNameGeneration(MethodNameDisplayNames.class)
class SpecStructureTest {

    private static final Pattern TEMPLATE_PARAM = Pattern.compile("\\{([^{}/]+)}");

    @EachSpec
    void everyRefResolves(Spec spec) {
        JsonNode root = Specs.raw(spec);
        List<String> broken = new ArrayList<>();
        int[] count = {0};
        walkRefs(root, root, "", broken, count);
        assertThat(broken).as("%s: $refs that do not resolve (of %d)%s", spec, count[0], Specs.list(broken, 50))
                .isEmpty();
    }

    private static void walkRefs(JsonNode root, JsonNode node, String location, List<String> broken,
            int[] count) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String here = location + "/" + Specs.escapeToken(field.getKey());
                if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
                    count[0]++;
                    String ref = field.getValue().asText();
                    if (!ref.startsWith("#")) {
                        broken.add(here + ": '" + ref + "' is not a local reference");
                    } else if (Specs.resolveLocalRef(root, ref) == null) {
                        broken.add(here + ": '" + ref + "' points at nothing");
                    }
                } else {
                    walkRefs(root, field.getValue(), here, broken, count);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walkRefs(root, node.get(i), location + "/" + i, broken, count);
            }
        }
    }

    @EachSpec
    void everyOperationHasAnOperationId(Spec spec) {
        List<String> missing = new ArrayList<>();
        for (Specs.Operation op : Specs.operations(spec)) {
            JsonNode id = op.get("operationId");
            if (id == null || !id.isTextual() || id.asText().isBlank()) {
                missing.add(op.label());
            }
        }
        assertThat(missing).as("%s: operations without an operationId%s", spec, Specs.list(missing, 50))
                .isEmpty();
    }

    @EachSpec
    void operationIdsAreUnique(Spec spec) {
        Map<String, List<String>> byId = new TreeMap<>();
        for (Specs.Operation op : Specs.operations(spec)) {
            JsonNode id = op.get("operationId");
            if (id != null && id.isTextual()) {
                byId.computeIfAbsent(id.asText(), k -> new ArrayList<>()).add(op.label());
            }
        }
        List<String> duplicates = new ArrayList<>();
        byId.forEach((id, ops) -> {
            if (ops.size() > 1) {
                duplicates.add(id + " on " + ops);
            }
        });
        assertThat(duplicates).as("%s: operationIds used more than once%s", spec, Specs.list(duplicates, 50))
                .isEmpty();
    }

    @EachSpec
    void pathTemplateParametersAreDeclared(Spec spec) {
        JsonNode root = Specs.raw(spec);
        List<String> problems = new ArrayList<>();
        for (Specs.Operation op : Specs.operations(spec)) {
            Map<String, JsonNode> declared = declaredPathParameters(root, op, problems);
            for (String name : templateParameters(op.path())) {
                JsonNode param = declared.get(name);
                if (param == null) {
                    problems.add(op.label() + ": {" + name + "} is not declared as an 'in: path' parameter");
                } else if (!param.path("required").isBoolean() || !param.path("required").asBoolean()) {
                    problems.add(op.label() + ": path parameter '" + name + "' is not 'required: true'");
                }
            }
        }
        assertThat(problems).as("%s: undeclared path template parameters%s", spec, Specs.list(problems, 50))
                .isEmpty();
    }

    @EachSpec
    void declaredPathParametersAppearInPath(Spec spec) {
        JsonNode root = Specs.raw(spec);
        List<String> problems = new ArrayList<>();
        for (Specs.Operation op : Specs.operations(spec)) {
            Set<String> inTemplate = templateParameters(op.path());
            for (String name : declaredPathParameters(root, op, problems).keySet()) {
                if (!inTemplate.contains(name)) {
                    problems.add(op.label() + ": 'in: path' parameter '" + name + "' is not in the path");
                }
            }
        }
        assertThat(problems).as("%s: path parameters missing from their path%s", spec, Specs.list(problems, 50))
                .isEmpty();
    }

    static Set<String> templateParameters(String path) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = TEMPLATE_PARAM.matcher(path);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * The operation's effective {@code in: path} parameters by name: the path item's, overridden by the
     * operation's own (same name and location), each followed through {@code $ref}s.
     */
    static Map<String, JsonNode> declaredPathParameters(JsonNode root, Specs.Operation op, List<String> problems) {
        Map<String, JsonNode> effective = new LinkedHashMap<>();
        collect(root, op, op.pathItem().get("parameters"), "path-level", effective, problems);
        collect(root, op, op.node().get("parameters"), "operation-level", effective, problems);
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        effective.forEach((key, param) -> {
            if ("path".equals(param.path("in").asText())) {
                byName.put(param.path("name").asText(), param);
            }
        });
        return byName;
    }

    private static void collect(JsonNode root, Specs.Operation op, JsonNode parameters, String level,
            Map<String, JsonNode> effective, List<String> problems) {
        if (parameters == null) {
            return;
        }
        if (!parameters.isArray()) {
            problems.add(op.label() + ": " + level + " 'parameters' is not a list");
            return;
        }
        for (JsonNode entry : parameters) {
            JsonNode param = Specs.followRefs(root, entry);
            if (param == null || !param.isObject()) {
                problems.add(op.label() + ": " + level + " parameter " + entry + " does not resolve to an object");
                continue;
            }
            effective.put(param.path("in").asText() + ":" + param.path("name").asText(), param);
        }
    }
}
