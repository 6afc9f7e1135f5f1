package dev.martech.core;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.martech.core.errors.ApiIoException;
import dev.martech.core.errors.ApiTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeoutScenarioTest extends HttpTestBase {
    private static final String OK = "{\"id\":\"1\",\"name\":\"slow\"}";

    @Test
    void readTimeoutIsAnApiTimeoutException() {
        server.stubFor(get("/slow").willReturn(okJson(OK).withFixedDelay(2000)));
        ClientRuntime runtime = runtime(clientOptions().readTimeout(Duration.ofMillis(200)).maxAttempts(1));

        ApiTimeoutException e = catchThrowableOfType(ApiTimeoutException.class,
                () -> runtime.execute(apiGet("/slow"), ResponseType.json(Item.class), RequestOptions.none()));

        assertThat(e.requestSent()).isTrue();
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e.getMessage()).contains("timed out").contains("GET " + baseUrl() + "/slow");
    }

    @Test
    void readTimeoutOnGetIsRetried() {
        server.stubFor(get("/slow").willReturn(okJson(OK).withFixedDelay(1000)));
        ClientRuntime runtime = runtime(clientOptions().readTimeout(Duration.ofMillis(150)).maxAttempts(2));

        ApiTimeoutException e = catchThrowableOfType(ApiTimeoutException.class,
                () -> runtime.execute(apiGet("/slow"), ResponseType.json(Item.class), RequestOptions.none()));

        assertThat(e.attempts()).isEqualTo(2);
        assertThat(e.getSuppressed()).hasSize(1).allSatisfy(s -> assertThat(s).isInstanceOf(ApiTimeoutException.class));
        server.verify(2, getRequestedFor(urlPathEqualTo("/slow")));
    }

    @Test
    void perCallTimeoutOverridesTheClientsWhileOtherCallsSucceed() {
        server.stubFor(get("/slow").willReturn(okJson(OK).withFixedDelay(700)));
        ClientRuntime runtime = runtime(clientOptions().maxAttempts(1));

        ApiTimeoutException e = catchThrowableOfType(ApiTimeoutException.class, () -> runtime.execute(apiGet("/slow"),
                ResponseType.json(Item.class), RequestOptions.builder().timeout(Duration.ofMillis(150)).build()));
        ApiResponse<Item> ok = runtime.execute(apiGet("/slow"), ResponseType.json(Item.class), RequestOptions.none());

        assertThat(e.attempts()).isEqualTo(1);
        assertThat(ok.body()).isEqualTo(new Item("1", "slow"));
    }

    @Test
    void perCallReadTimeoutOverridesTheClients() {
        server.stubFor(get("/slow").willReturn(okJson(OK).withFixedDelay(700)));
        ClientRuntime runtime = runtime(clientOptions().maxAttempts(1));

        ApiTimeoutException e = catchThrowableOfType(ApiTimeoutException.class, () -> runtime.execute(apiGet("/slow"),
                ResponseType.json(Item.class), RequestOptions.builder().readTimeout(Duration.ofMillis(150)).build()));

        assertThat(e.requestSent()).isTrue();
        assertThat(runtime.execute(apiGet("/slow"), ResponseType.json(Item.class), RequestOptions.none()).status())
                .isEqualTo(200);
    }

    @Test
    void closedLoopbackPortIsConnectionRefusedNotSentAndNotATimeout() {
        ClientRuntime runtime = runtime(clientOptions().baseUrl("http://127.0.0.1:" + closedPort()).maxAttempts(1));

        ApiIoException e = catchThrowableOfType(ApiIoException.class,
                () -> runtime.execute(apiGet("/items"), ResponseType.json(Item.class), RequestOptions.none()));

        assertThat(e).isNotInstanceOf(ApiTimeoutException.class);
        assertThat(e.requestSent()).isFalse();
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e.getMessage()).contains("I/O failure");
        assertThat(e.getCause()).isInstanceOf(java.io.IOException.class);
    }
}
