package dev.martech.contacthub;

import dev.martech.contacthub.api.ContacthubApis;
import dev.martech.contacthub.model.ApiError;
import dev.martech.core.ApiDefinition;
import dev.martech.core.ClientOptions;
import dev.martech.core.ClientRuntime;
import dev.martech.core.OAuth2ClientBuilder;
import dev.martech.core.errors.ErrorFormat;
import dev.martech.core.json.DriftReport;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Client of the Contactlab Contacthub API 1.299.1 (customers, events, nodes…). Build one per service and
 * share it: it is thread-safe and holds the connection pool.
 *
 * <pre>{@code
 * ContacthubClient hub = ContacthubClient.builder().oauth2Token(tokens::current).build();
 * CustomerListParams params = CustomerListParams.builder().workspaceId(workspaceId).nodeId(nodeId).build();
 * hub.customers().list(params).autoPager().forEach(c -> System.out.println(c.getId()));
 * }</pre>
 *
 * <p>Groups of operations hang off the client ({@code client.<group>().<verb>(params)}); each operation takes
 * its immutable {@code <Resource><Verb>Params}. {@code withRawResponse()} gives the same groups returning
 * status and headers with the body decoded on demand, {@code async()} the same groups returning
 * {@code CompletableFuture}s; paged lists return a page with {@code items()}, {@code nextPage()} and
 * {@code autoPager()}.
 *
 * <p>Error bodies decode into {@link ApiError} ({@code {message, logref, errors}}); the {@code logref} is
 * the exception's reference id.
 */
public final class ContacthubClient extends ContacthubApis {
    /** The API as the runtime sees it. */
    public static final ApiDefinition API = new ApiDefinition("contacthub", "1.299.1", "https://api.contactlab.it/hub/v1",
            new ErrorFormat(List.of("message"), List.of("logref"), ErrorFormat.COMMON_REQUEST_ID_HEADERS),
            Map.of(4, ApiError.class, 5, ApiError.class));

    private ContacthubClient(ClientOptions options) {
        super(new ClientRuntime(API, options));
    }

    /**
     * What this client has seen in responses that the SDK does not know: properties a model does not list and
     * enum values the spec does not document, each with a count and the time first seen. Each new one was also
     * passed to the builder's {@code driftListener} (default: one WARN log line).
     *
     * @return a snapshot
     */
    public DriftReport driftReport() {
        return runtime().driftReport();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client configured from the environment: {@code CONTACTHUB_TOKEN} (required), {@code CONTACTHUB_BASE_URL}
     * (optional), {@code CONTACTHUB_LOG} or {@code MARTECH_LOG} ({@code info} or {@code debug}, optional).
     *
     * @return the client
     * @throws IllegalStateException when {@code CONTACTHUB_TOKEN} is not set
     */
    public static ContacthubClient fromEnv() {
        return builder().fromEnv().build();
    }

    /**
     * A client that differs from this one only in what {@code change} sets, e.g.
     * {@code client.withOptions(o -> o.readTimeout(Duration.ofMinutes(2)))}. It shares this client's connection
     * pool and async threads (so it is cheap); close this client last.
     *
     * @param change the settings that differ
     * @return the derived client
     */
    public ContacthubClient withOptions(Consumer<ClientOptions.Builder> change) {
        return new ContacthubClient(runtime().derivedOptions(change));
    }

    /** Builds a {@link ContacthubClient}; credentials are required. */
    public static final class Builder extends OAuth2ClientBuilder<Builder, ContacthubClient> {
        private Builder() {
        }

        @Override
        protected String environmentPrefix() {
            return "CONTACTHUB";
        }

        @Override
        protected ContacthubClient create(ClientOptions options) {
            return new ContacthubClient(options);
        }
    }
}
