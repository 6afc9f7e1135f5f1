package dev.martech.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.martech.core.auth.Auth;
import dev.martech.core.errors.ApiStatusException;
import dev.martech.core.errors.ResponseDecodingException;
import dev.martech.core.logging.LogLevel;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Issue 12.9: redirect rules. The test server answers on 127.0.0.1 (the client's origin) and on localhost
 * (another origin, same server).
 */
class RedirectTest extends HttpTestBase {
    private static final String TOKEN = "redirect-SECRET-77aa";

    private static String otherOrigin() {
        return "http://localhost:" + server.port();
    }

    private ClientRuntime authenticated() {
        return runtime(clientOptions().auth(Auth.all(Auth.bearer(TOKEN), Auth.header("X-Api-Key", null, () -> TOKEN + "-key"))));
    }

    private static ApiRequest post(String path) {
        return ApiRequest.builder("POST", path).jsonBody(Map.of("name", "x")).build();
    }

    @Test
    void getFollowsToAnotherOriginWithoutTheCredentials() {
        server.stubFor(get(urlPathEqualTo("/old")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", otherOrigin() + "/new")));
        server.stubFor(get(urlPathEqualTo("/new")).willReturn(okJson("{\"id\":\"9\"}")));

        ApiResponse<Item> response = authenticated().execute(apiGet("/old"), ResponseType.json(Item.class), RequestOptions.none());

        assertThat(response.body().id()).isEqualTo("9");
        assertThat(response.attempts()).as("a followed redirect is part of one attempt").isEqualTo(1);
        List<com.github.tomakehurst.wiremock.verification.LoggedRequest> seen = received();
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0).getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(seen.get(1).getHeader("Host")).startsWith("localhost");
        assertThat(seen.get(1).containsHeader("Authorization")).as("no token to another host").isFalse();
        assertThat(seen.get(1).containsHeader("X-Api-Key")).as("no credential header to another host").isFalse();
    }

    @Test
    void getFollowsWithinTheOriginKeepingTheCredentials() {
        server.stubFor(get(urlPathEqualTo("/old")).willReturn(aResponse().withStatus(301).withHeader("Location", "/new")));
        server.stubFor(get(urlPathEqualTo("/new")).willReturn(okJson("{\"id\":\"9\"}")));

        assertThat(authenticated().execute(apiGet("/old"), ResponseType.json(Item.class), RequestOptions.none()).body().id())
                .isEqualTo("9");
        assertThat(received().get(1).getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void nonGetIsNotFollowedToAnotherOrigin() {
        server.stubFor(any(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(307)
                .withHeader("Location", otherOrigin() + "/elsewhere")));

        ApiStatusException e = catchThrowableOfType(ApiStatusException.class,
                () -> authenticated().execute(post("/items"), ResponseType.json(Item.class), RequestOptions.none()));

        assertThat(e.status()).isEqualTo(307);
        assertThat(e.headers().first("Location")).contains(otherOrigin() + "/elsewhere");
        assertThat(received()).hasSize(1);
    }

    @Test
    void nonGetFollows307WithinTheOriginWithTheSameMethodAndBody() {
        server.stubFor(any(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(307).withHeader("Location", "/items/v2")));
        server.stubFor(any(urlPathEqualTo("/items/v2")).willReturn(okJson("{\"id\":\"2\"}")));

        assertThat(authenticated().execute(post("/items"), ResponseType.json(Item.class), RequestOptions.none()).body().id())
                .isEqualTo("2");
        assertThat(received()).hasSize(2);
        assertThat(received().get(1).getMethod().getName()).isEqualTo("POST");
        assertThat(received().get(1).getBodyAsString()).isEqualTo("{\"name\":\"x\"}");
    }

    @Test
    void redirectOnlyOperationReturnsTheLocationInsteadOfFollowing() {
        server.stubFor(get(urlPathEqualTo("/oauth/connect")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "https://www.facebook.com/dialog/oauth?client_id=1")));

        ApiResponse<URI> response = authenticated().execute(apiGet("/oauth/connect"), ResponseType.location(),
                RequestOptions.none());

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.body()).isEqualTo(URI.create("https://www.facebook.com/dialog/oauth?client_id=1"));
        assertThat(received()).hasSize(1);
    }

    @Test
    void relativeLocationIsResolvedAndA2xxIsNotARedirect() {
        server.stubFor(get(urlPathEqualTo("/oauth/callback")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "/app/done?ok=1")));
        assertThat(authenticated().execute(apiGet("/oauth/callback"), ResponseType.location(), RequestOptions.none()).body())
                .isEqualTo(URI.create(baseUrl() + "/app/done?ok=1"));

        server.stubFor(get(urlPathEqualTo("/oauth/connect")).willReturn(okJson("{}")));
        ResponseDecodingException e = catchThrowableOfType(ResponseDecodingException.class,
                () -> authenticated().execute(apiGet("/oauth/connect"), ResponseType.location(), RequestOptions.none()));
        assertThat(e.getMessage()).contains("expected a redirect");
    }

    @Test
    void eachHopIsLoggedWithTheHostThatAnswered() {
        Logger logger = Logger.getLogger("dev.martech.testapi.http");
        List<String> logs = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logs.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.setLevel(Level.ALL);
        logger.addHandler(capture);
        logger.setUseParentHandlers(false);
        try {
            server.stubFor(get(urlPathEqualTo("/old")).willReturn(aResponse().withStatus(302)
                    .withHeader("Location", otherOrigin() + "/new")));
            server.stubFor(get(urlPathEqualTo("/new")).willReturn(okJson("{\"id\":\"9\"}")));

            runtime(clientOptions().logLevel(LogLevel.BASIC)).execute(apiGet("/old"), ResponseType.json(Item.class),
                    RequestOptions.none());

            assertThat(logs).anyMatch(l -> l.startsWith("<-- 302 GET http://127.0.0.1:" + server.port() + "/old"))
                    .anyMatch(l -> l.startsWith("<-- 200 GET " + otherOrigin() + "/new"));
        } finally {
            logger.removeHandler(capture);
            logger.setUseParentHandlers(true);
            logger.setLevel(null);
        }
    }
}
