package dev.martech.contactflow;

import dev.martech.contactflow.api.ContactflowApis;
import dev.martech.contactflow.model.ApiError;
import dev.martech.core.ApiDefinition;
import dev.martech.core.ClientOptions;
import dev.martech.core.ClientRuntime;
import dev.martech.core.OAuth2ClientBuilder;
import dev.martech.core.errors.ErrorFormat;
import dev.martech.core.json.DriftReport;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.UUID;

/**
 * Client of the Contactlab Contactflow API 2.49.0 (automations, nodes…). Build one per service and share
 * it: it is thread-safe and holds the connection pool.
 *
 * <pre>{@code
 * ContactflowClient flow = ContactflowClient.builder().oauth2Token(token).node(nodeId).build();
 * AutomationListPage automations = flow.automations().list(AutomationListParams.none());
 * Automation one = flow.automations().retrieve(automationUuid);
 * }</pre>
 *
 * <p>Groups of operations hang off the client ({@code client.<group>().<verb>(params)}); each operation takes
 * its immutable {@code <Resource><Verb>Params}. {@code withRawResponse()} gives the same groups returning
 * status and headers with the body decoded on demand, {@code async()} the same groups returning
 * {@code CompletableFuture}s; paged lists return a page with {@code items()}, {@code nextPage()} and
 * {@code autoPager()}.
 *
 * <p>Most operations act on one node, named by the {@code Node} header: set it once with
 * {@link Builder#node(UUID)} and override it per call with {@code RequestOptions.builder().header("Node", …)}.
 * Error bodies decode into {@link ApiError}; its {@code logref} is the exception's reference id.
 */
public final class ContactflowClient extends ContactflowApis {
    /** The API as the runtime sees it. */
    public static final ApiDefinition API = new ApiDefinition("contactflow", "2.49.0", "https://api.contactlab.it/flow/v1",
            new ErrorFormat(List.of("message"), List.of("logref"), ErrorFormat.COMMON_REQUEST_ID_HEADERS),
            Map.of(4, ApiError.class, 5, ApiError.class));

    private ContactflowClient(ClientOptions options) {
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
     * A client configured from the environment: {@code CONTACTFLOW_TOKEN} (required), {@code CONTACTFLOW_BASE_URL} and {@code CONTACTFLOW_NODE}
     * (optional), {@code CONTACTFLOW_LOG} or {@code MARTECH_LOG} ({@code info} or {@code debug}, optional).
     *
     * @return the client
     * @throws IllegalStateException when {@code CONTACTFLOW_TOKEN} is not set
     */
    public static ContactflowClient fromEnv() {
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
    public ContactflowClient withOptions(Consumer<ClientOptions.Builder> change) {
        return new ContactflowClient(runtime().derivedOptions(change));
    }

    /** Builds a {@link ContactflowClient}; credentials are required, the node is needed by most calls. */
    public static final class Builder extends OAuth2ClientBuilder<Builder, ContactflowClient> {
        private Builder() {
        }

        /** The node calls operate on (the {@code Node} header), unless a call overrides it. */
        public Builder node(UUID node) {
            if (node == null) {
                throw new IllegalArgumentException("node is required but was null");
            }
            return defaultHeader("Node", node.toString());
        }

        /** Also reads {@code CONTACTFLOW_NODE}, the node UUID. */
        @Override
        public Builder fromEnv(Function<String, String> environment) {
            super.fromEnv(environment);
            String node = variable("CONTACTFLOW_NODE");
            if (node != null) {
                try {
                    node(UUID.fromString(node));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("CONTACTFLOW_NODE must be a UUID but was '" + node + "'", e);
                }
            }
            return this;
        }

        @Override
        protected String environmentPrefix() {
            return "CONTACTFLOW";
        }

        @Override
        protected ContactflowClient create(ClientOptions options) {
            return new ContactflowClient(options);
        }
    }
}
