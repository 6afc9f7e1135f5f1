package dev.martech.core;

import dev.martech.core.http.HttpHeaders;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A successful response as the {@code withRawResponse()} view returns it: status, headers and attempts are
 * at hand, the body is decoded only when {@link #parse()} is called (once; later calls return the same
 * value). A body that cannot be decoded fails {@code parse()}, not the call, so status and headers stay
 * readable.
 *
 * @param <T> the decoded body type
 */
public final class HttpResponseFor<T> {
    private final int status;
    private final HttpHeaders headers;
    private final int attempts;
    private final Supplier<T> decode;
    private volatile boolean parsed;
    private T body;

    /**
     * @param status   the HTTP status (2xx)
     * @param headers  the response headers
     * @param attempts how many attempts the call took
     * @param decode   decodes the body; called at most once
     */
    public HttpResponseFor(int status, HttpHeaders headers, int attempts, Supplier<T> decode) {
        this.status = status;
        this.headers = headers;
        this.attempts = attempts;
        this.decode = decode;
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the response headers */
    public HttpHeaders headers() {
        return headers;
    }

    /** @return how many attempts the call took, including the first */
    public int attempts() {
        return attempts;
    }

    /**
     * @return the decoded body (null for an operation without one)
     * @throws dev.martech.core.errors.ResponseDecodingException when the body cannot be decoded
     */
    public T parse() {
        if (!parsed) {
            synchronized (this) {
                if (!parsed) {
                    body = decode.get();
                    parsed = true;
                }
            }
        }
        return body;
    }

    /**
     * The same response with the body turned into something else when parsed (e.g. a page around it).
     *
     * @param mapper applied to the parsed body
     * @param <U> the new body type
     * @return a response whose {@link #parse()} returns {@code mapper.apply(this.parse())}
     */
    public <U> HttpResponseFor<U> map(Function<? super T, ? extends U> mapper) {
        return new HttpResponseFor<>(status, headers, attempts, () -> mapper.apply(parse()));
    }

    @Override
    public String toString() {
        return "HttpResponseFor{status=" + status + ", attempts=" + attempts + (parsed ? ", parsed" : "") + "}";
    }
}
