package dev.martech.targeting;

import dev.martech.core.ApiDefinition;
import dev.martech.core.ClientBuilder;
import dev.martech.core.ClientOptions;
import dev.martech.core.ClientRuntime;
import dev.martech.core.auth.Auth;
import dev.martech.core.errors.ErrorFormat;
import dev.martech.targeting.api.CampaignApi;
import dev.martech.targeting.api.CampaignDeliveryApi;
import dev.martech.targeting.api.CampaignRecipientApi;
import dev.martech.targeting.api.TargetApi;
import dev.martech.targeting.model.ClientError;
import dev.martech.targeting.model.BaseError;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Client of the epilot Targeting API (campaigns, recipients, target matching). Build one per service and
 * share it: it is thread-safe and holds the connection pool.
 *
 * <pre>{@code
 * TargetingClient targeting = TargetingClient.builder().bearerToken(System.getenv("EPILOT_TOKEN")).build();
 * CampaignResponse campaign = targeting.campaigns().changeCampaignStatus(campaignId);
 * }</pre>
 *
 * <p>Error bodies decode into {@link ClientError} (4xx; a sealed union) and {@link BaseError} (5xx, the spec's ServerError).
 */
public final class TargetingClient implements AutoCloseable {
    /** The API as the runtime sees it. */
    public static final ApiDefinition API = new ApiDefinition("targeting", "1.0.0", "https://targeting.sls.epilot.io",
            new ErrorFormat(List.of("message", "error", "code"), List.of(), ErrorFormat.COMMON_REQUEST_ID_HEADERS),
            Map.of(400, ClientError.class, 500, BaseError.class));

    private final ClientRuntime runtime;
    private final CampaignApi campaigns;
    private final CampaignDeliveryApi campaignDelivery;
    private final CampaignRecipientApi recipients;
    private final TargetApi targets;

    private TargetingClient(ClientOptions options) {
        this.runtime = new ClientRuntime(API, options);
        this.campaigns = new CampaignApi(runtime);
        this.campaignDelivery = new CampaignDeliveryApi(runtime);
        this.recipients = new CampaignRecipientApi(runtime);
        this.targets = new TargetApi(runtime);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Campaign operations (status, jobs, portals). */
    public CampaignApi campaigns() {
        return campaigns;
    }

    /** Campaign delivery operations (automation retriggers). */
    public CampaignDeliveryApi campaignDelivery() {
        return campaignDelivery;
    }

    /** Campaign recipient operations, including {@code getRecipientsAutoPaging}. */
    public CampaignRecipientApi recipients() {
        return recipients;
    }

    /** Target and campaign matching. */
    public TargetApi targets() {
        return targets;
    }

    /** The options this client runs with (credentials redacted in {@code toString()}). */
    public ClientOptions options() {
        return runtime.options();
    }

    /** Releases the connection pool and threads (only those the client created itself). */
    @Override
    public void close() {
        runtime.close();
    }

    @Override
    public String toString() {
        return "TargetingClient{" + runtime + "}";
    }

    /** Builds a {@link TargetingClient}; credentials are required. */
    public static final class Builder extends ClientBuilder<Builder, TargetingClient> {
        private boolean credentials;

        private Builder() {
        }

        /** A fixed epilot bearer token (JWT). */
        public Builder bearerToken(String token) {
            credentials = true;
            return auth(Auth.bearer(token));
        }

        /** A bearer token asked for before every attempt, so a refreshed token is used as soon as it exists. */
        public Builder bearerToken(Supplier<String> tokenSupplier) {
            credentials = true;
            return auth(Auth.bearer(tokenSupplier));
        }

        @Override
        public Builder auth(Auth auth) {
            credentials = true;
            return super.auth(auth);
        }

        @Override
        protected void validate(ClientOptions options) {
            if (!credentials) {
                throw new IllegalStateException("TargetingClient needs credentials: call bearerToken(...) or auth(...)");
            }
        }

        @Override
        protected TargetingClient create(ClientOptions options) {
            return new TargetingClient(options);
        }
    }
}
