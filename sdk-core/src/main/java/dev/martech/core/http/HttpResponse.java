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
    private final byte[] buffered;
    private final boolean decoded;
    private final Object decodedBody;

    public HttpResponse(int status, HttpHeaders headers, InputStream body, long contentLength, String contentType) {
        this(status, headers, body, contentLength, contentType, 1, List.of(), null, false, null);
    }

    /**
     * A response whose body the transport has already read whole (inside the attempt).
     *
     * @param status      the status code
     * @param headers     the headers
     * @param body        the whole body; owned by this response from now on
     * @param contentType the body's media type, or null
     */
    public HttpResponse(int status, HttpHeaders headers, byte[] body, String contentType) {
        this(status, headers, new java.io.ByteArrayInputStream(Objects.requireNonNull(body, "body")), body.length,
                contentType, 1, List.of(), body, false, null);
    }

    /**
     * A response whose body the transport has already decoded (inside the attempt, by the call's
     * {@link CallContext#bodyReader()}); its {@link #body()} is empty.
     *
     * @param status      the status code
     * @param headers     the headers
     * @param decodedBody the decoded body (null for none)
     * @param contentType the body's media type, or null
     * @return the response
     */
    public static HttpResponse decoded(int status, HttpHeaders headers, Object decodedBody, String contentType) {
        return new HttpResponse(status, headers, InputStream.nullInputStream(), 0, contentType, 1, List.of(), null,
                true, decodedBody);
    }

    private HttpResponse(int status, HttpHeaders headers, InputStream body, long contentLength, String contentType,
            int attempts, List<Throwable> earlierFailures, byte[] buffered, boolean decoded, Object decodedBody) {
        this.buffered = buffered;
        this.decoded = decoded;
        this.decodedBody = decodedBody;
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
        return new HttpResponse(status, headers, body, contentLength, contentType, attempts, earlierFailures, buffered, decoded, decodedBody);
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

    /**
     * The whole body, when the transport read it before handing the response up (then {@link #body()} streams
     * these same bytes, and reading one does not consume the other); null for a body still on the connection.
     * The array belongs to this response: do not modify it.
     *
     * @return the body's bytes, or null
     */
    public byte[] bufferedBody() {
        return buffered;
    }

    /** Whether the transport has decoded the body already ({@link #decodedBody()}). */
    public boolean isDecoded() {
        return decoded;
    }

    /**
     * The body the transport decoded inside the attempt; meaningful only when {@link #isDecoded()}.
     *
     * @return the decoded body, possibly null
     */
    public Object decodedBody() {
        return decodedBody;
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
