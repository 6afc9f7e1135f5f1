package dev.martech.core.auth;

import dev.martech.core.http.HttpRequest;
import dev.martech.core.internal.Checks;
import java.util.List;
import java.util.function.Supplier;

/**
 * Puts credentials on a request. Applied by the runtime to every attempt, after the retry layer, so a
 * token supplier is asked again for each attempt and a refreshed token is picked up. Whatever an auth adds
 * to the request (header or query value) is treated as a secret and masked in logs and messages.
 */
@FunctionalInterface
public interface Auth {

    HttpRequest authenticate(HttpRequest request);

    /** No credentials (public operations, or auth done by a caller's own interceptor). */
    static Auth none() {
        return request -> request;
    }

    /** {@code Authorization: Bearer <token>} with a fixed token. */
    static Auth bearer(String token) {
        Checks.notBlank("bearer token", token);
        return bearer(() -> token);
    }

    /** {@code Authorization: Bearer <token>}, asking the supplier for the token on every attempt. */
    static Auth bearer(Supplier<String> tokenSupplier) {
        return header("Authorization", "Bearer ", tokenSupplier);
    }

    /** A header whose value is {@code prefix + supplier.get()}. */
    static Auth header(String name, String prefix, Supplier<String> secretSupplier) {
        Checks.headerName(name);
        Checks.required("secret supplier", secretSupplier);
        return new SecretAuth(name, secretSupplier, new HeaderPlacement(name, prefix));
    }

    /** A query parameter carrying the secret (SocialHub's {@code accesstoken}). */
    static Auth queryParameter(String name, String secret) {
        Checks.notBlank(name, secret);
        return queryParameter(name, () -> secret);
    }

    static Auth queryParameter(String name, Supplier<String> secretSupplier) {
        Checks.notBlank("query parameter name", name);
        Checks.required("secret supplier", secretSupplier);
        return new SecretAuth(name, secretSupplier, (request, value) -> request.withQueryParameter(name, value));
    }

    /** Applies each auth in order. */
    static Auth all(Auth... auths) {
        List<Auth> list = List.of(auths);
        return request -> {
            HttpRequest r = request;
            for (Auth auth : list) {
                r = auth.authenticate(r);
            }
            return r;
        };
    }
}
