package dev.martech.core;

import dev.martech.core.auth.Auth;
import dev.martech.core.http.Transport;
import dev.martech.core.internal.Checks;
import dev.martech.core.json.DriftListener;
import dev.martech.core.logging.LogLevel;
import dev.martech.core.logging.Redactor;
import dev.martech.core.retry.RetryPolicy;
import dev.martech.core.retry.Sleeper;
import java.net.Proxy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * Everything a client is configured with. Immutable; derive variants with {@link #toBuilder()}.
 *
 * <p>Defaults: connect timeout 10 s, read and write timeouts 30 s, whole-call timeout 60 s per attempt,
 * {@link RetryPolicy#defaults()} (3 attempts), no logging.
 */
public final class ClientOptions {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);
    /**
     * Async calls of one client in flight at once (all go to the API's one host); further async calls wait
     * in an unbounded queue. Blocking calls are bounded by the caller's threads. OkHttp's default would be 5
     * per host.
     */
    public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 64;

    private final String baseUrl;
    private final Auth auth;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration writeTimeout;
    private final Duration callTimeout;
    private final RetryPolicy retryPolicy;
    private final Map<String, String> defaultHeaders;
    private final List<Interceptor> interceptors;
    private final OkHttpClient okHttpClient;
    private final Transport transport;
    private final LogLevel logLevel;
    private final Set<String> extraSafeHeaders;
    private final Set<String> extraSecretQueryParameters;
    private final Sleeper sleeper;
    private final Clock clock;
    private final String userAgent;
    private final DriftListener driftListener;
    private final Integer maxConcurrentRequests;
    private final Proxy proxy;

    private ClientOptions(Builder b) {
        this.baseUrl = b.baseUrl;
        this.auth = b.auth;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.writeTimeout = b.writeTimeout;
        this.callTimeout = b.callTimeout;
        this.retryPolicy = b.retryPolicy;
        this.defaultHeaders = Map.copyOf(b.defaultHeaders);
        this.interceptors = List.copyOf(b.interceptors);
        this.okHttpClient = b.okHttpClient;
        this.transport = b.transport;
        this.logLevel = b.logLevel;
        this.extraSafeHeaders = Set.copyOf(b.extraSafeHeaders);
        this.extraSecretQueryParameters = Set.copyOf(b.extraSecretQueryParameters);
        this.sleeper = b.sleeper;
        this.clock = b.clock;
        this.userAgent = b.userAgent;
        this.driftListener = b.driftListener;
        this.maxConcurrentRequests = b.maxConcurrentRequests;
        this.proxy = b.proxy;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.baseUrl = baseUrl;
        b.auth = auth;
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.writeTimeout = writeTimeout;
        b.callTimeout = callTimeout;
        b.retryPolicy = retryPolicy;
        b.defaultHeaders.putAll(defaultHeaders);
        b.interceptors.addAll(interceptors);
        b.okHttpClient = okHttpClient;
        b.transport = transport;
        b.logLevel = logLevel;
        b.extraSafeHeaders.addAll(extraSafeHeaders);
        b.extraSecretQueryParameters.addAll(extraSecretQueryParameters);
        b.sleeper = sleeper;
        b.clock = clock;
        b.userAgent = userAgent;
        b.driftListener = driftListener;
        b.maxConcurrentRequests = maxConcurrentRequests;
        b.proxy = proxy;
        return b;
    }

    /** The base URL, or null for the API's default server. */
    public String baseUrl() { return baseUrl; }
    public Auth auth() { return auth; }
    public Duration connectTimeout() { return connectTimeout; }
    public Duration readTimeout() { return readTimeout; }
    public Duration writeTimeout() { return writeTimeout; }
    /** Whole-call timeout per attempt. */
    public Duration callTimeout() { return callTimeout; }
    public RetryPolicy retryPolicy() { return retryPolicy; }
    public Map<String, String> defaultHeaders() { return defaultHeaders; }
    public List<Interceptor> interceptors() { return interceptors; }
    /** A caller-supplied OkHttp client (its pool is shared; its dispatcher threads are not used), or null. */
    public OkHttpClient okHttpClient() { return okHttpClient; }
    /** A replacement transport (tests, benchmarks), or null for OkHttp. */
    public Transport transport() { return transport; }
    public LogLevel logLevel() { return logLevel; }
    public Sleeper sleeper() { return sleeper; }
    public Clock clock() { return clock; }
    public String userAgent() { return userAgent; }
    /** Told once per new kind of API drift seen in responses; default {@link DriftListener#logging()}. */
    public DriftListener driftListener() { return driftListener; }
    /** The proxy calls go through, or null for the JVM's default proxy selection. */
    public Proxy proxy() { return proxy; }

    /**
     * How many async calls of this client may be in flight at once ({@value #DEFAULT_MAX_CONCURRENT_REQUESTS}
     * unless set): the number of threads they run on.
     *
     * @return the limit
     */
    public int maxConcurrentRequests() {
        return maxConcurrentRequests != null ? maxConcurrentRequests : DEFAULT_MAX_CONCURRENT_REQUESTS;
    }

    /** @return whether {@link Builder#maxConcurrentRequests(int)} was called */
    public boolean maxConcurrentRequestsSet() {
        return maxConcurrentRequests != null;
    }

    /** The redactor for these options: default safe headers plus extra ones, default secret query names plus extra. */
    public Redactor newRedactor() {
        Set<String> safe = new LinkedHashSet<>(Redactor.DEFAULT_SAFE_HEADERS);
        safe.addAll(extraSafeHeaders);
        Set<String> secret = new LinkedHashSet<>(Redactor.DEFAULT_SECRET_QUERY_PARAMETERS);
        secret.addAll(extraSecretQueryParameters);
        return new Redactor(safe, secret);
    }

    @Override
    public String toString() {
        return "ClientOptions{baseUrl=" + baseUrl + ", auth=" + (auth == null ? "none" : "REDACTED")
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", writeTimeout=" + writeTimeout
                + ", callTimeout=" + callTimeout + ", retryPolicy=" + retryPolicy + ", defaultHeaders="
                + defaultHeaders.keySet() + ", interceptors=" + interceptors.size() + ", logLevel=" + logLevel + ", maxConcurrentRequests=" + maxConcurrentRequests() + "}";
    }

    public static final class Builder {
        private String baseUrl;
        private Auth auth = Auth.none();
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private Duration writeTimeout = DEFAULT_WRITE_TIMEOUT;
        private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private final Map<String, String> defaultHeaders = new LinkedHashMap<>();
        private final List<Interceptor> interceptors = new ArrayList<>();
        private OkHttpClient okHttpClient;
        private Transport transport;
        private LogLevel logLevel = LogLevel.NONE;
        private final Set<String> extraSafeHeaders = new LinkedHashSet<>();
        private final Set<String> extraSecretQueryParameters = new LinkedHashSet<>();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private Clock clock = Clock.systemUTC();
        private String userAgent = "martech-sdk-java";
        private DriftListener driftListener = DriftListener.logging();
        private Integer maxConcurrentRequests;
        private Proxy proxy;

        private Builder() {
        }

        /**
         * Told once per (API, model, property or enum value) when a response holds a property or enum value
         * the SDK does not know; {@link DriftListener#none()} to stay silent.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder driftListener(DriftListener listener) {
            this.driftListener = Checks.required("driftListener", listener);
            return this;
        }

        /**
         * How many async calls of this client may be in flight at once (default
         * {@value ClientOptions#DEFAULT_MAX_CONCURRENT_REQUESTS}), each on one of the client's own threads; more
         * queue until one ends (blocking calls are bounded by the caller's threads). The idle connection pool keeps
         * as many connections. With {@link #okHttpClient(OkHttpClient)} the async calls still run on the SDK's own
         * threads, not that client's dispatcher.
         *
         * @param maxConcurrentRequests at least 1
         * @return this builder
         */
        public Builder maxConcurrentRequests(int maxConcurrentRequests) {
            this.maxConcurrentRequests = Checks.atLeast("maxConcurrentRequests", maxConcurrentRequests, 1);
            return this;
        }

        /** An absolute http(s) URL including any base path, e.g. {@code https://api.contactlab.it/hub/v1}. */
        public Builder baseUrl(String baseUrl) {
            Checks.notBlank("baseUrl", baseUrl);
            URI uri;
            try {
                uri = URI.create(baseUrl);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("baseUrl is not a valid URL: " + e.getMessage());
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new IllegalArgumentException("baseUrl must be an absolute http or https URL but was '" + baseUrl + "'");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("baseUrl must not have a query or fragment: '" + baseUrl + "'");
            }
            this.baseUrl = baseUrl;
            return this;
        }

        public Builder auth(Auth auth) {
            this.auth = Checks.required("auth", auth);
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Checks.positive("connectTimeout", timeout);
            return this;
        }

        public Builder readTimeout(Duration timeout) {
            this.readTimeout = Checks.positive("readTimeout", timeout);
            return this;
        }

        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = Checks.positive("writeTimeout", timeout);
            return this;
        }

        /** Whole-call timeout for each attempt (connect, write, wait, read). */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = Checks.positive("callTimeout", timeout);
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Checks.required("retryPolicy", retryPolicy);
            return this;
        }

        /** Max attempts with the default backoff; 1 disables retries. */
        public Builder maxAttempts(int maxAttempts) {
            this.retryPolicy = retryPolicy.toBuilder().maxAttempts(maxAttempts).build();
            return this;
        }

        /** A header sent on every call (CR/LF rejected). A per-call header of the same name wins. */
        public Builder defaultHeader(String name, String value) {
            defaultHeaders.put(Checks.headerName(name), Checks.headerValue(name, value));
            return this;
        }

        /** An OkHttp application interceptor; runs on every attempt, after auth and before logging. */
        public Builder addInterceptor(Interceptor interceptor) {
            interceptors.add(Checks.required("interceptor", interceptor));
            return this;
        }

        /** Shares this client's connection pool (async calls run on the SDK's own threads); its retry-on-connection-failure is turned off. */
        public Builder okHttpClient(OkHttpClient client) {
            this.okHttpClient = Checks.required("okHttpClient", client);
            return this;
        }

        /** Replaces the HTTP transport altogether (tests, benchmarks, another HTTP stack). */
        public Builder transport(Transport transport) {
            this.transport = Checks.required("transport", transport);
            return this;
        }

        public Builder logLevel(LogLevel logLevel) {
            this.logLevel = Checks.required("logLevel", logLevel);
            return this;
        }

        /** A header whose value may be logged in clear (all others not in the default list are REDACTED). */
        public Builder safeHeader(String name) {
            extraSafeHeaders.add(Checks.headerName(name));
            return this;
        }

        /** A query parameter whose value is always masked. */
        public Builder secretQueryParameter(String name) {
            extraSecretQueryParameters.add(Checks.notBlank("name", name));
            return this;
        }

        /** How the retry layer waits; tests pass a recording sleeper. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Checks.required("sleeper", sleeper);
            return this;
        }

        /** The clock that {@code Retry-After} dates are compared with. */
        public Builder clock(Clock clock) {
            this.clock = Checks.required("clock", clock);
            return this;
        }

        public Builder userAgent(String userAgent) {
            this.userAgent = Checks.headerValue("User-Agent", Checks.notBlank("userAgent", userAgent));
            return this;
        }

        /** Sends every call through this proxy ({@link Proxy#NO_PROXY} for a direct connection). */
        public Builder proxy(Proxy proxy) {
            this.proxy = Checks.required("proxy", proxy);
            return this;
        }

        public ClientOptions build() {
            return new ClientOptions(this);
        }
    }
}
