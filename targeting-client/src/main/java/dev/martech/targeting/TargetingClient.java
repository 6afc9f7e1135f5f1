package dev.martech.targeting;

import dev.martech.core.ApiDefinition;
import dev.martech.core.ClientBuilder;
import dev.martech.core.ClientOptions;
import dev.martech.core.ClientRuntime;
import dev.martech.core.auth.Auth;
import dev.martech.core.errors.ErrorFormat;
import dev.martech.targeting.api.TargetingApis;
import dev.martech.targeting.model.BaseError;
import dev.martech.targeting.model.ClientError;
import java.util.List;
import java.util.Map;
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

    public static Builder builder() {
        return new Builder();
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
        protected TargetingClient create(ClientOptions options) {
            return new TargetingClient(options);
        }
    }
}
