package dev.martech.socialhub;

import dev.martech.core.ApiDefinition;
import dev.martech.core.ClientBuilder;
import dev.martech.core.ClientOptions;
import dev.martech.core.ClientRuntime;
import dev.martech.core.auth.Auth;
import dev.martech.core.json.DriftReport;
import dev.martech.core.errors.ErrorFormat;
import dev.martech.socialhub.api.SocialHubApis;
import dev.martech.socialhub.model.ApiError;
import dev.martech.socialhub.model.ValidationError;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Client of the SocialHub API2 (posts, inbox, channels, analytics…). Build one per service and share it: it
 * is thread-safe and holds the connection pool.
 *
 * <pre>{@code
 * SocialHubClient socialHub = SocialHubClient.builder().accessToken(System.getenv("SOCIALHUB_TOKEN")).build();
 * socialHub.posts().list(PostListParams.none()).autoPager().stream().limit(100)
 *         .forEach(post -> System.out.println(post.getId()));
 * }</pre>
 *
 * <p>Groups of operations hang off the client ({@code client.<group>().<verb>(params)}); each operation takes
 * its immutable {@code <Resource><Verb>Params}. {@code withRawResponse()} gives the same groups returning
 * status and headers with the body decoded on demand, {@code async()} the same groups returning
 * {@code CompletableFuture}s; paged lists return a page with {@code items()}, {@code nextPage()} and
 * {@code autoPager()}.
 *
 * <p>The access token travels as the {@code accesstoken} query parameter, as the API requires; it is masked
 * in every log line and message. Error bodies decode into {@link ValidationError} (400) and {@link ApiError}.
 */
public final class SocialHubClient extends SocialHubApis {
    /** The API as the runtime sees it. */
    public static final ApiDefinition API = new ApiDefinition("socialhub", "2.0.0", "https://app.socialhub.io/api2",
            new ErrorFormat(List.of("message", "code"), List.of(), ErrorFormat.COMMON_REQUEST_ID_HEADERS),
            Map.of(400, ValidationError.class, 4, ApiError.class, 5, ApiError.class));

    private SocialHubClient(ClientOptions options) {
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
     * A client configured from the environment: {@code SOCIALHUB_TOKEN} (required), {@code SOCIALHUB_BASE_URL}
     * (optional), {@code SOCIALHUB_LOG} or {@code MARTECH_LOG} ({@code info} or {@code debug}, optional).
     *
     * @return the client
     * @throws IllegalStateException when {@code SOCIALHUB_TOKEN} is not set
     */
    public static SocialHubClient fromEnv() {
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
    public SocialHubClient withOptions(Consumer<ClientOptions.Builder> change) {
        return new SocialHubClient(runtime().derivedOptions(change));
    }

    /** Builds a {@link SocialHubClient}; credentials are required. */
    public static final class Builder extends ClientBuilder<Builder, SocialHubClient> {
        private Builder() {
        }

        /** A fixed SocialHub access token, sent as the {@code accesstoken} query parameter. */
        public Builder accessToken(String token) {
            return auth(Auth.queryParameter("accesstoken", token));
        }

        /** An access token asked for before every attempt. */
        public Builder accessToken(Supplier<String> tokenSupplier) {
            return auth(Auth.queryParameter("accesstoken", tokenSupplier));
        }

        @Override
        protected void credentialFromEnvironment(String token) {
            accessToken(token);
        }

        @Override
        protected void validate(ClientOptions options) {
            requireCredentials(options, "accessToken(...)");
        }

        @Override
        protected String environmentPrefix() {
            return "SOCIALHUB";
        }

        @Override
        protected SocialHubClient create(ClientOptions options) {
            return new SocialHubClient(options);
        }
    }
}
