package dev.martech.core;

import dev.martech.core.auth.Auth;
import java.util.function.Supplier;

/**
 * A client builder whose credential is an OAuth2 access token sent as {@code Authorization: Bearer …}
 * (the Contactlab APIs). The caller obtains and refreshes the token; a supplier is asked before every
 * attempt, so a refreshed token is used at once.
 *
 * @param <B> the concrete builder
 * @param <C> the client it builds
 */
public abstract class OAuth2ClientBuilder<B extends OAuth2ClientBuilder<B, C>, C> extends ClientBuilder<B, C> {

    protected OAuth2ClientBuilder() {
    }

    /** A fixed OAuth2 access token. */
    public B oauth2Token(String token) {
        return auth(Auth.bearer(token));
    }

    /** An OAuth2 access token asked for before every attempt. */
    public B oauth2Token(Supplier<String> tokenSupplier) {
        return auth(Auth.bearer(tokenSupplier));
    }

    @Override
    protected void validate(ClientOptions options) {
        requireCredentials(options, "oauth2Token(...)");
    }
}
