package dev.martech.specs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Test;

/**
 * SocialHub's spec is the seed's YAML (a web copy that lost all leading whitespace) with its indentation
 * recovered: stripping the leading whitespace from every line of {@code specs/socialhub.yaml} must give back
 * the seed's lines exactly, apart from the departures listed in {@code specs/socialhub-departures.json}
 * (added lines, which may only be single-line {@code operationId:} or {@code x-...:} keys, and modified
 * lines, each naming its seed line and that line's original text).
 *
 * <p>A port of {@code check_text} in {@code specs/recovery/socialhub/check.py}, including its Python text
 * semantics: universal newlines, {@code str.split('\n')}, {@code str.lstrip()}.
 */
@DisplayNameGeneration(MethodNameDisplayNames.class)
class SocialHubFidelityTest {

    static final String DEPARTURES_FILE = "socialhub-departures.json";

    /** check.py's rule for an added line: {@code (operationId|x-[A-Za-z0-9-]+): \S.*}, full match. */
    private static final Pattern ADDED_LINE = Pattern.compile("(operationId|x-[A-Za-z0-9-]+): \\S[^\\n]*",
            Pattern.UNICODE_CHARACTER_CLASS);

    /** A value that opens a block scalar would swallow the following seed lines: not a single-line key. */
    private static final Pattern BLOCK_SCALAR_VALUE = Pattern.compile("[^:]+: [|>][-+0-9]*\\s*(#.*)?");

    @Test
    void socialhubDeparturesAreWellFormed() {
        JsonNode dep = departures();
        List<String> problems = new ArrayList<>();
        if (!dep.path("seedFile").isTextual() || dep.path("seedFile").asText().isBlank()) {
            problems.add("seedFile: missing");
        }
        int start = dep.path("yamlStartLine").asInt(-1);
        int end = dep.path("yamlEndLine").asInt(-1);
        if (!dep.path("yamlStartLine").isInt() || !dep.path("yamlEndLine").isInt() || start < 1 || end < start) {
            problems.add("yamlStartLine/yamlEndLine: not a line range: " + dep.path("yamlStartLine") + ".."
                    + dep.path("yamlEndLine"));
        }
        if (!dep.path("added").isArray()) {
            problems.add("added: not a list");
        }
        for (JsonNode a : dep.path("added")) {
            JsonNode after = a.path("afterSeedLine");
            JsonNode line = a.path("line");
            if (!after.isInt() || after.asInt() < start || after.asInt() > end) {
                problems.add("added " + a + ": afterSeedLine is not a seed line in " + start + ".." + end);
            }
            if (!line.isTextual()) {
                problems.add("added " + a + ": no line text");
            } else if (!ADDED_LINE.matcher(line.asText()).matches()) {
                problems.add("added line " + quote(line.asText()) + " is neither operationId nor x- extension");
            } else if (BLOCK_SCALAR_VALUE.matcher(line.asText()).matches()) {
                problems.add("added line " + quote(line.asText()) + " opens a block scalar (not a single-line key)");
            }
        }
        if (!dep.path("modified").isArray()) {
            problems.add("modified: not a list");
        }
        Map<Integer, Integer> modifiedCount = new HashMap<>();
        for (JsonNode m : dep.path("modified")) {
            JsonNode seedLine = m.path("seedLine");
            if (!seedLine.isInt() || seedLine.asInt() < start || seedLine.asInt() > end) {
                problems.add("modified " + m + ": seedLine is not a seed line in " + start + ".." + end);
            } else {
                modifiedCount.merge(seedLine.asInt(), 1, Integer::sum);
            }
            if (!m.path("original").isTextual()) {
                problems.add("modified " + m + ": no original text");
            }
            if (!m.path("replacement").isTextual()) {
                problems.add("modified " + m + ": no replacement text");
            }
        }
        modifiedCount.forEach((line, n) -> {
            if (n > 1) {
                problems.add("modified: seed line " + line + " is listed " + n + " times");
            }
        });
        assertThat(problems).as("socialhub: %s%s", DEPARTURES_FILE, Specs.list(problems, 50)).isEmpty();
    }

