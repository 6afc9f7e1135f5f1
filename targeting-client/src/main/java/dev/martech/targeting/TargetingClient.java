package dev.martech.targeting;

import dev.martech.core.ApiDefinition;
import dev.martech.core.ClientBuilder;
import dev.martech.core.ClientOptions;
import dev.martech.core.ClientRuntime;
import dev.martech.core.auth.Auth;
import dev.martech.core.json.DriftReport;
import dev.martech.core.errors.ErrorFormat;
import dev.martech.targeting.api.TargetingApis;
import dev.martech.targeting.model.BaseError;
import dev.martech.targeting.model.ClientError;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Client of the epilot Targeting API (campaigns, recipients, target matching). Build one per service and
 * share it: it is thread-safe and holds the connection pool.
 *
 * <pre>{@code
 * TargetingClient targeting = TargetingClient.builder().bearerToken(System.getenv("EPILOT_TOKEN")).build();
 * CampaignResponse campaign = targeting.campaigns().changeStatus(campaignId);
 * targeting.recipients().list(RecipientListParams.builder().campaignId(campaignId).build()).autoPager()
 *         .forEach(r -> System.out.println(r.getTitle()));
 * }</pre>
 *
 * <p>Groups of operations hang off the client ({@code client.<group>().<verb>(params)}); each operation takes
 * its immutable {@code <Resource><Verb>Params}. {@code withRawResponse()} gives the same groups returning
 * status and headers with the body decoded on demand, {@code async()} the same groups returning
 * {@code CompletableFuture}s; paged lists return a page with {@code items()}, {@code nextPage()} and
 * {@code autoPager()}.
 *
 * <p>Error bodies decode into {@link ClientError} (4xx, a sealed union) and {@link BaseError} (5xx, the
 * spec's ServerError).
 */
public final class TargetingClient extends TargetingApis {
    /** The API as the runtime sees it. */
    public static final ApiDefinition API = new ApiDefinition("targeting", "1.0.0", "https://targeting.sls.epilot.io",
            new ErrorFormat(List.of("message", "error", "code"), List.of(), ErrorFormat.COMMON_REQUEST_ID_HEADERS),
            Map.of(4, ClientError.class, 5, BaseError.class));

    private TargetingClient(ClientOptions options) {
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
     * A client configured from the environment: {@code TARGETING_TOKEN} (required), {@code TARGETING_BASE_URL}
     * (optional), {@code TARGETING_LOG} or {@code MARTECH_LOG} ({@code info} or {@code debug}, optional).
     *
     * @return the client
     * @throws IllegalStateException when {@code TARGETING_TOKEN} is not set
     */
    public static TargetingClient fromEnv() {
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
    public TargetingClient withOptions(Consumer<ClientOptions.Builder> change) {
        return new TargetingClient(runtime().derivedOptions(change));
    }

    /** Builds a {@link TargetingClient}; credentials are required. */
    public static final class Builder extends ClientBuilder<Builder, TargetingClient> {
        private Builder() {
        }

        /** A fixed epilot bearer token (JWT). */
        public Builder bearerToken(String token) {
            return auth(Auth.bearer(token));
        }

        /** A bearer token asked for before every attempt, so a refreshed token is used as soon as it exists. */
        public Builder bearerToken(Supplier<String> tokenSupplier) {
            return auth(Auth.bearer(tokenSupplier));
        }

        @Override
        protected void validate(ClientOptions options) {
            requireCredentials(options, "bearerToken(...)");
        }

        @Override
        protected String environmentPrefix() {
            return "TARGETING";
        }

        @Override
        protected TargetingClient create(ClientOptions options) {
            return new TargetingClient(options);
        }
    }
}
