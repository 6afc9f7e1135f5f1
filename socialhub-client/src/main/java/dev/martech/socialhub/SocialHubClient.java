package dev.martech.socialhub;

import dev.martech.core.ApiDefinition;
import dev.martech.core.ClientBuilder;
import dev.martech.core.ClientOptions;
import dev.martech.core.ClientRuntime;
import dev.martech.core.auth.Auth;
import dev.martech.core.errors.ErrorFormat;
import dev.martech.socialhub.api.SocialHubApis;
import dev.martech.socialhub.model.Error;
import dev.martech.socialhub.model.ValidationError;
import java.util.List;
import java.util.Map;
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
 * in every log line and message. Error bodies decode into {@link ValidationError} (400) and {@link Error}.
 */
public final class SocialHubClient extends SocialHubApis {
    /** The API as the runtime sees it. */
    public static final ApiDefinition API = new ApiDefinition("socialhub", "2.0.0", "https://app.socialhub.io/api2",
            new ErrorFormat(List.of("message", "code"), List.of(), ErrorFormat.COMMON_REQUEST_ID_HEADERS),
            Map.of(400, ValidationError.class, 4, Error.class, 5, Error.class));

    private SocialHubClient(ClientOptions options) {
        super(new ClientRuntime(API, options));
    }

    public static Builder builder() {
        return new Builder();
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
        protected void validate(ClientOptions options) {
            requireCredentials(options, "accessToken(...)");
        }

        @Override
        protected SocialHubClient create(ClientOptions options) {
            return new SocialHubClient(options);
        }
    }
}