    @Test
    void socialhubMatchesSeedLineForLine() throws IOException {
        JsonNode dep = departures();
        Path seedPath = Specs.repoRoot().resolve("..").resolve("shared").resolve("seeds")
                .resolve(dep.path("seedFile").asText()).normalize();
        assumeTrue(Files.isRegularFile(seedPath), () -> "the SocialHub seed " + seedPath + " is not here (it lives"
                + " in the workplace's shared/seeds/, beside the repository); line fidelity cannot be checked");

        List<String> seed = pythonLines(seedPath, false);
        int start = dep.path("yamlStartLine").asInt();
        int end = dep.path("yamlEndLine").asInt();
        List<String> expected = seed.subList(Math.min(Math.max(start - 1, 0), seed.size()),
                Math.min(Math.max(end, 0), seed.size()));
        List<String> stripped = new ArrayList<>();
        for (String line : pythonLines(Specs.file(Spec.SOCIALHUB), true)) {
            stripped.add(pythonLstrip(line));
        }
        Map<Integer, List<String>> added = new HashMap<>();
        for (JsonNode a : dep.path("added")) {
            added.computeIfAbsent(a.path("afterSeedLine").asInt(), k -> new ArrayList<>()).add(a.path("line").asText());
        }
        Map<Integer, JsonNode> modified = new LinkedHashMap<>();
        for (JsonNode m : dep.path("modified")) {
            modified.put(m.path("seedLine").asInt(), m);
        }

        List<String> errors = new ArrayList<>();
        checkText(expected, start, stripped, added, modified, errors);
        assertThat(errors)
                .as("socialhub.yaml (leading whitespace stripped) vs seed lines %d..%d of %s, less %s%s", start, end,
                        seedPath.getFileName(), DEPARTURES_FILE, Specs.list(errors, 50))
                .isEmpty();
    }

    /** check.py's check_text walk, stopping where it stops. */
    private static void checkText(List<String> expected, int start, List<String> stripped,
            Map<Integer, List<String>> added, Map<Integer, JsonNode> modified, List<String> errors) {
        int i = 0;
        for (int k = 0; k < expected.size(); k++) {
            int n = start + k;
            String seedLine = expected.get(k);
            if (i >= stripped.size()) {
                errors.add("output ends before seed line " + n);
                return;
            }
            String line = stripped.get(i);
            JsonNode m = modified.get(n);
            if (m != null) {
                if (!seedLine.equals(m.path("original").asText(null))) {
                    errors.add("departures original for seed line " + n + " differs from the seed: "
                            + quote(m.path("original").asText(null)) + " vs " + quote(seedLine));
                }
                if (!line.equals(m.path("replacement").asText(null))) {
                    errors.add("seed line " + n + ": expected replacement " + quote(m.path("replacement").asText(null))
                            + ", got " + quote(line));
                }
            } else if (!line.equals(seedLine)) {
                errors.add("seed line " + n + ": expected " + quote(seedLine) + ", got " + quote(line)
                        + " (output line " + (i + 1) + ")");
                return;
            }
            i++;
            for (String extra : added.getOrDefault(n, List.of())) {
                if (i >= stripped.size() || !stripped.get(i).equals(extra)) {
                    errors.add("expected added line " + quote(extra) + " after seed line " + n + ", got "
                            + (i < stripped.size() ? quote(stripped.get(i)) : "end of file"));
                    return;
                }
                if (!ADDED_LINE.matcher(extra).matches()) {
                    errors.add("added line " + quote(extra) + " is neither operationId nor x- extension");
                }
                i++;
            }
        }
        if (i != stripped.size()) {
            errors.add((stripped.size() - i) + " extra output lines at the end");
        }
    }

    @Test
    void socialhubIndentationIsSpacesInStepsOfTwo() throws IOException {
        List<String> problems = new ArrayList<>();
        List<String> lines = pythonLines(Specs.file(Spec.SOCIALHUB), true);
        for (int k = 0; k < lines.size(); k++) {
            String line = lines.get(k);
            int spaces = 0;
            while (spaces < line.length() && line.charAt(spaces) == ' ') {
                spaces++;
            }
            if (spaces % 2 != 0) {
                problems.add("line " + (k + 1) + ": indented by " + spaces + " spaces");
            } else if (pythonLstrip(line).length() != line.length() - spaces) {
                problems.add("line " + (k + 1) + ": leading whitespace other than spaces");
            }
        }
        assertThat(problems).as("socialhub.yaml indentation%s", Specs.list(problems, 50)).isEmpty();
    }

    static JsonNode departures() {
        Path file = Specs.specsDir().resolve(DEPARTURES_FILE);
        assertThat(file).as("socialhub departures file").isRegularFile();
        try {
            JsonNode node = new ObjectMapper().readTree(file.toFile());
            assertThat(node.isObject()).as("%s is a JSON object", DEPARTURES_FILE).isTrue();
            return node;
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The file's lines as Python's {@code open(path, encoding='utf-8').read().split('\n')} gives them
     * (universal newlines: CRLF and CR read as LF), less one trailing empty string if {@code dropLastEmpty}.
     */
    static List<String> pythonLines(Path path, boolean dropLastEmpty) throws IOException {
        String text = Files.readString(path, StandardCharsets.UTF_8).replace("\r\n", "\n").replace('\r', '\n');
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (dropLastEmpty && !lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** Python's {@code str.lstrip()}: drops leading characters for which {@code str.isspace()} holds. */
    static String pythonLstrip(String s) {
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (!pythonIsSpace(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return s.substring(i);
    }

    /** Python's {@code str.isspace()} for one code point: category Zs, or bidi class WS, B or S. */
    static boolean pythonIsSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
    }

    private static String quote(String s) {
        return s == null ? "null" : "'" + s + "'";
    }
}
