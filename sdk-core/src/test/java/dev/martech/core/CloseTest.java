package dev.martech.core;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.martech.core.paging.AutoPager;
import dev.martech.core.paging.Paging;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Issue 12.6: close() means closed, for blocking, async and paged calls, and for calls in flight. */
class CloseTest extends HttpTestBase {
    public record ItemPage(List<Item> results, String next) {
    }

    @Test
    void everyKindOfCallFailsAtOnceAfterClose() {
        server.stubFor(get(urlPathEqualTo("/items")).willReturn(okJson("{\"results\":[{\"id\":\"1\"}],\"next\":null}")));
        ClientRuntime runtime = runtime();
        AutoPager<Item> pager = Paging.cursor("listItems", null, cursor -> runtime.execute(ApiRequest.builder("GET", "/items")
                        .queryParameter("next", cursor).build(), ResponseType.json(ItemPage.class), RequestOptions.none()).body(),
                ItemPage::results, ItemPage::next);

        runtime.close();
        runtime.close(); // idempotent

        assertThat(runtime.isClosed()).isTrue();
        assertThatThrownBy(() -> runtime.execute(apiGet("/items"), ResponseType.json(ItemPage.class), RequestOptions.none()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("testapi client").hasMessageContaining("closed");
        assertThatThrownBy(() -> runtime.executeAsync(apiGet("/items"), ResponseType.json(ItemPage.class), RequestOptions.none()))
                .as("async fails at once, not in a future").isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("testapi client");
        assertThatThrownBy(() -> pager.iterator().hasNext()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("testapi client");
        assertThat(received()).as("nothing was sent after close").isEmpty();
    }

    @Test
    void callsInFlightAtCloseAreCancelledAndNotRetried() throws Exception {
        try (RawHttpServer stalling = new RawHttpServer(line -> null)) {
            ClientRuntime runtime = runtime(ClientOptions.builder().baseUrl(stalling.baseUrl()).sleeper(sleeper)
                    .clock(clock).maxConcurrentRequests(1));
            CompletableFuture<ApiResponse<Item>> running = runtime.executeAsync(apiGet("/items/1"),
                    ResponseType.json(Item.class), RequestOptions.none());
            CompletableFuture<ApiResponse<Item>> queued = runtime.executeAsync(apiGet("/items/2"),
                    ResponseType.json(Item.class), RequestOptions.none());
            assertThat(stalling.arrived.tryAcquire(10, TimeUnit.SECONDS)).as("the first call reached the server").isTrue();

            runtime.close();

            for (CompletableFuture<ApiResponse<Item>> call : List.of(running, queued)) {
                Throwable thrown = catchThrowable(() -> call.get(10, TimeUnit.SECONDS));
                assertThat(thrown).as("completed, not hanging").isNotInstanceOf(java.util.concurrent.TimeoutException.class);
                Throwable cause = thrown instanceof java.util.concurrent.ExecutionException || thrown instanceof CompletionException
                        ? thrown.getCause() : thrown;
                assertThat(cause).isInstanceOf(IllegalStateException.class).hasMessageContaining("testapi client")
                        .hasMessageContaining("not retried");
            }
            assertThat(stalling.requests()).as("the queued call was never sent, nothing was retried").isEqualTo(1);
            assertThat(sleeper.delays).as("no retry was scheduled").isEmpty();
        }
    }

    @Test
    void aBlockingCallInFlightAtCloseFailsWithoutRetry() throws Exception {
        try (RawHttpServer stalling = new RawHttpServer(line -> null)) {
            ClientRuntime runtime = runtime(ClientOptions.builder().baseUrl(stalling.baseUrl()).sleeper(sleeper).clock(clock));
            CompletableFuture<Throwable> blocking = CompletableFuture.supplyAsync(() -> catchThrowable(
                    () -> runtime.execute(apiGet("/items/1"), ResponseType.json(Item.class), RequestOptions.none())));
            assertThat(stalling.arrived.tryAcquire(10, TimeUnit.SECONDS)).isTrue();

            runtime.close();

            assertThat(blocking.get(10, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not retried");
            assertThat(stalling.requests()).isEqualTo(1);
        }
    }
}
