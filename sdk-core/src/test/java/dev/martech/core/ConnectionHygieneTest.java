package dev.martech.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.martech.core.errors.ApiException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import okhttp3.ConnectionPool;
import org.junit.jupiter.api.Test;

/** STYLE #15: every kind of outcome releases its connection (the base class checks after each test too). */
class ConnectionHygieneTest extends HttpTestBase {

    @Test
    void everyKindOfOutcomeReleasesItsConnection() throws Exception {
        server.stubFor(get("/ok").willReturn(okJson("{\"id\":\"1\"}")));
        server.stubFor(get("/text").willReturn(aResponse().withBody("plain")));
        server.stubFor(get("/none").willReturn(aResponse().withStatus(200).withBody("ignored body")));
        server.stubFor(get("/missing").willReturn(aResponse().withStatus(404).withBody("{\"message\":\"no\"}")));
        server.stubFor(get("/html").willReturn(aResponse().withStatus(500).withBody("<html>" + "x".repeat(10_000))));
        server.stubFor(get("/broken").willReturn(okJson("{\"id\":")));
        server.stubFor(get("/download").willReturn(aResponse().withBody(new byte[200_000])));
        stubSequence("POST", "/retry", aResponse().withStatus(503).withBody("busy"), okJson("{}"));
        ClientRuntime runtime = runtime(clientOptions().retryPolicy(
                dev.martech.core.retry.RetryPolicy.builder().retryNonIdempotent(true).build()));

        for (int round = 0; round < 3; round++) {
            runtime.execute(apiGet("/ok"), ResponseType.json(Item.class), RequestOptions.none());
            runtime.execute(apiGet("/text"), ResponseType.text(), RequestOptions.none());
            runtime.execute(apiGet("/none"), ResponseType.none(), RequestOptions.none());
            assertThat(catchThrowable(() -> runtime.execute(apiGet("/missing"), ResponseType.json(Item.class),
                    RequestOptions.none()))).isInstanceOf(ApiException.class);
            assertThat(catchThrowable(() -> runtime.execute(apiGet("/html"), ResponseType.json(Item.class),
                    RequestOptions.builder().noRetries().build()))).isInstanceOf(ApiException.class);
            assertThat(catchThrowable(() -> runtime.execute(apiGet("/broken"), ResponseType.json(Item.class),
                    RequestOptions.none()))).isInstanceOf(ApiException.class);
            try (BinaryResponse download = runtime.execute(apiGet("/download"), ResponseType.stream(),
                    RequestOptions.none()).body()) {
                assertThat(download.transferTo(java.io.OutputStream.nullOutputStream())).isEqualTo(200_000);
            }
            try (BinaryResponse unread = runtime.execute(apiGet("/download"), ResponseType.stream(),
                    RequestOptions.none()).body()) {
                assertThat(unread.stream().read()).as("read one byte, leave the rest").isZero();
            }
            server.setScenarioState("POST /retry", com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED);
            runtime.execute(ApiRequest.builder("POST", "/retry").jsonBody(Map.of()).build(), ResponseType.none(),
                    RequestOptions.none());
            CompletableFuture<?> async = runtime.executeAsync(apiGet("/missing"), ResponseType.json(Item.class),
                    RequestOptions.none());
            assertThat(catchThrowable(async::join)).hasCauseInstanceOf(ApiException.class);
        }

        assertNoLeakedConnections();
        assertThat(okHttp.connectionPool().connectionCount()).as("keep-alive connections were reused")
                .isLessThanOrEqualTo(3);
    }

    @Test
    void anUnclosedDownloadIsDetectedAsALeak() {
        server.stubFor(get("/download").willReturn(aResponse().withBody(new byte[200_000])));
        ConnectionPool pool = okHttp.connectionPool();

        BinaryResponse open = runtime().execute(apiGet("/download"), ResponseType.stream(), RequestOptions.none()).body();
        assertThat(pool.idleConnectionCount()).as("in use while the body is open").isLessThan(pool.connectionCount());

        open.close();
        assertNoLeakedConnections();
    }

    @Test
    void derivedClientsShareTheCallersPool() {
        server.stubFor(get("/ok").willReturn(okJson("{}")));
        ClientRuntime first = runtime();
        ClientRuntime second = runtime(clientOptions().readTimeout(java.time.Duration.ofSeconds(5)));
        okHttp.connectionPool().evictAll();

        first.execute(apiGet("/ok"), ResponseType.none(), RequestOptions.none());
        second.execute(apiGet("/ok"), ResponseType.none(), RequestOptions.none());

        assertThat(okHttp.connectionPool().connectionCount()).isEqualTo(1);
        first.close();
        assertThat(okHttp.dispatcher().executorService().isShutdown())
                .as("closing a runtime does not shut down a caller-supplied client").isFalse();
    }
}
