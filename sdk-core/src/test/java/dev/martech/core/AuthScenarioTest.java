package dev.martech.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.martech.core.auth.Auth;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AuthScenarioTest extends HttpTestBase {

    @Test
    void staticBearerTokenIsSentAsAuthorizationHeader() {
        server.stubFor(get("/items").willReturn(okJson("[]")));

        ApiResponse<String> response = runtime(clientOptions().auth(Auth.bearer("static-token-1")))
                .execute(apiGet("/items"), ResponseType.text(), RequestOptions.none());

        assertThat(response.status()).isEqualTo(200);
        server.verify(1, getRequestedFor(urlPathEqualTo("/items"))
                .withHeader("Authorization", equalTo("Bearer static-token-1")));
    }

    @Test
    void bearerSupplierIsAskedOncePerAttemptSoARefreshedTokenIsUsedOnRetry() {
        // Attempt 1 must carry t1 and gets a 503; attempt 2 must carry t2. A request with any other token
        // matches no stub and gets WireMock's 404, failing the call.
        server.stubFor(get("/items").inScenario("refresh").whenScenarioStateIs(STARTED)
                .withHeader("Authorization", equalTo("Bearer token-one"))
                .willReturn(aResponse().withStatus(503)).willSetStateTo("refreshed"));
        server.stubFor(get("/items").inScenario("refresh").whenScenarioStateIs("refreshed")
                .withHeader("Authorization", equalTo("Bearer token-two"))
                .willReturn(okJson("{\"id\":\"1\",\"name\":\"one\"}")));
        AtomicInteger calls = new AtomicInteger();
        Auth auth = Auth.bearer(() -> calls.incrementAndGet() == 1 ? "token-one" : "token-two");

        ApiResponse<Item> response = runtime(clientOptions().auth(auth))
                .execute(apiGet("/items"), ResponseType.json(Item.class), RequestOptions.none());

        assertThat(response.body()).isEqualTo(new Item("1", "one"));
        assertThat(response.attempts()).isEqualTo(2);
        assertThat(calls).hasValue(2);
        assertThat(received()).extracting(r -> r.getHeader("Authorization"))
                .containsExactly("Bearer token-one", "Bearer token-two");
    }

    @Test
    void queryParameterAuthAddsAccessToken() {
        server.stubFor(get(urlPathEqualTo("/posts")).willReturn(okJson("[]")));

        runtime(clientOptions().auth(Auth.queryParameter("accesstoken", "query-secret-1")))
                .execute(ApiRequest.builder("GET", "/posts").queryParameter("page", 2).build(), ResponseType.text(),
                        RequestOptions.none());

        server.verify(1, getRequestedFor(urlPathEqualTo("/posts"))
                .withQueryParam("accesstoken", equalTo("query-secret-1"))
                .withQueryParam("page", equalTo("2")));
        assertThat(received().get(0).getHeader("Authorization")).isNull();
    }

    @Test
    void combinedAuthAndDefaultHeaderOverriddenPerCall() {
        server.stubFor(get("/flows").willReturn(okJson("[]")));
        ClientRuntime runtime = runtime(clientOptions()
                .auth(Auth.all(Auth.bearer("combined-token"), Auth.header("X-Api-Key", "", () -> "key-123")))
                .defaultHeader("Node", "node-a"));

        runtime.execute(apiGet("/flows"), ResponseType.text(), RequestOptions.none());
        runtime.execute(apiGet("/flows"), ResponseType.text(), RequestOptions.builder().header("node", "node-b").build());

        List<LoggedRequest> requests = received();
        assertThat(requests).hasSize(2);
        for (LoggedRequest r : requests) {
            assertThat(r.getHeader("Authorization")).isEqualTo("Bearer combined-token");
            assertThat(r.getHeader("X-Api-Key")).isEqualTo("key-123");
        }
        assertThat(requests.get(0).header("Node").values()).containsExactly("node-a");
        assertThat(requests.get(1).header("Node").values()).as("the per-call header replaces the default")
                .containsExactly("node-b");
    }

    @Test
    void supplierReturningNullFailsClearlyWithoutSendingAnything() {
        server.stubFor(get("/items").willReturn(okJson("[]")));
        ClientRuntime runtime = runtime(clientOptions().auth(Auth.bearer(() -> null)));

        assertThatThrownBy(() -> runtime.execute(apiGet("/items"), ResponseType.text(), RequestOptions.none()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Authorization").hasMessageContaining("null")
                .hasMessageContaining("no request was sent");
        assertThat(server.getAllServeEvents()).isEmpty();
        assertThat(sleeper.delays).as("not retried").isEmpty();
    }

    @Test
    void supplierReturningBlankFailsClearlyWithoutSendingAnything() {
        server.stubFor(get(urlPathEqualTo("/posts")).willReturn(okJson("[]")));
        ClientRuntime runtime = runtime(clientOptions().auth(Auth.queryParameter("accesstoken", () -> "  ")));

        assertThatThrownBy(() -> runtime.execute(apiGet("/posts"), ResponseType.text(), RequestOptions.none()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("accesstoken").hasMessageContaining("blank");
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void supplierReturningNullFailsTheAsyncCallWithoutSendingAnything() {
        server.stubFor(get("/items").willReturn(okJson("[]")));
        ClientRuntime runtime = runtime(clientOptions().auth(Auth.bearer(() -> null)));

        assertThatThrownBy(() -> runtime.executeAsync(apiGet("/items"), ResponseType.text(), RequestOptions.none()).join())
                .isInstanceOf(CompletionException.class).cause().isInstanceOf(IllegalStateException.class);
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void tokenWithLineBreakIsRejectedWithoutEchoingIt() {
        server.stubFor(get("/items").willReturn(okJson("[]")));
        ClientRuntime runtime = runtime(clientOptions().auth(Auth.bearer(() -> "evil-token\r\nX-Injected: 1")));

        assertThatThrownBy(() -> runtime.execute(apiGet("/items"), ResponseType.text(), RequestOptions.none()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Authorization")
                .hasMessageNotContaining("evil-token");
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void blankStaticCredentialsAreRejectedWhenConfigured() {
        assertThatThrownBy(() -> Auth.bearer(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bearer token");
        assertThatThrownBy(() -> Auth.queryParameter("accesstoken", "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accesstoken");
    }
}
