package dev.martech.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.martech.core.errors.ApiStatusException;
import dev.martech.core.errors.ResponseDecodingException;
import org.junit.jupiter.api.Test;

/** Issue 12.7: messages quote at most about 2 KB, escape control characters, and say how much was cut. */
class MessageBoundsTest extends HttpTestBase {
    private static final String HOSTILE = "line1\nFAKE LOG LINE\r\u001b[31mred\u0000\u202e\u0007";

    @Test
    void hugeErrorMessageIsCutAndEscaped() {
        String message = HOSTILE + "x".repeat(200_000);
        server.stubFor(get(urlPathMatching("/items.*")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"" + message.replace("\n", "\\n")
                        .replace("\r", "\\r").replace("\u001b", "\\u001b").replace("\u0000", "\\u0000")
                        .replace("\u0007", "\\u0007") + "\"}")));

        ApiStatusException e = catchThrowableOfType(ApiStatusException.class, () -> runtime(clientOptions().maxAttempts(1))
                .execute(ApiRequest.builder("GET", "/items").queryParameter("q", "y".repeat(6_000)).build(),
                        ResponseType.json(Item.class), RequestOptions.none()));

        assertThat(e.getMessage().length()).as("message length").isLessThan(2600);
        assertThat(e.getMessage()).contains("more characters cut").contains("\\n").contains("\\u001b")
                .contains("\\u0000").contains("\\u202e").doesNotContain("\n").doesNotContain("\r")
                .doesNotContain("\u001b").doesNotContain("\u0000").doesNotContain("\u202e").doesNotContain("\u0007");
        assertThat(e.apiMessage()).get().asString().hasSize(message.length()); // the full text stays reachable
    }

    @Test
    void rawBodyQuoteIsEscapedAndSaysWhatWasCut() {
        server.stubFor(get(urlPathMatching("/items.*")).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/plain").withBody("<html>\u0001" + "z".repeat(10_000))));

        ApiStatusException e = catchThrowableOfType(ApiStatusException.class,
                () -> runtime(clientOptions().maxAttempts(1)).execute(apiGet("/items"), ResponseType.json(Item.class),
                        RequestOptions.none()));

        assertThat(e.getMessage()).contains("\\u0001").doesNotContain("\u0001").containsPattern("\\(\\d+ more characters cut\\)");
        assertThat(e.getMessage().length()).isLessThan(2600);
    }

    @Test
    void decodingFailureMessageIsBounded() {
        server.stubFor(get(urlPathMatching("/items.*")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\": \"" + "\u0007".repeat(5000) + "\" x")));

        ResponseDecodingException e = catchThrowableOfType(ResponseDecodingException.class,
                () -> runtime().execute(apiGet("/items"), ResponseType.json(Item.class), RequestOptions.none()));

        assertThat(e.getMessage().length()).isLessThan(2600);
        assertThat(e.getMessage()).doesNotContain("\u0007");
    }
}
