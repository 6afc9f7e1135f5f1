package dev.martech.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12.10: async calls to the API's one host are not throttled to OkHttp's 5 per host. The server
 * holds every request until all expected ones are in flight together (bounded wait, no timing asserted).
 */
class AsyncConcurrencyTest {
    private HttpServer server;
    private ExecutorService threads;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile CountDownLatch allArrived;

    @BeforeEach
    void start() throws Exception {
        threads = Executors.newFixedThreadPool(80);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.setExecutor(threads);
        server.createContext("/items", exchange -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            allArrived.countDown();
            try {
                allArrived.await(3, TimeUnit.SECONDS); // released at once when all are in flight
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            byte[] body = "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        threads.shutdownNow();
    }

    private ClientRuntime runtime(ClientOptions.Builder options) {
        return new ClientRuntime(HttpTestBase.API, options.baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
                .build());
    }

    /** Runs the calls; the server holds each until {@code together} requests have arrived. */
    private int runConcurrently(ClientRuntime runtime, int calls, int together) {
        allArrived = new CountDownLatch(together);
        List<CompletableFuture<ApiResponse<HttpTestBase.Item>>> futures = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            futures.add(runtime.executeAsync(ApiRequest.builder("GET", "/items").build(),
                    ResponseType.json(HttpTestBase.Item.class), RequestOptions.none()));
        }
        futures.forEach(CompletableFuture::join);
        return maxInFlight.get();
    }

    @Test
    void thirtyTwoAsyncCallsRunTogetherByDefault() {
        try (ClientRuntime runtime = runtime(ClientOptions.builder())) {
            assertThat(runConcurrently(runtime, 32, 32)).as("async calls in flight at once").isEqualTo(32);
        }
    }

    @Test
    void theLimitIsConfigurable() {
        try (ClientRuntime runtime = runtime(ClientOptions.builder().maxConcurrentRequests(4))) {
            assertThat(runConcurrently(runtime, 12, 4)).as("async calls in flight at once").isEqualTo(4);
        }
        assertThat(ClientOptions.builder().build().maxConcurrentRequests()).isEqualTo(64);
    }
}
