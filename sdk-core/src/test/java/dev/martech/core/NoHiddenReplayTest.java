package dev.martech.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.martech.core.errors.ApiException;
import dev.martech.core.errors.ApiIoException;
import dev.martech.core.errors.ApiStatusException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12.1: for every fault, every method, blocking and async, the server receives exactly as many
 * requests as the call reports attempts; a POST or PATCH reaches it once (no opt-in to replays here).
 * Below the SDK, OkHttp must not send anything again (it would for a 503 with Retry-After: 0).
 */
class NoHiddenReplayTest extends HttpTestBase {

    /** A named fault; each serves every request of the test. */
    record FaultCase(String name, Supplier<ResponseDefinitionBuilder> response) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<FaultCase> faults() {
        return List.of(
                new FaultCase("503 Retry-After: 0", () -> aResponse().withStatus(503).withHeader("Retry-After", "0")),
                new FaultCase("503 Retry-After: 1", () -> aResponse().withStatus(503).withHeader("Retry-After", "1")),
                new FaultCase("503", () -> aResponse().withStatus(503)),
                new FaultCase("408", () -> aResponse().withStatus(408)),
                new FaultCase("429 Retry-After: 0", () -> aResponse().withStatus(429).withHeader("Retry-After", "0")),
                new FaultCase("500", () -> aResponse().withStatus(500)),
                new FaultCase("401", () -> aResponse().withStatus(401).withHeader("WWW-Authenticate", "Bearer")),
                new FaultCase("connection reset", () -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
                new FaultCase("empty response", () -> aResponse().withFault(Fault.EMPTY_RESPONSE)),
                new FaultCase("200 then garbage", () -> aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)),
                new FaultCase("random data", () -> aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));
    }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (FaultCase fault : faults()) {
            for (String method : List.of("GET", "POST", "PATCH", "DELETE")) {
                for (boolean async : List.of(false, true)) {
                    all.add(Arguments.of(fault, method, async));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} async={2}")
    @MethodSource("cases")
    void serverSeesExactlyTheReportedAttempts(FaultCase fault, String method, boolean async) {
        server.stubFor(any(urlPathEqualTo("/items")).willReturn(fault.response().get()));
        ApiRequest.Builder request = ApiRequest.builder(method, "/items");
        if (method.equals("POST") || method.equals("PATCH")) {
            request.jsonBody(Map.of("name", "x"));
        }
        ClientRuntime runtime = runtime();

        Throwable thrown = catchThrowable(() -> {
            if (async) {
                runtime.executeAsync(request.build(), ResponseType.json(Item.class), RequestOptions.none()).join();
            } else {
                runtime.execute(request.build(), ResponseType.json(Item.class), RequestOptions.none());
            }
        });
        if (thrown instanceof CompletionException) {
            thrown = thrown.getCause();
        }

        assertThat(thrown).as("every fault fails the call").isInstanceOf(ApiException.class);
        int attempts = ((ApiException) thrown).attempts();
        assertThat(received()).as("requests the server received for %s, reported attempts %s", thrown, attempts)
                .hasSize(attempts);
        if (method.equals("POST") || method.equals("PATCH")) {
            assertThat(attempts).as("a POST/PATCH is never replayed without opt-in").isEqualTo(1);
        }
        if (thrown instanceof ApiStatusException status && fault.name().contains("Retry-After")) {
            assertThat(status.headers().first("Retry-After")).as("the header the server sent is kept").isPresent();
        }
        if (thrown instanceof ApiIoException) {
            assertThat(thrown).isInstanceOf(ApiIoException.class);
        }
    }

    @Test
    void aCallersOkHttpClientCannotReSendBelowTheSdk() {
        server.stubFor(any(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(401)));
        // A shared client with OkHttp's defaults plus an authenticator that would answer every 401 again.
        OkHttpClient eager = okHttp.newBuilder().retryOnConnectionFailure(true)
                .authenticator((route, response) -> response.request().newBuilder().header("Authorization", "Bearer again").build())
                .build();

        Throwable thrown = catchThrowable(() -> runtime(clientOptions().okHttpClient(eager)).execute(
                ApiRequest.builder("POST", "/items").jsonBody(Map.of("name", "x")).build(), ResponseType.json(Item.class),
                RequestOptions.none()));

        assertThat(thrown).isInstanceOf(ApiStatusException.class);
        assertThat(received()).as("the 401 is the caller's answer; nothing re-sent it").hasSize(1);
    }
}
