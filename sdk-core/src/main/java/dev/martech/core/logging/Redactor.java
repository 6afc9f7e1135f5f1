package dev.martech.core.logging;

import dev.martech.core.http.HttpHeaders;
import dev.martech.core.http.HttpUrl;
import dev.martech.core.http.PercentEncoding;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Masks secrets wherever request data is shown: log lines, exception messages and {@code toString()}.
 *
 * <p>Headers by allowlist (a header not known to be safe is shown as {@code REDACTED}); query parameters by
 * a list of secret-looking names plus any configured; and any credential value the auth layer placed on a
 * request is masked wherever it appears (e.g. echoed back in an error body), raw or encoded, for the life
 * of the client.
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

    /** Credentials kept verbatim (with their encodings) for exact masking; older ones move to the filter. */
    private static final int MAX_REMEMBERED_SECRETS = 32;

    private final Set<String> safeHeaders;
    private final Set<String> secretQueryParameters;
    // Most recent credentials, each with its encodings, in registration order (access order for eviction).
    private final Map<String, List<String>> recent = new LinkedHashMap<>(16, 0.75f, true);
    private volatile String[] recentForms = new String[0];
    private volatile String lastRegistered;
    // Every credential ever evicted from `recent`, remembered in constant memory.
    private final SecretFilter forgotten = new SecretFilter();

    public Redactor(Collection<String> safeHeaders, Collection<String> secretQueryParameters) {
        this.safeHeaders = caseInsensitive(safeHeaders);
        this.secretQueryParameters = caseInsensitive(secretQueryParameters);
    }

    /**
     * Remembers a credential value so that it is masked wherever it shows up, for the life of this redactor:
     * raw, percent-encoded (upper- and lower-case hex), form-encoded and JSON-escaped. The latest
     * {@value #MAX_REMEMBERED_SECRETS} are kept verbatim; older ones (rotated tokens) go to a fixed-size
     * filter of fingerprints, so memory stays bounded however often the credential rotates.
     *
     * @param value the credential as sent (a header value such as {@code Bearer <token>}, or a query value)
     */
    public void registerSecret(String value) {
        if (value == null || value.length() < 4 || this == DEFAULT) {
            return;
        }
        if (value.equals(lastRegistered)) {
            return; // the same token on every call: no lock on the hot path
        }
        synchronized (recent) {
            if (recent.get(value) != null) {
                lastRegistered = value;
                return;
            }
        }
        registerOne(value);
        int space = value.indexOf(' ');
        if (space > 0 && space < value.length() - 4) {
            registerOne(value.substring(space + 1)); // the token of "Bearer <token>"
        }
        lastRegistered = value;
    }

    private void registerOne(String value) {
        List<String> forms = encodings(value);
        synchronized (recent) {
            if (recent.containsKey(value)) {
                return;
            }
            recent.put(value, forms);
            if (recent.size() > MAX_REMEMBERED_SECRETS) {
                Map.Entry<String, List<String>> eldest = recent.entrySet().iterator().next();
                eldest.getValue().forEach(forgotten::add);
                recent.remove(eldest.getKey());
            }
            List<String> all = new ArrayList<>();
            recent.values().forEach(all::addAll);
            // Longest first, so that an encoding containing another form is replaced whole.
            all.sort(Comparator.comparingInt(String::length).reversed());
            recentForms = all.stream().distinct().toArray(String[]::new);
        }
    }

    /** The forms a credential may take in text the SDK shows. */
    static List<String> encodings(String value) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(value);
        String percent = PercentEncoding.encodeQueryComponent(value);
        forms.add(percent);
        forms.add(lowerHex(percent));
        String path = PercentEncoding.encodePathSegment(value);
        forms.add(path);
        forms.add(lowerHex(path));
        String form = URLEncoder.encode(value, StandardCharsets.UTF_8);
        forms.add(form);
        forms.add(lowerHex(form));
        String json = value.replace("\\", "\\\\").replace("\"", "\\\"");
        forms.add(json);
        forms.add(json.replace("/", "\\/"));
        forms.removeIf(f -> f.length() < 4);
        return List.copyOf(forms);
    }

    private static String lowerHex(String encoded) {
        if (encoded.indexOf('%') < 0) {
            return encoded;
        }
        StringBuilder sb = new StringBuilder(encoded);
        for (int i = sb.indexOf("%"); i >= 0 && i + 2 < sb.length(); i = sb.indexOf("%", i + 1)) {
            sb.setCharAt(i + 1, Character.toLowerCase(sb.charAt(i + 1)));
            sb.setCharAt(i + 2, Character.toLowerCase(sb.charAt(i + 2)));
        }
        return sb.toString();
    }

    /**
     * Whether a value is (in any of its encodings) a credential this redactor has seen.
     *
     * @param value a header or parameter value
     * @return true if showing or forwarding it would leak a credential
     */
    public boolean isSecret(String value) {
        if (value == null || value.length() < 4) {
            return false;
        }
        return !maskSecrets(value).equals(value);
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

    /** Replaces every remembered credential value, in any of its encodings, in free text (bodies, messages). */
    public String maskSecrets(String text) {
        if (text == null || text.length() < 4) {
            return text;
        }
        String out = text;
        for (String secret : recentForms) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        return forgotten.mask(out, MASK);
    }

    /**
     * The throwable itself when no message in its cause chain shows a credential; otherwise a copy of the
     * chain in which every message is masked (class names and stack traces kept), so that
     * {@code printStackTrace()} never prints a credential that a parser or the server echoed.
     *
     * @param t a cause about to be attached to an exception, or null
     * @return {@code t} or its masked copy
     */
    public Throwable scrub(Throwable t) {
        if (t == null || !leaks(t, 0)) {
            return t;
        }
        return copy(t, 0);
    }

    private boolean leaks(Throwable t, int depth) {
        if (t == null || depth > 16) {
            return false;
        }
        String message = t.getMessage();
        if (message != null && !maskSecrets(message).equals(message)) {
            return true;
        }
        for (Throwable s : t.getSuppressed()) {
            if (leaks(s, depth + 1)) {
                return true;
            }
        }
        return leaks(t.getCause() == t ? null : t.getCause(), depth + 1);
    }

    private Throwable copy(Throwable t, int depth) {
        Throwable cause = t.getCause() == null || t.getCause() == t || depth > 16 ? null : copy(t.getCause(), depth + 1);
        MaskedThrowable masked = new MaskedThrowable(t.getClass().getName(), maskSecrets(t.getMessage()), cause);
        masked.setStackTrace(t.getStackTrace());
        for (Throwable s : t.getSuppressed()) {
            masked.addSuppressed(depth > 16 ? s : copy(s, depth + 1));
        }
        return masked;
    }

    /**
     * Stands in for an exception whose message contained a credential: same class name (shown by
     * {@link #toString()}), same stack trace, the message masked.
     */
    public static final class MaskedThrowable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String originalClassName;

        MaskedThrowable(String originalClassName, String maskedMessage, Throwable cause) {
            super(maskedMessage, cause);
            this.originalClassName = originalClassName;
        }

        /** @return the class of the exception this replaces */
        public String originalClassName() {
            return originalClassName;
        }

        @Override
        public String toString() {
            String message = getLocalizedMessage();
            return originalClassName + " (masked)" + (message != null ? ": " + message : "");
        }
    }

    private static Set<String> caseInsensitive(Collection<String> names) {
        TreeSet<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.forEach(n -> set.add(n.toLowerCase(Locale.ROOT)));
        return java.util.Collections.unmodifiableSet(set);
    }
}
