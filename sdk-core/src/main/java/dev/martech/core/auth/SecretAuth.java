package dev.martech.core.auth;

import dev.martech.core.http.HttpRequest;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/** An auth that asks a supplier for a secret per attempt and places it on the request. */
final class SecretAuth implements Auth {
    private final String target;
    private final Supplier<String> supplier;
    private final BiFunction<HttpRequest, String, HttpRequest> placement;

    SecretAuth(String target, Supplier<String> supplier, BiFunction<HttpRequest, String, HttpRequest> placement) {
        this.target = target;
        this.supplier = supplier;
        this.placement = placement;
    }

    @Override
    public HttpRequest authenticate(HttpRequest request) {
        String secret = supplier.get();
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("the credential supplier for " + target + " returned "
                    + (secret == null ? "null" : "a blank value") + "; no request was sent");
        }
        return placement.apply(request, secret);
    }

    @Override
    public String toString() {
        return "Auth{" + target + "=REDACTED}";
    }
}
