package dev.martech.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.martech.core.errors.ApiIoException;
import dev.martech.core.errors.NotFoundException;
import dev.martech.core.errors.ServerException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AsyncScenarioTest extends HttpTestBase {
    private static final String OK = "{\"id\":\"9\",\"name\":\"nine\"}";

    /** Bounded wait so that a hung future fails the test instead of the build. */
    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new CompletionException(e.getCause());
        } catch (Exception e) {
            throw new AssertionError("the future did not complete", e);
        }
    }

    @Test
    void asyncCallSucceeds() {
        server.stubFor(get("/items/9").willReturn(okJson(OK)));

        ApiResponse<Item> response = await(runtime().executeAsync(
                ApiRequest.builder("GET", "/items/{id}").pathParameter("id", 9).build(), ResponseType.json(Item.class),
                RequestOptions.none()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(new Item("9", "nine"));
        assertThat(response.attempts()).isEqualTo(1);
    }

    @Test
    void asyncCallRetries503ThroughTheConfiguredSleeper() {
        stubSequence("GET", "/items", aResponse().withStatus(503), okJson(OK));

        ApiResponse<Item> response = await(runtime().executeAsync(apiGet("/items"), ResponseType.json(Item.class),
                RequestOptions.none()));

        assertThat(response.body()).isEqualTo(new Item("9", "nine"));
        assertThat(response.attempts()).isEqualTo(2);
        server.verify(2, getRequestedFor(urlPathEqualTo("/items")));
        assertThat(sleeper.delays).singleElement()
                .satisfies(d -> assertThat(d).isBetween(Duration.ofMillis(250), Duration.ofMillis(500)));
    }

    @Test
    void asyncRetryAfterIsHonoured() {
        stubSequence("GET", "/items", aResponse().withStatus(429).withHeader("Retry-After", "3"), okJson(OK));

        ApiResponse<Item> response = await(runtime().executeAsync(apiGet("/items"), ResponseType.json(Item.class),
                RequestOptions.none()));

        assertThat(response.attempts()).isEqualTo(2);
        assertThat(sleeper.delays).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void asyncErrorCompletesWithTheTypedException() {
        server.stubFor(get("/items").willReturn(aResponse().withStatus(404).withBody("{\"message\":\"gone\"}")));

        CompletionException e = catchThrowableOfType(CompletionException.class,
                () -> await(runtime().executeAsync(apiGet("/items"), ResponseType.json(Item.class), RequestOptions.none())));

        assertThat(e.getCause()).isInstanceOf(NotFoundException.class);
        NotFoundException notFound = (NotFoundException) e.getCause();
        assertThat(notFound.apiMessage()).contains("gone");
        assertThat(notFound.attempts()).isEqualTo(1);
    }

    @Test
    void asyncExhaustedRetriesReportAttemptsAndEarlierFailures() {
        server.stubFor(get("/items").willReturn(aResponse().withStatus(500)));

        CompletionException e = catchThrowableOfType(CompletionException.class,
                () -> await(runtime().executeAsync(apiGet("/items"), ResponseType.json(Item.class), RequestOptions.none())));

        assertThat(e.getCause()).isInstanceOf(ServerException.class);
        assertThat(((ServerException) e.getCause()).attempts()).isEqualTo(3);
        assertThat(e.getCause().getSuppressed()).hasSize(2);
        assertThat(sleeper.delays).hasSize(2);
    }

    @Test
    void asyncConnectionFailureIsRetriedThenReported() {
        ClientRuntime runtime = runtime(clientOptions().baseUrl("http://127.0.0.1:" + closedPort()));

        CompletionException e = catchThrowableOfType(CompletionException.class,
                () -> await(runtime.executeAsync(apiGet("/items"), ResponseType.json(Item.class), RequestOptions.none())));

        assertThat(e.getCause()).isInstanceOf(ApiIoException.class);
        ApiIoException io = (ApiIoException) e.getCause();
        assertThat(io.requestSent()).isFalse();
        assertThat(io.attempts()).isEqualTo(3);
        assertThat(io.getSuppressed()).hasSize(2);
    }

    @Test
    void asyncConnectionResetOnGetIsRetried() {
        stubSequence("GET", "/items", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), okJson(OK));

        ApiResponse<Item> response = await(runtime().executeAsync(apiGet("/items"), ResponseType.json(Item.class),
                RequestOptions.none()));

        assertThat(response.attempts()).isEqualTo(2);
    }

    @Test
    void fiftyConcurrentAsyncCallsAllComplete() {
        server.stubFor(get(urlPathMatching("/items/[0-9]+")).willReturn(okJson(OK).withFixedDelay(20)));
        ClientRuntime runtime = runtime();

        List<CompletableFuture<ApiResponse<String>>> futures = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            futures.add(runtime.executeAsync(ApiRequest.builder("GET", "/items/{id}").pathParameter("id", i).build(),
                    ResponseType.text(), RequestOptions.none()));
        }
        await(CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])));

        assertThat(futures).allSatisfy(f -> assertThat(f.join().body()).isEqualTo(OK));
        server.verify(50, getRequestedFor(urlPathMatching("/items/[0-9]+")));
        for (int i = 0; i < 50; i++) {
            server.verify(1, getRequestedFor(urlPathEqualTo("/items/" + i)));
        }
    }

    @Test
    void invalidRequestFailsTheFutureInsteadOfThrowing() {
        ApiRequest request = apiGet("/items");
        CompletableFuture<ApiResponse<Item>> future = runtime().executeAsync(request, ResponseType.json(Item.class),
                null);

        assertThat(future).isCompletedExceptionally();
        assertThat(server.getAllServeEvents()).isEmpty();
    }
}
