package dev.martech.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.martech.core.auth.Auth;
import dev.martech.core.errors.ApiIoException;
import dev.martech.core.errors.RateLimitException;
import dev.martech.core.errors.ServerException;
import dev.martech.core.http.RequestBody;
import dev.martech.core.retry.RetryPolicy;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryScenarioTest extends HttpTestBase {
    private static final String OK = "{\"id\":\"7\",\"name\":\"seven\"}";

    private static ApiRequest post(String path) {
        return ApiRequest.builder("POST", path).jsonBody(Map.of("name", "x")).build();
    }

    @Test
    void getRetriedTwiceOn503ThenSucceedsWithJitteredExponentialBackoff() {
        stubSequence("GET", "/items", aResponse().withStatus(503), aResponse().withStatus(503), okJson(OK));

        ApiResponse<Item> response = runtime().execute(apiGet("/items"), ResponseType.json(Item.class),
                RequestOptions.none());

        assertThat(response.body()).isEqualTo(new Item("7", "seven"));
        assertThat(response.attempts()).isEqualTo(3);
        server.verify(3, getRequestedFor(urlPathEqualTo("/items")));
        // Defaults: 500 ms doubling, equal jitter: retry n waits between half and all of 500 * 2^(n-1).
        assertThat(sleeper.delays).hasSize(2);
        assertThat(sleeper.delays.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(sleeper.delays.get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void backoffDoublesUpToMaxDelayWithPinnedJitter() {
        stubSequence("GET", "/items", aResponse().withStatus(500));
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(5).initialDelay(Duration.ofSeconds(1))
                .maxDelay(Duration.ofSeconds(3)).jitter(() -> 0.0).build();

        ServerException e = catchThrowableOfType(ServerException.class, () -> runtime(clientOptions().retryPolicy(policy))
                .execute(apiGet("/items"), ResponseType.json(Item.class), RequestOptions.none()));

        assertThat(e.attempts()).isEqualTo(5);
        // Half of 1 s, 2 s, then 4 s and 8 s capped at 3 s.
        assertThat(sleeper.delays).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000),
                Duration.ofMillis(1500), Duration.ofMillis(1500));
    }

    @Test
    void retryAfterSecondsIsWaitedExactly() {
        stubSequence("GET", "/items", aResponse().withStatus(429).withHeader("Retry-After", "2"), okJson(OK));

        ApiResponse<Item> response = runtime().execute(apiGet("/items"), ResponseType.json(Item.class),
                RequestOptions.none());

        assertThat(response.attempts()).isEqualTo(2);
        assertThat(sleeper.delays).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void retryAfterHttpDateIsMeasuredFromTheClock() {
        // The clock stands at 2025-01-01T00:00:00Z.
        stubSequence("GET", "/items",
                aResponse().withStatus(503).withHeader("Retry-After", "Wed, 01 Jan 2025 00:00:07 GMT"), okJson(OK));

        ApiResponse<Item> response = runtime().execute(apiGet("/items"), ResponseType.json(Item.class),
                RequestOptions.none());

        assertThat(response.attempts()).isEqualTo(2);
        assertThat(sleeper.delays).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterLongerThanMaxRetryAfterEndsRetriesWithRateLimitException() {
        stubSequence("GET", "/items", aResponse().withStatus(429).withHeader("Retry-After", "120")
                .withBody("{\"message\":\"slow down\"}"), okJson(OK));

        RateLimitException e = catchThrowableOfType(RateLimitException.class,
                () -> runtime().execute(apiGet("/items"), ResponseType.json(Item.class), RequestOptions.none()));

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e.apiMessage()).contains("slow down");
        assertThat(sleeper.delays).isEmpty();
        server.verify(1, getRequestedFor(urlPathEqualTo("/items")));
    }

    @Test
    void connectionResetOnGetIsRetried() {
        stubSequence("GET", "/items", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), okJson(OK));

        ApiResponse<Item> response = runtime().execute(apiGet("/items"), ResponseType.json(Item.class),
                RequestOptions.none());

        assertThat(response.body()).isEqualTo(new Item("7", "seven"));
        assertThat(response.attempts()).isEqualTo(2);
        assertThat(sleeper.delays).hasSize(1);
    }

    @Test
    void postThatGets500IsNotReplayed() {
        stubSequence("POST", "/items", aResponse().withStatus(500), okJson(OK));

        ServerException e = catchThrowableOfType(ServerException.class,
                () -> runtime().execute(post("/items"), ResponseType.json(Item.class), RequestOptions.none()));

        assertThat(e.status()).isEqualTo(500);
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e.getSuppressed()).isEmpty();
        assertThat(sleeper.delays).isEmpty();
        server.verify(1, postRequestedFor(urlPathEqualTo("/items")));
    }

    @Test
    void postWithConnectionResetAfterSendingIsNotReplayed() {
        stubSequence("POST", "/items", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), okJson(OK));

        ApiIoException e = catchThrowableOfType(ApiIoException.class,
                () -> runtime().execute(post("/items"), ResponseType.json(Item.class), RequestOptions.none()));

        assertThat(e.requestSent()).isTrue();
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(sleeper.delays).isEmpty();
        server.verify(1, postRequestedFor(urlPathEqualTo("/items")));
    }

    @Test
    void postIsReplayedWhenTheClientOptsIn() {
        stubSequence("POST", "/items", aResponse().withStatus(503),
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), okJson(OK));
        RetryPolicy optIn = RetryPolicy.builder().retryNonIdempotent(true).build();

        ApiResponse<Item> response = runtime(clientOptions().retryPolicy(optIn))
                .execute(post("/items"), ResponseType.json(Item.class), RequestOptions.none());

        assertThat(response.attempts()).isEqualTo(3);
        server.verify(3, postRequestedFor(urlPathEqualTo("/items")));
        assertThat(received()).allSatisfy(r -> assertThat(r.getBodyAsString()).isEqualTo("{\"name\":\"x\"}"));
    }

    @Test
    void postIsReplayedWhenOneCallOptsIn() {
        stubSequence("POST", "/items", aResponse().withStatus(503), okJson(OK));
        ClientRuntime runtime = runtime();
        RequestOptions optIn = RequestOptions.builder()
                .retryPolicy(RetryPolicy.builder().retryNonIdempotent(true).build()).build();

        ApiResponse<Item> response = runtime.execute(post("/items"), ResponseType.json(Item.class), optIn);

        assertThat(response.attempts()).isEqualTo(2);
        server.verify(2, postRequestedFor(urlPathEqualTo("/items")));
    }

    @Test
    void postToClosedPortIsRetriedBecauseItWasNeverSent() {
        ClientRuntime runtime = runtime(clientOptions().baseUrl("http://127.0.0.1:" + closedPort()));

        ApiIoException e = catchThrowableOfType(ApiIoException.class,
                () -> runtime.execute(post("/items"), ResponseType.json(Item.class), RequestOptions.none()));

        assertThat(e.requestSent()).isFalse();
        assertThat(e.attempts()).isEqualTo(3);
        assertThat(sleeper.delays).hasSize(2);
        assertThat(e.getSuppressed()).hasSize(2).allSatisfy(s -> assertThat(s).isInstanceOf(ApiIoException.class));
        assertThat(e.getMessage()).contains("3 attempts");
    }

    @Test
    void exhaustedAttemptsReportTheCountAndAttachEarlierFailures() {
        stubSequence("GET", "/items", aResponse().withStatus(502).withBody("bad gateway"));

        ServerException e = catchThrowableOfType(ServerException.class,
                () -> runtime(clientOptions().maxAttempts(4))
                        .execute(apiGet("/items"), ResponseType.json(Item.class), RequestOptions.none()));

        assertThat(e.status()).isEqualTo(502);
        assertThat(e.attempts()).isEqualTo(4);
        assertThat(e.getMessage()).contains("4 attempts");
        assertThat(e.getSuppressed()).hasSize(3);
        assertThat(Arrays.stream(e.getSuppressed()).map(Throwable::getMessage))
                .allSatisfy(m -> assertThat(m).contains("502"))
                .anySatisfy(m -> assertThat(m).contains("attempt 1"))
                .anySatisfy(m -> assertThat(m).contains("attempt 3"));
        assertThat(sleeper.delays).hasSize(3);
        server.verify(4, getRequestedFor(urlPathEqualTo("/items")));
    }

    @Test
    void exhaustedConnectionFailuresAttachEarlierFailures() {
        stubSequence("GET", "/items", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        ApiIoException e = catchThrowableOfType(ApiIoException.class,
                () -> runtime().execute(apiGet("/items"), ResponseType.json(Item.class), RequestOptions.none()));

        assertThat(e.attempts()).isEqualTo(3);
        assertThat(e.getSuppressed()).hasSize(2).doesNotContain(e);
        server.verify(3, getRequestedFor(urlPathEqualTo("/items")));
    }

    @Test
    void nonReplayableStreamBodyIsNeverRetried() {
        stubSequence("PUT", "/upload", aResponse().withStatus(503), okJson(OK));
        RetryPolicy everything = RetryPolicy.builder().retryNonIdempotent(true).maxAttempts(5).build();
        ApiRequest upload = ApiRequest.builder("PUT", "/upload").body(RequestBody.stream("application/octet-stream",
                new ByteArrayInputStream("payload".getBytes(StandardCharsets.UTF_8)), 7)).build();

        ServerException e = catchThrowableOfType(ServerException.class, () -> runtime(clientOptions().retryPolicy(everything))
                .execute(upload, ResponseType.json(Item.class), RequestOptions.none()));

        assertThat(e.attempts()).isEqualTo(1);
        assertThat(sleeper.delays).isEmpty();
        server.verify(1, putRequestedFor(urlPathEqualTo("/upload")));
        assertThat(received().get(0).getBodyAsString()).isEqualTo("payload");
    }

    @Test
    void nonRetryableStatusIsNotRetried() {
        stubSequence("GET", "/items", aResponse().withStatus(404), okJson(OK));

        catchThrowableOfType(dev.martech.core.errors.NotFoundException.class,
                () -> runtime().execute(apiGet("/items"), ResponseType.json(Item.class), RequestOptions.none()));

        assertThat(sleeper.delays).isEmpty();
        server.verify(1, getRequestedFor(urlPathEqualTo("/items")));
    }

    @Test
    void interruptedWhileWaitingToRetryEndsTheCallAndKeepsTheInterruptFlag() {
        stubSequence("GET", "/items", aResponse().withStatus(503), okJson(OK));
        ClientRuntime runtime = runtime(clientOptions().auth(Auth.queryParameter("session", "session-secret-42"))
                .sleeper(d -> {
                    throw new InterruptedException("stop");
                }));

        ApiIoException e = catchThrowableOfType(ApiIoException.class,
                () -> runtime.execute(apiGet("/items"), ResponseType.json(Item.class), RequestOptions.none()));

        assertThat(Thread.interrupted()).as("interrupt flag restored").isTrue();
        assertThat(e.getMessage()).contains("interrupted").doesNotContain("session-secret-42");
        assertThat(e.redactedUrl()).doesNotContain("session-secret-42");
        assertThat(e.attempts()).isEqualTo(1);
    }
}
