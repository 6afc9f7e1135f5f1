package dev.martech.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import dev.martech.core.retry.Sleeper;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12.10: async calls to the API's one host are not throttled to OkHttp's 5 per host. The server
 * holds every request until all expected ones are in flight together (bounded wait, no timing asserted).
 * Issue 17: async calls run as blocking calls on the SDK's own threads (not OkHttp's dispatcher), which a
 * derived client shares, a caller's OkHttpClient does not lend, and a failing interceptor cannot strand.
 */
class AsyncConcurrencyTest {
    private HttpServer server;
    private ExecutorService threads;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile CountDownLatch allArrived = new CountDownLatch(0);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger heldArrivals = new AtomicInteger();
    private final AtomicInteger unavailableArrivals = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        threads = Executors.newFixedThreadPool(80);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.setExecutor(threads);
        server.createContext("/items", exchange -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            allArrived.countDown();
            await(allArrived, 3); // released at once when all are in flight
            inFlight.decrementAndGet();
            respond(exchange, "{\"id\":\"1\"}");
        });
        server.createContext("/held", exchange -> {
            heldArrivals.incrementAndGet();
            await(release, 10);
            respond(exchange, "{\"id\":\"h\"}");
        });
        server.createContext("/unavailable", exchange -> {
            unavailableArrivals.incrementAndGet();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
    }

    private static void await(CountDownLatch latch, int seconds) {
        try {
            latch.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, String json) throws java.io.IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @AfterEach
    void stop() {
        release.countDown();
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

    private static CompletableFuture<ApiResponse<HttpTestBase.Item>> call(ClientRuntime runtime, String path) {
        return runtime.executeAsync(ApiRequest.builder("GET", path).build(), ResponseType.json(HttpTestBase.Item.class),
                RequestOptions.none());
    }

    /** The thread each request was sent from, as seen by a caller's interceptor. */
    private static Interceptor recordingThreads(List<Thread> threads) {
        return chain -> {
            threads.add(Thread.currentThread());
            return chain.proceed(chain.request());
        };
    }

    private static String pool(Thread thread) {
        return thread.getName().substring(0, thread.getName().lastIndexOf('-'));
    }

    @Test
    void asyncCallsRunOnTheSdksOwnDaemonThreadsWhichADerivedClientShares() throws Exception {
        List<Thread> seen = new CopyOnWriteArrayList<>();
        try (ClientRuntime parent = runtime(ClientOptions.builder().addInterceptor(recordingThreads(seen)))) {
            call(parent, "/items").get(10, TimeUnit.SECONDS);
            try (ClientRuntime derived = new ClientRuntime(HttpTestBase.API,
                    parent.derivedOptions(o -> o.readTimeout(Duration.ofSeconds(5))));
                    ClientRuntime limited = new ClientRuntime(HttpTestBase.API,
                            parent.derivedOptions(o -> o.maxConcurrentRequests(2)))) {
                call(derived, "/items").get(10, TimeUnit.SECONDS);
                call(limited, "/items").get(10, TimeUnit.SECONDS);
            }
            // Closing the derived clients left the parent's threads running.
            call(parent, "/items").get(10, TimeUnit.SECONDS);
        }
        assertThat(seen).hasSize(4).allSatisfy(thread -> {
            assertThat(thread.getName()).startsWith("martech-sdk async ");
            assertThat(thread.isDaemon()).isTrue();
        });
        assertThat(pool(seen.get(1))).as("derived client, same limit").isEqualTo(pool(seen.get(0)));
        assertThat(pool(seen.get(2))).as("derived client, another limit").isNotEqualTo(pool(seen.get(0)));
        assertThat(pool(seen.get(3))).isEqualTo(pool(seen.get(0)));
    }

    @Test
    void aCallersOkHttpClientKeepsItsDispatcherThreadsToItself() throws Exception {
        List<Thread> seen = new CopyOnWriteArrayList<>();
        OkHttpClient callers = new OkHttpClient.Builder().addInterceptor(recordingThreads(seen)).build();
        try (ClientRuntime runtime = runtime(ClientOptions.builder().okHttpClient(callers).maxConcurrentRequests(3))) {
            assertThat(runConcurrently(runtime, 9, 3)).as("async calls in flight at once").isEqualTo(3);
        } finally {
            assertThat(callers.dispatcher().executorService().isShutdown()).isFalse();
            callers.dispatcher().executorService().shutdown();
            callers.connectionPool().evictAll();
        }
        assertThat(seen).hasSize(9).allSatisfy(thread -> assertThat(thread.getName()).startsWith("martech-sdk async "));
    }

    @Test
    void anInterceptorThatThrowsFailsTheFutureInsteadOfStrandingIt() {
        Interceptor failing = chain -> {
            throw new IllegalStateException("interceptor bug");
        };
        try (ClientRuntime runtime = runtime(ClientOptions.builder().addInterceptor(failing).maxConcurrentRequests(1))) {
            for (int i = 0; i < 3; i++) { // more calls than that one thread
                assertThatThrownBy(() -> call(runtime, "/items").get(10, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class)
                        .hasRootCauseInstanceOf(IllegalStateException.class)
                        .hasRootCauseMessage("interceptor bug");
            }
        }
    }

    @Test
    void cancellingAStageDerivedFromACallAbortsTheRunningCall() throws Exception {
        try (ClientRuntime runtime = runtime(ClientOptions.builder().maxConcurrentRequests(1))) {
            CompletableFuture<String> derived = call(runtime, "/held").thenApply(response -> response.body().id());
            awaitHeldArrivals(1);
            assertThat(derived.cancel(true)).isTrue();
            // The one thread is free again at once: the held call was aborted, not left to run for 10 s.
            allArrived = new CountDownLatch(0);
            assertThat(call(runtime, "/items").get(5, TimeUnit.SECONDS).body().id()).isEqualTo("1");
        }
    }

    @Test
    void aCallCancelledWhileQueuedIsNeverSent() throws Exception {
        try (ClientRuntime runtime = runtime(ClientOptions.builder().maxConcurrentRequests(1))) {
            CompletableFuture<ApiResponse<HttpTestBase.Item>> running = call(runtime, "/held");
            CompletableFuture<ApiResponse<HttpTestBase.Item>> queued = call(runtime, "/held");
            awaitHeldArrivals(1);
            assertThat(queued.cancel(false)).isTrue();
            release.countDown();
            assertThat(running.get(10, TimeUnit.SECONDS).body().id()).isEqualTo("h");
            // A third call runs after the cancelled one's turn: had that one been sent, the server would count it.
            assertThat(call(runtime, "/held").get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
        assertThat(heldArrivals.get()).as("requests the server received").isEqualTo(2);
    }

    @Test
    void aCallCancelledWhileWaitingToRetryIsNotRetried() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        CountDownLatch endWait = new CountDownLatch(1);
        Sleeper sleeper = duration -> {
            waiting.countDown();
            endWait.await(10, TimeUnit.SECONDS);
        };
        try (ClientRuntime runtime = runtime(ClientOptions.builder().sleeper(sleeper).maxAttempts(3))) {
            CompletableFuture<ApiResponse<HttpTestBase.Item>> call = call(runtime, "/unavailable");
            assertThat(waiting.await(10, TimeUnit.SECONDS)).as("the first attempt failed and a retry waits").isTrue();
            assertThat(call.cancel(false)).isTrue();
            endWait.countDown();
            // A later call shows the server is still counting; the cancelled one added no attempt.
            assertThatThrownBy(() -> call(runtime, "/unavailable").get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
        }
        assertThat(unavailableArrivals.get()).as("1 attempt of the cancelled call + 3 of the next").isEqualTo(4);
    }

    private void awaitHeldArrivals(int n) throws InterruptedException {
        for (int i = 0; i < 1000 && heldArrivals.get() < n; i++) {
            Thread.sleep(10);
        }
        assertThat(heldArrivals.get()).as("requests held by the server").isEqualTo(n);
    }

    @Test
    void aDerivedClientsAsyncCallFailsClearlyOnceItsParentIsClosed() {
        ClientRuntime parent = runtime(ClientOptions.builder());
        try (ClientRuntime derived = new ClientRuntime(HttpTestBase.API,
                parent.derivedOptions(o -> o.readTimeout(Duration.ofSeconds(5))))) {
            parent.close();
            assertThatThrownBy(() -> call(derived, "/items").get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(IllegalStateException.class)
                    .cause().hasMessageContaining("derived from (withOptions), was closed");
        }
    }
}
