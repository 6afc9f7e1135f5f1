package dev.martech.core.http;

import dev.martech.core.RequestOptions;
import dev.martech.core.retry.RetryPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/** Per-call settings resolved once from the client's and the call's options, handed down every layer. */
public final class CallContext {
    private final RetryPolicy retryPolicy;
    private final Duration callTimeout;
    private final Duration readTimeout;
    private final int attempt;
    private final boolean bufferBody;
    private final boolean followRedirects;
    private final BodyReader bodyReader;

    /**
     * Decodes a successful response's body inside the attempt, straight from the connection: what a transport
     * does with a large body instead of buffering it (see {@link #bodyReader()}).
     */
    @FunctionalInterface
    public interface BodyReader {
        /**
         * @param request  the request
         * @param response the response, its body still on the connection
         * @return the decoded body
         * @throws IOException when the connection breaks off (a failure of the attempt)
         */
        Object read(HttpRequest request, HttpResponse response) throws IOException;
    }

    public CallContext(RetryPolicy retryPolicy, Duration callTimeout, Duration readTimeout, int attempt) {
        this(retryPolicy, callTimeout, readTimeout, attempt, false, true, null);
    }

    private CallContext(RetryPolicy retryPolicy, Duration callTimeout, Duration readTimeout, int attempt,
            boolean bufferBody, boolean followRedirects, BodyReader bodyReader) {
        this.bodyReader = bodyReader;
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        this.callTimeout = callTimeout;
        this.readTimeout = readTimeout;
        this.attempt = attempt;
        this.bufferBody = bufferBody;
        this.followRedirects = followRedirects;
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
        return new CallContext(retryPolicy, callTimeout, readTimeout, attempt, bufferBody, followRedirects, bodyReader);
    }

    /**
     * Whether the wire reads the whole response body before handing the response up, so that a body that
     * breaks off is an I/O failure of this attempt (which the retry layer may retry) rather than of the
     * decoding after it. True for every call except streamed downloads.
     */
    public boolean bufferBody() {
        return bufferBody;
    }

    /**
     * How to decode a successful body inside the attempt, or null. When set (with {@link #bufferBody()}), a
     * transport may hand a body too large to buffer cheaply to this reader instead, and return the response
     * with the decoded value ({@link HttpResponse#decodedBody()}); either way the body is read inside the attempt.
     */
    public BodyReader bodyReader() {
        return bodyReader;
    }

    /**
     * The same settings with a body reader.
     *
     * @param reader see {@link #bodyReader()}
     * @return a context that differs only in its reader
     */
    public CallContext withBodyReader(BodyReader reader) {
        return new CallContext(retryPolicy, callTimeout, readTimeout, attempt, bufferBody, followRedirects, reader);
    }

    /** Whether redirects are followed (within the rules of the transport); false when the caller wants the 3xx. */
    public boolean followRedirects() {
        return followRedirects;
    }

    /**
     * The same settings with another response handling.
     *
     * @param bufferBody      see {@link #bufferBody()}
     * @param followRedirects see {@link #followRedirects()}
     * @return a context that differs only in those two settings
     */
    public CallContext withResponseHandling(boolean bufferBody, boolean followRedirects) {
        if (bufferBody == this.bufferBody && followRedirects == this.followRedirects) {
            return this;
        }
        return new CallContext(retryPolicy, callTimeout, readTimeout, attempt, bufferBody, followRedirects, bodyReader);
    }
}
