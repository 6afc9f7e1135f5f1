package dev.martech.core.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Immutable, case-insensitive multi-map of HTTP header names to values, in insertion order per name. */
public final class HttpHeaders {
    private static final HttpHeaders EMPTY = new HttpHeaders(new TreeMap<>(String.CASE_INSENSITIVE_ORDER));

    private final TreeMap<String, List<String>> values;

    private HttpHeaders(TreeMap<String, List<String>> values) {
        this.values = values;
    }

    public static HttpHeaders empty() {
        return EMPTY;
    }

    /** Copies a map of names to values; names compare case-insensitively. */
    public static HttpHeaders of(Map<String, List<String>> map) {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, List<String>> e : map.entrySet()) {
            // Copied straight to an immutable list; merged only when two names differ in case alone.
            List<String> before = copy.putIfAbsent(e.getKey(), List.copyOf(e.getValue()));
            if (before != null) {
                List<String> merged = new ArrayList<>(before);
                merged.addAll(e.getValue());
                copy.put(e.getKey(), List.copyOf(merged));
            }
        }
        return new HttpHeaders(copy);
    }

    /** The first value of the header, if present. */
    public Optional<String> first(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    /** All values of the header, empty if absent. */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** Header names as first seen. */
    public java.util.Set<String> names() {
        return Collections.unmodifiableSet(values.keySet());
    }

    public Map<String, List<String>> asMap() {
        return Collections.unmodifiableMap(values);
    }

    /** Returns a copy with every value of {@code name} replaced by {@code value}. */
    public HttpHeaders with(String name, String value) {
        TreeMap<String, List<String>> copy = new TreeMap<>(values);
        copy.put(name, List.of(value));
        return new HttpHeaders(copy);
    }

    /** Returns a copy with {@code value} appended to the values of {@code name}. */
    public HttpHeaders plus(String name, String value) {
        TreeMap<String, List<String>> copy = new TreeMap<>(values);
        List<String> list = new ArrayList<>(copy.getOrDefault(name, List.of()));
        list.add(value);
        copy.put(name, List.copyOf(list));
        return new HttpHeaders(copy);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Names only: values may be secrets, and this string ends up in logs and exception messages. */
    @Override
    public String toString() {
        return "HttpHeaders" + values.keySet().stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }
}
