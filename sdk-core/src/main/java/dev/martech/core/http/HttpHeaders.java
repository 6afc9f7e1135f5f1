package dev.martech.core.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Immutable, case-insensitive multi-map of HTTP header names to values, in insertion order per name.
 *
 * <p>Kept as one flat array of names and values (a call has a handful of headers: a scan beats a tree), with
 * the map view built only when asked for.
 */
public final class HttpHeaders {
    private static final HttpHeaders EMPTY = new HttpHeaders(new String[0]);

    private final String[] namesAndValues;
    private volatile Map<String, List<String>> map;

    private HttpHeaders(String[] namesAndValues) {
        this.namesAndValues = namesAndValues;
    }

    public static HttpHeaders empty() {
        return EMPTY;
    }

    /** Copies a map of names to values; names compare case-insensitively. */
    public static HttpHeaders of(Map<String, List<String>> map) {
        int size = 0;
        for (List<String> values : map.values()) {
            size += values.size();
        }
        String[] pairs = new String[size * 2];
        int i = 0;
        for (Map.Entry<String, List<String>> e : map.entrySet()) {
            String name = Objects.requireNonNull(e.getKey(), "header name");
            for (String value : e.getValue()) {
                pairs[i++] = name;
                pairs[i++] = Objects.requireNonNull(value, () -> "value of header " + name);
            }
        }
        return new HttpHeaders(pairs);
    }

    /**
     * Headers from alternating names and values, e.g. {@code of("Accept", "application/json", "X-Id", "7")}.
     *
     * @param namesAndValues name, value, name, value…
     * @return the headers, in that order
     * @throws IllegalArgumentException if a name or value is null or the count is odd
     */
    public static HttpHeaders of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("headers need a value for every name, but got " + namesAndValues.length
                    + " names and values");
        }
        String[] pairs = namesAndValues.clone();
        for (int i = 0; i < pairs.length; i++) {
            if (pairs[i] == null) {
                throw new IllegalArgumentException(i % 2 == 0 ? "header name " + (i / 2 + 1) + " is null"
                        : "the value of header " + pairs[i - 1] + " is null");
            }
        }
        return new HttpHeaders(pairs);
    }

    /** The first value of the header, if present. */
    public Optional<String> first(String name) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i].equalsIgnoreCase(name)) {
                return Optional.of(namesAndValues[i + 1]);
            }
        }
        return Optional.empty();
    }

    /** All values of the header in order (empty if absent). */
    public List<String> all(String name) {
        List<String> found = null;
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i].equalsIgnoreCase(name)) {
                if (found == null) {
                    found = new ArrayList<>(2);
                }
                found.add(namesAndValues[i + 1]);
            }
        }
        return found == null ? List.of() : Collections.unmodifiableList(found);
    }

    /** The header names (case-insensitive set). */
    public java.util.Set<String> names() {
        return asMap().keySet();
    }

    /** Unmodifiable case-insensitive view, names in case-insensitive order. */
    public Map<String, List<String>> asMap() {
        Map<String, List<String>> m = map;
        if (m == null) {
            TreeMap<String, List<String>> tree = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 0; i < namesAndValues.length; i += 2) {
                tree.computeIfAbsent(namesAndValues[i], n -> new ArrayList<>(2)).add(namesAndValues[i + 1]);
            }
            tree.replaceAll((n, values) -> List.copyOf(values));
            m = Collections.unmodifiableMap(tree);
            map = m;
        }
        return m;
    }

    /** The number of header lines (a name with two values counts twice). */
    public int size() {
        return namesAndValues.length / 2;
    }

    /** The name of header line {@code index}, in order, as it was given. */
    public String name(int index) {
        return namesAndValues[index * 2];
    }

    /** The value of header line {@code index}, in order. */
    public String value(int index) {
        return namesAndValues[index * 2 + 1];
    }

    /** A copy with the header set to this one value (replacing any existing values). */
    public HttpHeaders with(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        int kept = 0;
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (!namesAndValues[i].equalsIgnoreCase(name)) {
                kept += 2;
            }
        }
        String[] pairs = new String[kept + 2];
        int j = 0;
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (!namesAndValues[i].equalsIgnoreCase(name)) {
                pairs[j++] = namesAndValues[i];
                pairs[j++] = namesAndValues[i + 1];
            }
        }
        pairs[j++] = name;
        pairs[j] = value;
        return new HttpHeaders(pairs);
    }

    /** A copy with one more value for the header. */
    public HttpHeaders plus(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        String[] pairs = java.util.Arrays.copyOf(namesAndValues, namesAndValues.length + 2);
        pairs[pairs.length - 2] = name;
        pairs[pairs.length - 1] = value;
        return new HttpHeaders(pairs);
    }

    public boolean isEmpty() {
        return namesAndValues.length == 0;
    }

    /** Names only: values may be secrets, and this string ends up in logs and exception messages. */
    @Override
    public String toString() {
        return "HttpHeaders" + asMap().keySet().stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }
}
