package dev.martech.core.internal;

import dev.martech.core.auth.Auth;
import dev.martech.core.http.CallContext;
import dev.martech.core.http.HttpRequest;
import dev.martech.core.http.HttpResponse;
import dev.martech.core.http.Transport;
import dev.martech.core.logging.Redactor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Applies the auth to each attempt (inside the retry layer, so a token supplier is asked per attempt) and
 * registers whatever it added as a secret with the redactor.
 */
public final class AuthenticatingTransport implements Transport {
    private final Transport next;
    private final Auth auth;
    private final Redactor redactor;

    public AuthenticatingTransport(Transport next, Auth auth, Redactor redactor) {
        this.next = next;
        this.auth = auth;
        this.redactor = redactor;
    }

    @Override
    public HttpResponse execute(HttpRequest request, CallContext context) {
        return next.execute(authenticate(request), context);
    }

    @Override
    public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, CallContext context) {
        HttpRequest authenticated;
        try {
            authenticated = authenticate(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return next.executeAsync(authenticated, context);
    }

    private HttpRequest authenticate(HttpRequest request) {
        HttpRequest authenticated = auth.authenticate(request);
        if (authenticated != request) {
            // Plain loops and identity short-cuts: this runs on every attempt of every call.
            if (authenticated.headers() != request.headers()) {
                for (Map.Entry<String, List<String>> header : authenticated.headers().asMap().entrySet()) {
                    List<String> before = request.headers().all(header.getKey());
                    for (String value : header.getValue()) {
                        if (!before.contains(value)) {
                            redactor.registerSecret(value);
                        }
                    }
                }
            }
            if (authenticated.url() != request.url()) {
                List<Map.Entry<String, String>> before = request.url().query();
                for (Map.Entry<String, String> e : authenticated.url().query()) {
                    if (!before.contains(e)) {
                        redactor.registerSecret(e.getValue());
                    }
                }
            }
        }
        return authenticated;
    }

    @Override
    public void close() {
        next.close();
    }
}
