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
            authenticated.headers().asMap().forEach((name, values) -> {
                List<String> before = request.headers().all(name);
                values.stream().filter(v -> !before.contains(v)).forEach(redactor::registerSecret);
            });
            List<Map.Entry<String, String>> before = request.url().query();
            authenticated.url().query().stream().filter(e -> !before.contains(e))
                    .forEach(e -> redactor.registerSecret(e.getValue()));
        }
        return authenticated;
    }

    @Override
    public void close() {
        next.close();
    }
}
