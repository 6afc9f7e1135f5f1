package dev.martech.targeting;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.martech.core.HttpResponseFor;
import dev.martech.core.RequestOptions;
import dev.martech.core.errors.ResponseDecodingException;
import dev.martech.core.paging.PagingStalledException;
import dev.martech.targeting.api.RecipientListPage;
import dev.martech.targeting.api.RecipientListPageAsync;
import dev.martech.targeting.api.RecipientListParams;
import dev.martech.targeting.model.Recipient;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The public operations surface as a user types it: params objects checked at build(), the single-id
 * shortcut, pages with nextPage()/autoPager(), and the withRawResponse() and async() views.
 */
class SurfaceTest {
    private static final UUID CAMPAIGN = UUID.fromString("8f14e45f-ceea-467f-a9f5-6d1b2c3a4b5c");
    private static final String RECIPIENTS = "/v1/campaign/" + CAMPAIGN + "/recipients";

    private WireMockServer server;
    private TargetingClient client;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        client = TargetingClient.builder().baseUrl("http://127.0.0.1:" + server.port()).bearerToken("t").maxAttempts(1).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop();
    }

    private static String page(String next, String... titles) {
        StringBuilder results = new StringBuilder();
        for (String title : titles) {
            results.append(results.length() == 0 ? "" : ",").append("{\"title\":\"").append(title).append("\"}");
        }
        return "{\"results\":[" + results + "],\"total\":3,\"next\":" + (next == null ? "null" : "\"" + next + "\"") + "}";
    }

    private void twoPages() {
        server.stubFor(get(urlPathEqualTo(RECIPIENTS)).withQueryParam("next", absent()).willReturn(okJson(page("c2", "Anna", "Ben"))));
        server.stubFor(get(urlPathEqualTo(RECIPIENTS)).withQueryParam("next", equalTo("c2")).willReturn(okJson(page(null, "Carla"))));
    }

    @Test
    void aMissingRequiredParameterFailsAtBuildNamingIt() {
        assertThatThrownBy(() -> RecipientListParams.builder().limit(5).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("campaignId");
        assertThatThrownBy(() -> client.recipients().list(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("params");
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void anOperationWhoseOnlyParameterIsAnIdTakesItDirectly() {
        server.stubFor(post(urlPathEqualTo("/v1/campaign/" + CAMPAIGN + "/status")).willReturn(okJson("{\"campaign\":{\"name\":\"Heat pumps\"}}")));

        assertThat(client.campaigns().changeStatus(CAMPAIGN).campaign().flatMap(c -> c.name())).contains("Heat pumps");
        server.verify(postRequestedFor(urlPathEqualTo("/v1/campaign/" + CAMPAIGN + "/status")));
    }

    @Test
    void aPageKnowsItsParamsAndTheNextPageIsTheSameParamsWithTheCursorAdvanced() {
        twoPages();
        RecipientListParams params = RecipientListParams.builder().campaignId(CAMPAIGN).limit(2).q("a").build();

        RecipientListPage first = client.recipients().list(params);
        assertThat(first.items()).extracting(r -> r.title().orElse(null)).containsExactly("Anna", "Ben");
        assertThat(first.params()).isEqualTo(params);
        assertThat(first.hasNextPage()).isTrue();
        assertThat(first.nextPageParams()).isEqualTo(params.toBuilder().next("c2").build());
        RecipientListPage second = first.nextPage();
        assertThat(second.items()).extracting(r -> r.title().orElse(null)).containsExactly("Carla");
        assertThat(second.hasNextPage()).isFalse();

        assertThat(first.autoPager().stream().map(r -> r.title().orElse(null))).containsExactly("Anna", "Ben", "Carla");
        server.verify(3, getRequestedFor(urlPathEqualTo(RECIPIENTS)).withQueryParam("limit", equalTo("2"))
                .withQueryParam("q", equalTo("a")));
    }

    @Test
    void aCursorCycleOverHttpEndsWithAnExceptionNamingTheOperationAndCursor() {
        server.stubFor(get(urlPathEqualTo(RECIPIENTS)).withQueryParam("next", absent()).willReturn(okJson(page("A", "a"))));
        server.stubFor(get(urlPathEqualTo(RECIPIENTS)).withQueryParam("next", equalTo("A")).willReturn(okJson(page("B", "b"))));
        server.stubFor(get(urlPathEqualTo(RECIPIENTS)).withQueryParam("next", equalTo("B")).willReturn(okJson(page("A", "c"))));
        List<String> seen = new ArrayList<>();

        assertThatThrownBy(() -> client.recipients().list(RecipientListParams.builder().campaignId(CAMPAIGN).build())
                .autoPager().forEach(r -> seen.add(r.title().orElse(null))))
                .isInstanceOf(PagingStalledException.class)
                .hasMessageContaining("recipients().list (GET /v1/campaign/{campaign_id}/recipients)")
                .hasMessageContaining("cursor \"A\"");
        assertThat(seen).containsExactly("a", "b", "c");
        assertThat(server.getAllServeEvents()).hasSize(3);
    }

    @Test
    void theRawViewGivesStatusAndHeadersAndDecodesOnlyOnParse() {
        server.stubFor(get(urlPathEqualTo(RECIPIENTS)).willReturn(okJson("{\"results\": [ {\"title\": ")
                .withHeader("X-Request-Id", "req-1")));

        HttpResponseFor<RecipientListPage> response = client.withRawResponse().recipients()
                .list(RecipientListParams.builder().campaignId(CAMPAIGN).build(), RequestOptions.none());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().first("X-Request-Id")).contains("req-1");
        assertThat(response.attempts()).isEqualTo(1);
        assertThatThrownBy(response::parse).isInstanceOf(ResponseDecodingException.class);
    }

    @Test
    void theRawViewParsesIntoTheSamePage() {
        twoPages();
        HttpResponseFor<RecipientListPage> response = client.withRawResponse().recipients()
                .list(RecipientListParams.builder().campaignId(CAMPAIGN).build());
        RecipientListPage page = response.parse();
        assertThat(response.parse()).isSameAs(page);
        assertThat(page.autoPager().stream().count()).isEqualTo(3);
    }

    @Test
    void theAsyncViewReturnsFuturesAndItsAutoPagerFetchesEveryPage() {
        twoPages();
        RecipientListParams params = RecipientListParams.builder().campaignId(CAMPAIGN).build();

        CompletableFuture<RecipientListPageAsync> first = client.async().recipients().list(params);
        List<String> titles = new ArrayList<>();
        first.thenCompose(page -> page.autoPager().forEach(r -> titles.add(r.title().orElse(null)))).join();

        assertThat(titles).containsExactly("Anna", "Ben", "Carla");
        assertThat(client.async().recipients().list((RecipientListParams) null))
                .failsWithin(java.time.Duration.ZERO).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.async().campaigns().changeStatus((UUID) null).join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(IllegalArgumentException.class);
    }
}
