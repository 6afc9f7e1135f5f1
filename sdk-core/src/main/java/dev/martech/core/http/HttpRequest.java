package dev.martech.core.http;

import dev.martech.core.logging.Redactor;
import java.util.Objects;

/**
 * One outgoing HTTP request, fully resolved (absolute URL, headers, body). Immutable; the auth layer
 * derives a copy per attempt with {@link #withHeader} or {@link #withQueryParameter}.
 *
 * <p>{@link #toString()} never shows header values or secret query values.
 */
public final class HttpRequest {
    private final String method;
    private final HttpUrl url;
    private final HttpHeaders headers;
    private final RequestBody body;

    public HttpRequest(String method, HttpUrl url, HttpHeaders headers, RequestBody body) {
        this.method = Objects.requireNonNull(method, "method");
        this.url = Objects.requireNonNull(url, "url");
        this.headers = Objects.requireNonNull(headers, "headers");
        this.body = body;
    }

    public String method() {
        return method;
    }

    public HttpUrl url() {
        return url;
    }

    public HttpHeaders headers() {
        return headers;
    }

    /** The body, or null for none. */
    public RequestBody body() {
        return body;
    }

    public HttpRequest withHeader(String name, String value) {
        return new HttpRequest(method, url, headers.with(name, value), body);
    }

    public HttpRequest withQueryParameter(String name, String value) {
        return new HttpRequest(method, url.withQueryParameter(name, value), headers, body);
    }

    /**
     * Whether the method is idempotent by RFC 9110, so that a replay after the request may have reached
     * the server is harmless.
     */
    public boolean isIdempotent() {
        switch (method) {
            case "GET": case "HEAD": case "OPTIONS": case "PUT": case "DELETE": case "TRACE":
                return true;
            default:
                return false;
        }
    }

    @Override
    public String toString() {
        return method + " " + Redactor.DEFAULT.redactUrl(url);
    }
}
