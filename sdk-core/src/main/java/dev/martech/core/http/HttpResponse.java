package dev.martech.core.http;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * A received response whose body has not been read yet. Closing it releases the connection; the body
 * can be consumed once, as a stream, so a large download never needs to fit in memory.
 */
public final class HttpResponse implements Closeable {
    private final int status;
    private final HttpHeaders headers;
    private final InputStream body;
    private final long contentLength;
    private final String contentType;
    private final int attempts;
    private final List<Throwable> earlierFailures;

    public HttpResponse(int status, HttpHeaders headers, InputStream body, long contentLength, String contentType) {
        this(status, headers, body, contentLength, contentType, 1, List.of());
    }

    private HttpResponse(int status, HttpHeaders headers, InputStream body, long contentLength, String contentType,
            int attempts, List<Throwable> earlierFailures) {
        this.status = status;
        this.headers = Objects.requireNonNull(headers, "headers");
        this.body = body == null ? InputStream.nullInputStream() : body;
        this.contentLength = contentLength;
        this.contentType = contentType;
        this.attempts = attempts;
        this.earlierFailures = List.copyOf(earlierFailures);
    }

    /** The same response, recording how many attempts it took and why the earlier ones failed. */
    public HttpResponse withAttempts(int attempts, List<Throwable> earlierFailures) {
        return new HttpResponse(status, headers, body, contentLength, contentType, attempts, earlierFailures);
    }

    /** How many attempts the call took, including this one. */
    public int attempts() {
        return attempts;
    }

    /** Why the earlier attempts failed, oldest first. */
    public List<Throwable> earlierFailures() {
        return earlierFailures;
    }

    public int status() {
        return status;
    }

    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }

    public HttpHeaders headers() {
        return headers;
    }

    /** The body stream; read it once, then close this response. */
    public InputStream body() {
        return body;
    }

    /** Declared length in bytes, or -1 when unknown. */
    public long contentLength() {
        return contentLength;
    }

    /** The Content-Type, or null. */
    public String contentType() {
        return contentType;
    }

    /** Reads the rest of the body into memory; for error and JSON bodies, never for downloads. */
    public byte[] readBytes() {
        try (InputStream in = body) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException ignored) {
            // Closing only releases the connection; a failure here has nothing left to lose.
        }
    }

    @Override
    public String toString() {
        return "HttpResponse{status=" + status + ", headers=" + headers + "}";
    }
}
