package dev.martech.core.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An absolute URL split into its base, encoded path and decoded query parameters, so that the secret
 * value of a query parameter can be masked without re-parsing and path segments are encoded exactly once.
 */
public final class HttpUrl {
    private final String base;
    private final String encodedPath;
    private final List<Map.Entry<String, String>> query;

    public HttpUrl(String base, String encodedPath, List<Map.Entry<String, String>> query) {
        this.base = stripTrailingSlash(Objects.requireNonNull(base, "base"));
        this.encodedPath = Objects.requireNonNull(encodedPath, "encodedPath");
        this.query = List.copyOf(query);
    }

    /** Scheme, host, port and base path, without a trailing slash. */
    public String base() {
        return base;
    }

    public String encodedPath() {
        return encodedPath;
    }

    /** Query parameters in order, names and values not encoded. */
    public List<Map.Entry<String, String>> query() {
        return query;
    }

    public HttpUrl withQueryParameter(String name, String value) {
        List<Map.Entry<String, String>> copy = new ArrayList<>(query);
        copy.add(Map.entry(name, value));
        return new HttpUrl(base, encodedPath, copy);
    }

    /** The URL as sent: contains secret query values, so never log it; use {@link #toString()}. */
    public String toUriString() {
        int size = base.length() + encodedPath.length();
        for (Map.Entry<String, String> e : query) {
            size += e.getKey().length() + e.getValue().length() + 2;
        }
        // Sized up front (escapes aside): no regrowth copies on a call's hot path.
        StringBuilder sb = new StringBuilder(size + 16).append(base).append(encodedPath);
        char sep = '?';
        for (Map.Entry<String, String> e : query) {
            sb.append(sep).append(PercentEncoding.encodeQueryComponent(e.getKey()))
                    .append('=').append(PercentEncoding.encodeQueryComponent(e.getValue()));
            sep = '&';
        }
        return sb.toString();
    }

    /** The URL with secret query values masked. */
    @Override
    public String toString() {
        return dev.martech.core.logging.Redactor.DEFAULT.redactUrl(this);
    }

    private static String stripTrailingSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
