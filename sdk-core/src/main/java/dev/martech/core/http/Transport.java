package dev.martech.core.http;

import java.io.Closeable;
import java.util.concurrent.CompletableFuture;

/**
 * The seam between the SDK and the wire: one request in, one response out. Auth, retries and logging
 * are layers around a transport, composed once when a client is built.
 */
public interface Transport extends Closeable {

    /** Sends the request; the caller closes the response. Failures are {@link dev.martech.core.errors.ApiException}s. */
    HttpResponse execute(HttpRequest request, CallContext context);

    /** Sends the request without blocking a thread while waiting for the server. */
    CompletableFuture<HttpResponse> executeAsync(HttpRequest request, CallContext context);

    @Override
    default void close() {
    }
}
