package dev.martech.core;

import dev.martech.core.auth.Auth;
import dev.martech.core.http.Transport;
import dev.martech.core.internal.Checks;
import dev.martech.core.logging.LogLevel;
import dev.martech.core.retry.RetryPolicy;
import dev.martech.core.retry.Sleeper;
import java.net.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * The builder every API client extends: all {@link ClientOptions} settings, once. An API's builder adds
 * only its credential shortcuts (e.g. {@code bearerToken}) and says how to create its client.
 *
 * @param <B> the concrete builder, so chained calls keep its type
 * @param <C> the client it builds
 */
public abstract class ClientBuilder<B extends ClientBuilder<B, C>, C> {
    /** Turns HTTP logging on for every client whose builder sets no level: info, debug, headers or none. */
    public static final String LOG_VARIABLE = "MARTECH_LOG";

    private ClientOptions.Builder options = ClientOptions.builder();
    private boolean credentialsSet;
    private boolean logLevelSet;
    private Function<String, String> environment = System::getenv;

    protected ClientBuilder() {
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** Creates the client from the finished options. */
    protected abstract C create(ClientOptions options);

    /** Checks API-specific requirements (e.g. credentials present) before the client is created. */
    protected void validate(ClientOptions options) {
    }

    /**
     * The prefix of this API's environment variables ({@code TARGETING} for {@code TARGETING_TOKEN},
     * {@code TARGETING_BASE_URL}, {@code TARGETING_LOG}), or null if the API reads none.
     */
    protected String environmentPrefix() {
        return null;
    }

    /** Sets the credential read from {@code <PREFIX>_TOKEN}; a bearer token unless the API says otherwise. */
    protected void credentialFromEnvironment(String token) {
        auth(Auth.bearer(token));
    }

    /**
     * Reads the settings from the process environment: {@code <PREFIX>_TOKEN} (the credential),
     * {@code <PREFIX>_BASE_URL} (optional) and {@code <PREFIX>_LOG} or {@code MARTECH_LOG} (optional), the
     * variables the examples use. A variable that is not set leaves the builder's setting as it is; later calls
     * override what was read.
     *
     * @return this builder
     */
    public B fromEnv() {
        return fromEnv(System::getenv);
    }

    /**
     * As {@link #fromEnv()}, from the given variables instead of the process environment (tests, config files).
     *
     * @param environment variable name to value (null when unset), e.g. {@code Map.of(...)::get}
     * @return this builder
     */
    public B fromEnv(Function<String, String> environment) {
        this.environment = Checks.required("environment", environment);
        String prefix = environmentPrefix();
        if (prefix == null) {
            throw new UnsupportedOperationException(getClass().getName() + " reads no environment variables");
        }
        String token = variable(prefix + "_TOKEN");
        if (token != null) {
            credentialFromEnvironment(token);
        }
        String baseUrl = variable(prefix + "_BASE_URL");
        if (baseUrl != null) {
            try {
                baseUrl(baseUrl);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(prefix + "_BASE_URL: " + e.getMessage(), e);
            }
        }
        return self();
    }

    /**
     * One environment variable as {@link #fromEnv} sees it.
     *
     * @param name the variable
     * @return its trimmed value, or null when unset or blank
     */
    protected final String variable(String name) {
        String value = environment.apply(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The level {@code <PREFIX>_LOG} or else {@code MARTECH_LOG} asks for, or null. */
    private LogLevel logLevelFromEnvironment() {
        String prefix = environmentPrefix();
        String name = prefix != null && variable(prefix + "_LOG") != null ? prefix + "_LOG" : LOG_VARIABLE;
        String value = variable(name);
        return value == null ? null : LogLevel.fromEnv(name, value);
    }

    /**
     * Fails unless credentials were configured (a client without them would only collect 401s).
     *
     * @param options the options being built
     * @param how     the builder call that sets them, for the message
     */
    protected final void requireCredentials(ClientOptions options, String how) {
        if (!credentialsSet) {
            String prefix = environmentPrefix();
            throw new IllegalStateException(getClass().getEnclosingClass().getSimpleName() + " needs credentials: call "
                    + how + " or auth(...) on the builder (Auth.none() for public operations only)"
                    + (prefix == null ? "" : ", or set " + prefix + "_TOKEN and use fromEnv()"));
        }
    }

    /** @return a new client; the builder can be reused */
    public final C build() {
        ClientOptions built = options.build();
        LogLevel fromEnvironment = logLevelSet ? null : logLevelFromEnvironment();
        if (fromEnvironment != null) {
            built = built.toBuilder().logLevel(fromEnvironment).build();
        }
        validate(built);
        return create(built);
    }

    /** Starts from existing options (e.g. shared defaults); later calls override them. */
    public B options(ClientOptions options) {
        this.options = Checks.required("options", options).toBuilder();
        credentialsSet = true;
        logLevelSet = true;
        return self();
    }

    /** @see ClientOptions.Builder#baseUrl(String) */
    public B baseUrl(String baseUrl) {
        options.baseUrl(baseUrl);
        return self();
    }

    /** Any credentials strategy; the API's builder also has shortcuts. */
    public B auth(Auth auth) {
        options.auth(auth);
        credentialsSet = true;
        return self();
    }

    public B connectTimeout(Duration timeout) {
        options.connectTimeout(timeout);
        return self();
    }

    public B readTimeout(Duration timeout) {
        options.readTimeout(timeout);
        return self();
    }

    public B writeTimeout(Duration timeout) {
        options.writeTimeout(timeout);
        return self();
    }

    /** Whole-call timeout of each attempt. */
    public B callTimeout(Duration timeout) {
        options.callTimeout(timeout);
        return self();
    }

    public B retryPolicy(RetryPolicy retryPolicy) {
        options.retryPolicy(retryPolicy);
        return self();
    }

    /** Total attempts with the default backoff; 1 disables retries. */
    public B maxAttempts(int maxAttempts) {
        options.maxAttempts(maxAttempts);
        return self();
    }

    /** A header sent with every call; a per-call header of the same name wins. */
    public B defaultHeader(String name, String value) {
        options.defaultHeader(name, value);
        return self();
    }

    /** An OkHttp application interceptor, run on every attempt after auth and before logging. */
    public B addInterceptor(Interceptor interceptor) {
        options.addInterceptor(interceptor);
        return self();
    }

    /** Share this OkHttp client's connection pool and interceptors (async calls still run on the SDK's own threads). */
    public B okHttpClient(OkHttpClient client) {
        options.okHttpClient(client);
        return self();
    }

    /** Replace the HTTP transport (tests, benchmarks). */
    public B transport(Transport transport) {
        options.transport(transport);
        return self();
    }

    /** How much to log; set in code, it wins over {@code MARTECH_LOG} / {@code <PREFIX>_LOG}. */
    public B logLevel(LogLevel logLevel) {
        options.logLevel(logLevel);
        logLevelSet = true;
        return self();
    }

    /** A header whose value may be logged in clear. */
    public B safeHeader(String name) {
        options.safeHeader(name);
        return self();
    }

    /** A query parameter whose value is always masked. */
    public B secretQueryParameter(String name) {
        options.secretQueryParameter(name);
        return self();
    }

    /** @see ClientOptions.Builder#proxy(Proxy) */
    public B proxy(Proxy proxy) {
        options.proxy(proxy);
        return self();
    }

    public B sleeper(Sleeper sleeper) {
        options.sleeper(sleeper);
        return self();
    }

    public B clock(Clock clock) {
        options.clock(clock);
        return self();
    }

    /**
     * Told once per (API, model, property or enum value) when a response holds a property or enum value the
     * SDK does not know (default: one WARN log line each); see {@link dev.martech.core.json.DriftListener}.
     *
     * @param listener the listener
     * @return this builder
     */
    public B driftListener(dev.martech.core.json.DriftListener listener) {
        options.driftListener(listener);
        return self();
    }

    /**
     * How many async calls may be in flight at once; more queue until one ends.
     *
     * @param maxConcurrentRequests at least 1; default {@value ClientOptions#DEFAULT_MAX_CONCURRENT_REQUESTS}
     * @return this builder
     * @see ClientOptions.Builder#maxConcurrentRequests(int)
     */
    public B maxConcurrentRequests(int maxConcurrentRequests) {
        options.maxConcurrentRequests(maxConcurrentRequests);
        return self();
    }

    public B userAgent(String userAgent) {
        options.userAgent(userAgent);
        return self();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{" + options.build() + "}";
    }
}
