package dev.martech.core.http;

import dev.martech.core.RequestOptions;
import dev.martech.core.retry.RetryPolicy;
import java.time.Duration;
import java.util.Objects;

/** Per-call settings resolved once from the client's and the call's options, handed down every layer. */
public final class CallContext {
    private final RetryPolicy retryPolicy;
    private final Duration callTimeout;
    private final Duration readTimeout;
    private final int attempt;

    public CallContext(RetryPolicy retryPolicy, Duration callTimeout, Duration readTimeout, int attempt) {
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        this.callTimeout = callTimeout;
        this.readTimeout = readTimeout;
        this.attempt = attempt;
    }

    public static CallContext of(RequestOptions options, RetryPolicy clientPolicy, Duration callTimeout,
            Duration readTimeout) {
        return new CallContext(
                options.retryPolicy() != null ? options.retryPolicy() : clientPolicy,
                options.timeout() != null ? options.timeout() : callTimeout,
                options.readTimeout() != null ? options.readTimeout() : readTimeout,
                1);
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** Whole-call timeout per attempt (connect + write + server time + read), or null for none. */
    public Duration callTimeout() {
        return callTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    /** 1 for the first attempt. */
    public int attempt() {
        return attempt;
    }

    public CallContext withAttempt(int attempt) {
        if (attempt == this.attempt) {
            return this; // immutable: the first attempt needs no copy
        }
        return new CallContext(retryPolicy, callTimeout, readTimeout, attempt);
    }
}
