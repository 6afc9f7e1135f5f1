package dev.martech.core;

import dev.martech.core.internal.Checks;
import dev.martech.core.retry.RetryPolicy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options for one call, merged over the client's: a timeout, extra headers and query parameters, and a
 * different retry policy. Immutable; {@link #none()} changes nothing.
 */
public final class RequestOptions {
    private static final RequestOptions NONE = builder().build();

    private final Duration timeout;
    private final Duration readTimeout;
    private final Map<String, String> headers;
    private final Map<String, String> queryParameters;
    private final RetryPolicy retryPolicy;

    private RequestOptions(Builder b) {
        this.timeout = b.timeout;
        this.readTimeout = b.readTimeout;
        this.headers = Map.copyOf(b.headers);
        this.queryParameters = Map.copyOf(b.queryParameters);
        this.retryPolicy = b.retryPolicy;
    }

    public static RequestOptions none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.timeout = timeout;
        b.readTimeout = readTimeout;
        b.headers.putAll(headers);
        b.queryParameters.putAll(queryParameters);
        b.retryPolicy = retryPolicy;
        return b;
    }

    /** Whole-call timeout of each attempt, or null to use the client's. */
    public Duration timeout() {
        return timeout;
    }

    /** Read timeout, or null to use the client's. */
    public Duration readTimeout() {
        return readTimeout;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Map<String, String> queryParameters() {
        return queryParameters;
    }

    /** Retry policy for this call, or null to use the client's. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    @Override
    public String toString() {
        return "RequestOptions{timeout=" + timeout + ", readTimeout=" + readTimeout + ", headers="
                + headers.keySet() + ", queryParameters=" + queryParameters.keySet() + ", retryPolicy=" + retryPolicy + "}";
    }

    public static final class Builder {
        private Duration timeout;
        private Duration readTimeout;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final Map<String, String> queryParameters = new LinkedHashMap<>();
        private RetryPolicy retryPolicy;

        private Builder() {
        }

        public Builder timeout(Duration timeout) {
            this.timeout = Checks.positive("timeout", timeout);
            return this;
        }

        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = Checks.positive("readTimeout", readTimeout);
            return this;
        }

        /** Adds or replaces a header for this call (e.g. Contactflow's {@code Node}). */
        public Builder header(String name, String value) {
            headers.put(Checks.headerName(name), Checks.headerValue(name, value));
            return this;
        }

        public Builder queryParameter(String name, String value) {
            queryParameters.put(Checks.notBlank("query parameter name", name),
                    Checks.required("query parameter " + name, value));
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Checks.required("retryPolicy", retryPolicy);
            return this;
        }

        /** Shortcut for a retry policy that makes a single attempt. */
        public Builder noRetries() {
            return retryPolicy(RetryPolicy.none());
        }

        public RequestOptions build() {
            return new RequestOptions(this);
        }
    }
}
