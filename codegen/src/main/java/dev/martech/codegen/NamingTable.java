package dev.martech.codegen;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The reviewed names of a spec's operations ({@code specs/naming/<spec>.tsv}): one line per operation with
 * the vendor's operationId, the group, the method name and {@code METHOD /path}. Loading it enforces the
 * naming rules, and {@link #checkCovers} that it names every operation of the spec exactly once; a
 * violation fails generation with every problem listed.
 *
 * <p>Rules: a method name is a lowerCamel Java identifier of at most {@value #MAX_LENGTH} characters, unique
 * in its group; no two names in a group differ by one letter (an edit distance of 1); no method
 * name contains a vendor suffix (the {@code vendorSuffixes} option, e.g. {@code Workspaces}); groups are
 * lowerCamel identifiers; neither is a Java keyword or a method of {@code Object}.
 */
final class NamingTable {
    static final int MAX_LENGTH = 30;
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][A-Za-z0-9]*");
    private static final java.util.Set<String> KEYWORDS = java.util.Set.of("abstract", "assert", "boolean", "break",
            "byte", "case", "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum",
            "extends", "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "var", "record", "yield", "sealed", "permits",
            "getClass", "hashCode", "equals", "toString", "notify", "notifyAll", "wait", "clone", "finalize");

    /** One line of the table. */
    record Entry(String operationId, String group, String method, String where, int line) {
    }

    private final Path file;
    private final Map<String, Entry> byOperationId;

    private NamingTable(Path file, Map<String, Entry> byOperationId) {
        this.file = file;
        this.byOperationId = byOperationId;
    }

    static NamingTable load(Path file, List<String> vendorSuffixes) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the naming table " + file, e);
        }
        List<String> problems = new ArrayList<>();
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length != 4) {
                problems.add("line " + (i + 1) + ": expected 4 tab-separated cells (operationId, group, method, METHOD /path)");
                continue;
            }
            Entry entry = new Entry(cells[0].trim(), cells[1].trim(), cells[2].trim(), cells[3].trim(), i + 1);
            Entry earlier = entries.putIfAbsent(entry.operationId(), entry);
            if (earlier != null) {
                problems.add("line " + entry.line() + ": operation " + entry.operationId() + " is already named on line "
                        + earlier.line());
            }
        }
        problems.addAll(check(entries.values(), vendorSuffixes));
        fail(file, problems);
        return new NamingTable(file, entries);
    }

    /** The naming rules over a table's entries; the problems found, empty when there are none. */
    static List<String> check(Iterable<Entry> entries, List<String> vendorSuffixes) {
        List<String> problems = new ArrayList<>();
        Map<String, List<Entry>> groups = new LinkedHashMap<>();
        for (Entry e : entries) {
            groups.computeIfAbsent(e.group(), g -> new ArrayList<>()).add(e);
            String at = "line " + e.line() + " (" + e.operationId() + "): ";
            if (!IDENTIFIER.matcher(e.method()).matches()) {
                problems.add(at + "method name '" + e.method() + "' is not a lowerCamel identifier");
            }
            if (KEYWORDS.contains(e.method()) || KEYWORDS.contains(e.group())) {
                problems.add(at + "'" + e.group() + "()." + e.method() + "' uses a Java keyword or Object method name");
            }
            if (!IDENTIFIER.matcher(e.group()).matches()) {
                problems.add(at + "group '" + e.group() + "' is not a lowerCamel identifier");
            }
            if (e.method().length() > MAX_LENGTH) {
                problems.add(at + "method name '" + e.method() + "' has " + e.method().length() + " characters, more than "
                        + MAX_LENGTH);
            }
            for (String suffix : vendorSuffixes) {
                if (e.method().contains(suffix)) {
                    problems.add(at + "'" + e.group() + "()." + e.method() + "' keeps the vendor suffix '" + suffix + "'");
                }
            }
        }
        for (Map.Entry<String, List<Entry>> g : groups.entrySet()) {
            List<Entry> list = g.getValue();
            for (int i = 0; i < list.size(); i++) {
                for (int j = i + 1; j < list.size(); j++) {
                    Entry a = list.get(i);
                    Entry b = list.get(j);
                    if (a.method().equals(b.method())) {
                        problems.add("lines " + a.line() + " and " + b.line() + ": " + g.getKey() + "()." + a.method()
                                + " names both " + a.operationId() + " and " + b.operationId());
                    } else if (oneEditApart(a.method(), b.method())) {
                        problems.add("lines " + a.line() + " and " + b.line() + ": " + g.getKey() + "()." + a.method()
                                + " and " + b.method() + " differ by one letter");
                    }
                }
            }
        }
        return problems;
    }

    /** Whether {@code a} and {@code b} differ by exactly one substituted, inserted or deleted character. */
    static boolean oneEditApart(String a, String b) {
        if (a.equals(b) || Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        String s = a.length() <= b.length() ? a : b;
        String l = a.length() <= b.length() ? b : a;
        int i = 0;
        while (i < s.length() && s.charAt(i) == l.charAt(i)) {
            i++;
        }
        return s.length() == l.length() ? s.substring(i + 1).equals(l.substring(i + 1)) : s.substring(i).equals(l.substring(i + 1));
    }

    /** Checks that every operation of the spec is in the table, with its method and path, and nothing else is. */
    void checkCovers(OpenAPI openAPI) {
        List<String> problems = new ArrayList<>();
        Map<String, Entry> unused = new LinkedHashMap<>(byOperationId);
        if (openAPI.getPaths() != null) {
            for (Map.Entry<String, PathItem> path : openAPI.getPaths().entrySet()) {
                for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().readOperationsMap().entrySet()) {
                    String where = op.getKey() + " " + path.getKey();
                    String id = op.getValue().getOperationId();
                    Entry entry = id == null ? null : unused.remove(id);
                    if (entry == null) {
                        problems.add(where + " (" + id + ") is not in the table" + (id != null && byOperationId.containsKey(id)
                                ? " (its operationId is named twice in the spec)" : ""));
                    } else if (!entry.where().equals(where)) {
                        problems.add("line " + entry.line() + " (" + id + "): the table says '" + entry.where()
                                + "' but the spec has '" + where + "'");
                    }
                }
            }
        }
        unused.values().forEach(e -> problems.add("line " + e.line() + ": " + e.operationId() + " is not an operation of the spec"));
        fail(file, problems);
    }

    Entry entry(String operationId) {
        Entry entry = byOperationId.get(operationId);
        if (entry == null) {
            throw new IllegalStateException("naming table " + file + ": no line for operation " + operationId);
        }
        return entry;
    }

    /** The resource a group's classes are named after: the group in UpperCamel, singular ({@code customers} → {@code Customer}). */
    static String resourceOf(String group) {
        String upper = Character.toUpperCase(group.charAt(0)) + group.substring(1);
        if (upper.endsWith("ies")) {
            return upper.substring(0, upper.length() - 3) + "y";
        }
        if (upper.endsWith("s") && !upper.endsWith("ss") && !upper.endsWith("ics")) {
            return upper.substring(0, upper.length() - 1);
        }
        return upper;
    }

    private static void fail(Path file, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new IllegalStateException("naming table " + file + " breaks the naming rules:\n  " + String.join("\n  ", problems));
        }
    }
}
