package dev.martech.core;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.martech.core.errors.ServerException;
import dev.martech.core.paging.AutoPager;
import dev.martech.core.paging.Paging;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cursor paging the way generated code wires it: the same request with the cursor advanced. */
class PagingOverHttpTest extends HttpTestBase {

    public record ItemPage(List<Item> results, String next) {
    }

    private AutoPager<Item> listItems(ClientRuntime runtime) {
        return Paging.cursor("items().list", null, cursor -> runtime.execute(ApiRequest.builder("GET", "/items")
                        .queryParameter("limit", 2).queryParameter("next", cursor).build(),
                ResponseType.json(ItemPage.class), RequestOptions.none()).body(),
                ItemPage::results, ItemPage::next);
    }

    @Test
    void cursorPagesAreFetchedOverHttpWithTheSameParameters() {
        server.stubFor(get(urlPathEqualTo("/items")).withQueryParam("next", absent())
                .willReturn(okJson("{\"results\":[{\"id\":\"1\"},{\"id\":\"2\"}],\"next\":\"cur-2\"}")));
        server.stubFor(get(urlPathEqualTo("/items")).withQueryParam("next", equalTo("cur-2"))
                .willReturn(okJson("{\"results\":[{\"id\":\"3\"}],\"next\":null}")));

        List<String> ids = new ArrayList<>();
        listItems(runtime()).forEach(item -> ids.add(item.id()));

        assertThat(ids).containsExactly("1", "2", "3");
        server.verify(2, getRequestedFor(urlPathEqualTo("/items")).withQueryParam("limit", equalTo("2")));
    }

    @Test
    void failingPageOverHttpThrowsTheTypedExceptionFromTheIterator() {
        server.stubFor(get(urlPathEqualTo("/items")).withQueryParam("next", absent())
                .willReturn(okJson("{\"results\":[{\"id\":\"1\"}],\"next\":\"cur-2\"}")));
        server.stubFor(get(urlPathEqualTo("/items")).withQueryParam("next", equalTo("cur-2"))
                .willReturn(aResponse().withStatus(500).withBody("{\"message\":\"page store down\"}")));

        Iterator<Item> it = listItems(runtime(clientOptions().maxAttempts(1))).iterator();
        assertThat(it.next().id()).isEqualTo("1");
        assertThatThrownBy(it::hasNext).isInstanceOf(ServerException.class).hasMessageContaining("page store down");
    }
}
