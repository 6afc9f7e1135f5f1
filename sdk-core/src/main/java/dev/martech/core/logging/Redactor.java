package dev.martech.core.logging;

import dev.martech.core.http.HttpHeaders;
import dev.martech.core.http.HttpUrl;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Masks secrets wherever request data is shown: log lines, exception messages and {@code toString()}.
 *
 * <p>Headers by allowlist (a header not known to be safe is shown as {@code REDACTED}); query parameters by
 * a list of secret-looking names plus any configured; and any credential value the auth layer placed on a
 * request is masked literally wherever it appears (e.g. echoed back in an error body).
 */
public final class Redactor {
    public static final String MASK = "REDACTED";

    /** Safe headers shown in clear. */
    public static final Set<String> DEFAULT_SAFE_HEADERS = caseInsensitive(Set.of(
            "Accept", "Accept-Encoding", "Age", "Cache-Control", "Connection", "Content-Encoding",
            "Content-Length", "Content-Type", "Date", "ETag", "Expires", "Last-Modified", "Location",
            "Node", "Retry-After", "Server", "Transfer-Encoding", "User-Agent", "Vary",
            "X-Request-Id", "X-Correlation-Id", "X-Amzn-RequestId", "X-Amzn-Trace-Id", "Request-Id",
            "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "RateLimit-Limit",
            "RateLimit-Remaining", "RateLimit-Reset"));

    /** Query parameters whose values are always masked. */
    public static final Set<String> DEFAULT_SECRET_QUERY_PARAMETERS = caseInsensitive(Set.of(
            "accesstoken", "access_token", "token", "apikey", "api_key", "key", "secret", "client_secret",
            "password", "signature", "sig", "code", "refresh_token", "id_token"));

    /** Masks the default secret query parameters and nothing else: for toString() of values with no client. */
    public static final Redactor DEFAULT = new Redactor(DEFAULT_SAFE_HEADERS, DEFAULT_SECRET_QUERY_PARAMETERS);

    private static final int MAX_REMEMBERED_SECRETS = 32;

    private final Set<String> safeHeaders;
    private final Set<String> secretQueryParameters;
    private final Map<String, Boolean> secretValues = new ConcurrentHashMap<>();

    public Redactor(Collection<String> safeHeaders, Collection<String> secretQueryParameters) {
        this.safeHeaders = caseInsensitive(safeHeaders);
        this.secretQueryParameters = caseInsensitive(secretQueryParameters);
    }

    /** Remembers a credential value so that it is masked wherever it shows up. */
    public void registerSecret(String value) {
        if (value == null || value.length() < 4 || this == DEFAULT) {
            return;
        }
        if (secretValues.containsKey(value)) {
            return; // the same token on every call: a lock-free read, not a write to a contended bin
        }
        if (secretValues.size() >= MAX_REMEMBERED_SECRETS) {
            secretValues.clear(); // old tokens have been rotated away; the current ones are registered again per attempt
        }
        secretValues.put(value, Boolean.TRUE);
        int space = value.indexOf(' ');
        if (space > 0 && space < value.length() - 4) {
            secretValues.put(value.substring(space + 1), Boolean.TRUE); // the token of "Bearer <token>"
        }
    }

    public boolean isSafeHeader(String name) {
        return safeHeaders.contains(name);
    }

    public String redactHeaderValue(String name, String value) {
        return isSafeHeader(name) ? maskSecrets(value) : MASK;
    }

    public String redactUrl(HttpUrl url) {
        StringBuilder sb = new StringBuilder(url.base()).append(url.encodedPath());
        char sep = '?';
        for (Map.Entry<String, String> e : url.query()) {
            sb.append(sep).append(e.getKey()).append('=')
                    .append(secretQueryParameters.contains(e.getKey()) ? MASK : maskSecrets(e.getValue()));
            sep = '&';
        }
        return maskSecrets(sb.toString());
    }

    public String redactHeaders(HttpHeaders headers) {
        StringBuilder sb = new StringBuilder();
        headers.asMap().forEach((name, values) -> {
            for (String value : values) {
                sb.append(name).append(": ").append(redactHeaderValue(name, value)).append('\n');
            }
        });
        return sb.toString();
    }

    /** Replaces every remembered credential value in free text (bodies, messages). */
    public String maskSecrets(String text) {
        if (text == null || secretValues.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : secretValues.keySet()) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        return out;
    }

    private static Set<String> caseInsensitive(Collection<String> names) {
        TreeSet<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.forEach(n -> set.add(n.toLowerCase(Locale.ROOT)));
        return java.util.Collections.unmodifiableSet(set);
    }
}
