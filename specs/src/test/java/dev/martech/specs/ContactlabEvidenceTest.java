package dev.martech.specs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Contactlab specs were recovered from several sources; every operation says how well its path is
 * attested ({@code x-path-evidence}), and guessed ones say why ({@code x-path-evidence-note}). Contacthub's
 * security: exactly two public operations, all others need a defined scheme.
 */
@DisplayNameGeneration(MethodNameDisplayNames.class)
class ContactlabEvidenceTest {

    private static final Set<String> EVIDENCE = Set.of("reference", "documented", "inferred");
    private static final int CONTACTHUB_PUBLIC_OPERATIONS = 2;

    @ParameterizedTest(name = Specs.DISPLAY_NAME)
    @EnumSource(value = Spec.class, names = {"CONTACTHUB", "CONTACTFLOW"})
    void everyOperationHasPathEvidence(Spec spec) {
        List<String> problems = new ArrayList<>();
        for (Specs.Operation op : Specs.operations(spec)) {
            JsonNode evidence = op.get("x-path-evidence");
            if (evidence == null) {
                problems.add(op.label() + ": no x-path-evidence");
            } else if (!evidence.isTextual() || !EVIDENCE.contains(evidence.asText())) {
                problems.add(op.label() + ": x-path-evidence " + evidence + " is not one of " + EVIDENCE);
            }
        }
        assertThat(problems).as("%s: path evidence%s", spec, Specs.list(problems, 50)).isEmpty();
    }

    @ParameterizedTest(name = Specs.DISPLAY_NAME)
    @EnumSource(value = Spec.class, names = {"CONTACTHUB", "CONTACTFLOW"})
    void inferredPathsCarryANote(Spec spec) {
        List<String> problems = new ArrayList<>();
        for (Specs.Operation op : Specs.operations(spec)) {
            if ("inferred".equals(op.node().path("x-path-evidence").asText())) {
                JsonNode note = op.get("x-path-evidence-note");
                if (note == null || !note.isTextual() || note.asText().isBlank()) {
                    problems.add(op.label() + ": inferred, but no non-empty x-path-evidence-note");
                }
            }
        }
        assertThat(problems).as("%s: inferred operations without a note%s", spec, Specs.list(problems, 50))
                .isEmpty();
    }

    @Test
    void contacthubHasExactlyTwoPublicOperations() {
        List<String> open = new ArrayList<>();
        for (Specs.Operation op : Specs.operations(Spec.CONTACTHUB)) {
            JsonNode security = op.get("security");
            if (security != null && security.isArray() && security.isEmpty()) {
                open.add(op.label() + " (" + op.node().path("summary").asText() + ")");
            }
        }
        assertThat(open).as("contacthub: operations with 'security: []'%s", Specs.list(open, 50))
                .hasSize(CONTACTHUB_PUBLIC_OPERATIONS);
    }

    @Test
    void contacthubOtherOperationsAreSecured() {
        JsonNode root = Specs.raw(Spec.CONTACTHUB);
        JsonNode schemes = root.path("components").path("securitySchemes");
        List<String> problems = new ArrayList<>();
        for (Specs.Operation op : Specs.operations(Spec.CONTACTHUB)) {
            JsonNode own = op.get("security");
            if (own != null && own.isArray() && own.isEmpty()) {
                continue; // public on purpose; counted by contacthubHasExactlyTwoPublicOperations
            }
            JsonNode effective = own != null ? own : root.get("security");
            if (effective == null || !effective.isArray() || effective.isEmpty()) {
                problems.add(op.label() + ": no security requirement (own or global)");
                continue;
            }
            for (JsonNode requirement : effective) {
                if (!requirement.isObject() || requirement.isEmpty()) {
                    problems.add(op.label() + ": security requirement " + requirement + " allows anonymous calls");
                    continue;
                }
                requirement.fieldNames().forEachRemaining(name -> {
                    if (!schemes.has(name)) {
                        problems.add(op.label() + ": security scheme '" + name
                                + "' is not in components/securitySchemes");
                    }
                });
            }
        }
        assertThat(problems).as("contacthub: operations that are not secured%s", Specs.list(problems, 50))
                .isEmpty();
    }
}
