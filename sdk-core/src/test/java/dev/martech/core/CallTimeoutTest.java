package dev.martech.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.martech.core.errors.ApiTimeoutException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The whole-call timeout, enforced by the SDK's watchdog (not OkHttp's per-call AsyncTimeout): it covers the
 * wait for the headers and the body read inside the attempt, on the blocking and the async path, and it lets go
 * of every call it watched once the call is over.
 */
class CallTimeoutTest extends HttpTestBase {
    private static final String OK = "{\"id\":\"1\",\"name\":\"slow\"}";

    @Test
    void aBodyThatTricklesPastTheTimeoutFailsAsATimeout() {
        // Headers at once, then the body in pieces over 1.5 s: only a whole-call timeout can stop this.
        server.stubFor(get("/trickle").willReturn(okJson(OK).withChunkedDribbleDelay(10, 1500)));
        ClientRuntime runtime = runtime(clientOptions().callTimeout(Duration.ofMillis(300)).maxAttempts(1));

        long start = System.nanoTime();
        ApiTimeoutException e = catchThrowableOfType(ApiTimeoutException.class,
                () -> runtime.execute(apiGet("/trickle"), ResponseType.json(Item.class), RequestOptions.none()));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(e).hasMessageContaining("longer than its timeout of 300 ms");
        assertThat(e.requestSent()).isTrue();
        assertThat(tookMillis).as("cancelled by the deadline, not at the end of the body").isLessThan(1400);
        assertThat(armedCount()).isZero();
    }

    @Test
    void anAsyncCallTimesOutToo() {
        server.stubFor(get("/slow").willReturn(okJson(OK).withFixedDelay(1500)));
        ClientRuntime runtime = runtime(clientOptions().maxAttempts(1));

        Throwable thrown = catchThrowable(() -> runtime.executeAsync(apiGet("/slow"), ResponseType.json(Item.class),
                RequestOptions.builder().timeout(Duration.ofMillis(200)).build()).join());

        assertThat(thrown).isInstanceOf(CompletionException.class).cause().isInstanceOf(ApiTimeoutException.class)
                .hasMessageContaining("longer than its timeout of 200 ms");
        assertThat(armedCount()).isZero();
    }

    @Test
    void aTimedOutGetIsRetriedAndEachAttemptHasItsOwnClock() {
        server.stubFor(get("/slow").willReturn(okJson(OK).withFixedDelay(800)));
        ClientRuntime runtime = runtime(clientOptions().callTimeout(Duration.ofMillis(200)).maxAttempts(2));

        ApiTimeoutException e = catchThrowableOfType(ApiTimeoutException.class,
                () -> runtime.execute(apiGet("/slow"), ResponseType.json(Item.class), RequestOptions.none()));

        assertThat(e.attempts()).isEqualTo(2);
        assertThat(e.getSuppressed()).singleElement().isInstanceOf(ApiTimeoutException.class);
        server.verify(2, getRequestedFor(urlPathEqualTo("/slow")));
    }

    @Test
    void callsThatEndInTimeAreNoLongerWatched() throws Exception {
        server.stubFor(get("/fast").willReturn(okJson(OK)));
        server.stubFor(get("/missing").willReturn(aResponse().withStatus(404)));
        server.stubFor(get("/file").willReturn(aResponse().withStatus(200).withBody(new byte[100_000])));
        ClientRuntime runtime = runtime(clientOptions().callTimeout(Duration.ofMillis(400)).maxAttempts(1));

        for (int i = 0; i < 20; i++) {
            runtime.execute(apiGet("/fast"), ResponseType.json(Item.class), RequestOptions.none());
            runtime.executeAsync(apiGet("/fast"), ResponseType.json(Item.class), RequestOptions.none()).join();
            catchThrowable(() -> runtime.execute(apiGet("/missing"), ResponseType.json(Item.class), RequestOptions.none()));
        }
        // A streamed download is watched until it is read to its end or closed.
        ApiResponse<BinaryResponse> download = runtime.execute(apiGet("/file"), ResponseType.stream(),
                RequestOptions.none());
        assertThat(armedCount()).isEqualTo(1);
        try (InputStream in = download.body().stream()) {
            assertThat(in.readAllBytes()).hasSize(100_000);
        }
        assertThat(armedCount()).isZero();

        // Or copied out with transferTo, which hands the copy to OkHttp's stream.
        try (BinaryResponse copied = runtime.execute(apiGet("/file"), ResponseType.stream(), RequestOptions.none())
                .body()) {
            assertThat(armedCount()).isEqualTo(1);
            assertThat(copied.transferTo(java.io.OutputStream.nullOutputStream())).isEqualTo(100_000);
            assertThat(armedCount()).isZero();
        }

        // One daemon watchdog for the JVM, holding no application's class loader.
        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().equals("martech-sdk call timeouts"))
                .singleElement().satisfies(t -> {
                    assertThat(t.isDaemon()).isTrue();
                    assertThat(t.getContextClassLoader()).isNull();
                });

        // And a call that ended long before its deadline is never cancelled by it afterwards.
        Thread.sleep(600);
        assertThat(runtime.execute(apiGet("/fast"), ResponseType.json(Item.class), RequestOptions.none()).body())
                .isEqualTo(new Item("1", "slow"));
    }

    /** The number of calls the watchdog is watching (package-private in sdk-core's internal package). */
    static int armedCount() {
        try {
            Method count = Class.forName("dev.martech.core.internal.CallDeadlines").getDeclaredMethod("armedCount");
            count.setAccessible(true);
            return (int) count.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
