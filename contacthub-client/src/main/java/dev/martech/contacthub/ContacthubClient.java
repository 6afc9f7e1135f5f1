package dev.martech.contacthub;

import dev.martech.contacthub.api.ContacthubApis;
import dev.martech.contacthub.model.ApiError;
import dev.martech.core.ApiDefinition;
import dev.martech.core.ClientBuilder;
import dev.martech.core.ClientOptions;
import dev.martech.core.ClientRuntime;
import dev.martech.core.auth.Auth;
import dev.martech.core.errors.ErrorFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Client of the Contactlab Contacthub API 1.299.1 (customers, events, nodes…). Build one per service and
 * share it: it is thread-safe and holds the connection pool.
 *
 * <pre>{@code
 * ContacthubClient hub = ContacthubClient.builder().oauth2Token(tokens::current).build();
 * hub.customers().getCustomersAutoPaging(workspaceId, nodeId).forEach(c -> System.out.println(c.getId()));
 * }</pre>
 *
 * <p>Error bodies decode into {@link ApiError} ({@code {message, logref, errors}}); the {@code logref} is
 * the exception's reference id.
 */
public final class ContacthubClient extends ContacthubApis implements AutoCloseable {
    /** The API as the runtime sees it. */
    public static final ApiDefinition API = new ApiDefinition("contacthub", "1.299.1", "https://api.contactlab.it/hub/v1",
            new ErrorFormat(List.of("message"), List.of("logref"), ErrorFormat.COMMON_REQUEST_ID_HEADERS),
            Map.of(4, ApiError.class, 5, ApiError.class));

    private ContacthubClient(ClientOptions options) {
        super(new ClientRuntime(API, options));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The options this client runs with. */
    public ClientOptions options() {
        return runtime().options();
    }

    /** Releases the connection pool and threads (only those the client created itself). */
    @Override
    public void close() {
        runtime().close();
    }

    @Override
    public String toString() {
        return "ContacthubClient{" + runtime() + "}";
    }

    /** Builds a {@link ContacthubClient}; credentials are required. */
    public static final class Builder extends ClientBuilder<Builder, ContacthubClient> {
        private Builder() {
        }

        /** A fixed OAuth2 access token, sent as {@code Authorization: Bearer …}. */
        public Builder oauth2Token(String token) {
            return auth(Auth.bearer(token));
        }

        /** An OAuth2 access token asked for before every attempt, so a refreshed token is used at once. */
        public Builder oauth2Token(Supplier<String> tokenSupplier) {
            return auth(Auth.bearer(tokenSupplier));
        }

        @Override
        protected void validate(ClientOptions options) {
            requireCredentials(options, "oauth2Token(...)");
        }

        @Override
        protected ContacthubClient create(ClientOptions options) {
            return new ContacthubClient(options);
        }
    }
}
