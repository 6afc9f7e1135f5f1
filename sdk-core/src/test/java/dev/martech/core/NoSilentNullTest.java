package dev.martech.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.martech.core.errors.ResponseDecodingException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Issue 12.8: a 2xx without the body the operation declares is a ResponseDecodingException, never null. */
class NoSilentNullTest extends HttpTestBase {

    private static ResponseType<?> type(String name) {
        switch (name) {
            case "item": return ResponseType.json(Item.class);
            case "list": return ResponseType.listOf(Item.class);
            case "map": return ResponseType.mapOf(Item.class);
            default: throw new IllegalArgumentException(name);
        }
    }

    @ParameterizedTest(name = "{0} {1} as {2}")
    @CsvSource(delimiter = '|', value = {
            "200|''|item", "200|''|list", "201|''|map", "200|'  '|item",
            "200|null|item", "200|null|list", "200|' null '|map",
            "200|[{\"id\":\"1\"}]|item", "200|\"text\"|item", "200|42|item", "200|true|item",
            "200|{\"id\":\"1\"}|list", "200|\"text\"|list", "200|[1]|map", "200|\"x\"|map"})
    void successWithoutTheDeclaredBodyIsADecodingFailure(int status, String body, String typeName) {
        server.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));

        ResponseDecodingException e = catchThrowableOfType(ResponseDecodingException.class,
                () -> runtime().execute(apiGet("/items"), type(typeName), RequestOptions.none()));

        assertThat(e).as("%s %s read as %s", status, body, typeName).isNotNull();
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.getMessage()).contains(String.valueOf(status));
    }

    @Test
    void noContentIsTheOneSuccessWithoutABody() {
        server.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(204)));

        ApiResponse<Item> response = runtime().execute(apiGet("/items"), ResponseType.json(Item.class), RequestOptions.none());

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.body()).isNull();
    }

    @Test
    void wellFormedBodiesStillDecode() {
        server.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("[]")));

        assertThat(runtime().execute(apiGet("/items"), ResponseType.listOf(Item.class), RequestOptions.none()).body())
                .isEqualTo(List.of());
        server.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(200).withBody("{}")));
        assertThat(runtime().execute(apiGet("/items"), ResponseType.mapOf(Item.class), RequestOptions.none()).body())
                .isEqualTo(Map.of());
    }
}
