package dev.martech.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.martech.core.auth.Auth;
import dev.martech.core.errors.ApiException;
import dev.martech.core.errors.ApiStatusException;
import dev.martech.core.errors.ResponseDecodingException;
import dev.martech.core.logging.Redactor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 12.3: no credential in any message, cause chain, toString() or stack trace, whatever the server echoes
 * and however it encodes it, for the whole life of the client.
 */
class SecretEverywhereTest extends HttpTestBase {
    private static final String TOKEN = "SEKRETbearer4f9a2c77";
    private static final String QUERY_TOKEN = "SEKRET+sh/q81be=";

    /** A model with a number, so an echoed token in its place fails Jackson with the token in the message. */
    public record Counter(String id, Integer count) {
    }

    private ClientRuntime authenticated() {
        return runtime(clientOptions().maxAttempts(1)
                .auth(Auth.all(Auth.bearer(TOKEN), Auth.queryParameter("accesstoken", QUERY_TOKEN))));
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private static void assertNoSecret(String text, String... secrets) {
        for (String secret : secrets) {
            assertThat(text).doesNotContain(secret);
        }
    }

    @Test
    void tokenEchoedInAMalformedValueIsNotInJacksonsCause() {
        for (String body : List.of("{\"id\":\"1\",\"count\":" + TOKEN + "}", "{\"id\":\"1\",\"count\":\"" + TOKEN + "\"}")) {
            server.stubFor(get(urlPathEqualTo("/counters")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody(body)));

            ResponseDecodingException e = catchThrowableOfType(ResponseDecodingException.class,
                    () -> authenticated().execute(apiGet("/counters"), ResponseType.json(Counter.class), RequestOptions.none()));

            String trace = stackTrace(e);
            assertNoSecret(trace, TOKEN);
            assertThat(trace).as("the cause is still shown, masked").contains("REDACTED").contains("Caused by");
            assertThat(e.getMessage()).as("the type is kept").contains("Counter");
            if (body.contains("\"" + TOKEN)) {
                assertThat(e.getMessage()).as("the field path is kept").contains("$.count").contains("Integer");
            }
        }
        assertThat(received().get(0).getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void requestIdEqualToTheTokenIsNotShownAsReference() {
        server.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(404)
                .withHeader("X-Request-Id", TOKEN).withBody("{}")));

        ApiStatusException e = catchThrowableOfType(ApiStatusException.class,
                () -> authenticated().execute(apiGet("/items"), ResponseType.json(Item.class), RequestOptions.none()));

        assertNoSecret(stackTrace(e) + e.referenceId().orElse(""), TOKEN);
        assertThat(e.getMessage()).contains("(ref REDACTED)");
    }

    @Test
    void everyEncodingOfAQueryTokenIsMasked() {
        String percent = "SEKRET%2Bsh%2Fq81be%3D";
        String lower = "SEKRET%2bsh%2fq81be%3d";
        String form = URLEncoder.encode(QUERY_TOKEN, StandardCharsets.UTF_8);
        String json = QUERY_TOKEN.replace("/", "\\/");
        server.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"bad request /items?accesstoken=" + percent + " (" + lower + ", " + form + ", "
                        + json + ")\"}")));

        ApiStatusException e = catchThrowableOfType(ApiStatusException.class,
                () -> authenticated().execute(apiGet("/items"), ResponseType.json(Item.class), RequestOptions.none()));

        String everything = stackTrace(e) + e.rawBody() + e.apiMessage().orElse("");
        assertNoSecret(everything, QUERY_TOKEN, percent, lower, form, "SEKRET");
        assertThat(received().get(0).queryParameter("accesstoken").firstValue()).isEqualTo(QUERY_TOKEN);
    }

    @Test
    void rotatedTokensAreRememberedForTheClientsLife() {
        AtomicInteger rotation = new AtomicInteger();
        ClientRuntime runtime = runtime(clientOptions().maxAttempts(1)
                .auth(Auth.bearer(() -> "rotated-token-" + rotation.get() + "-x9")));
        server.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"1\"}")));
        for (int i = 0; i < 100; i++) {
            rotation.set(i);
            runtime.execute(apiGet("/items"), ResponseType.json(Item.class), RequestOptions.none());
        }
        server.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"tokens rotated-token-0-x9, rotated-token-1-x9 and rotated-token-57-x9 expired;"
                        + " not-a-token-x9 is fine\"}")));

        ApiStatusException e = catchThrowableOfType(ApiStatusException.class,
                () -> runtime.execute(apiGet("/items"), ResponseType.json(Item.class), RequestOptions.none()));

        assertThat(e.getMessage()).doesNotContain("rotated-token-0-x9").doesNotContain("rotated-token-1-x9")
                .doesNotContain("rotated-token-57-x9").contains("not-a-token-x9 is fine");
        assertThat(e.rawBody()).doesNotContain("rotated-token");
    }

    @Test
    void redactorRemembersThousandsOfCredentialsExactly() {
        Redactor redactor = new Redactor(Set.of(), Set.of());
        for (int i = 0; i < 5000; i++) {
            redactor.registerSecret("tok/" + i + "+end");
        }
        for (int i = 0; i < 5000; i += 97) {
            String encoded = URLEncoder.encode("tok/" + i + "+end", StandardCharsets.UTF_8);
            assertThat(redactor.maskSecrets("a tok/" + i + "+end and " + encoded + " b"))
                    .isEqualTo("a REDACTED and REDACTED b");
        }
        assertThat(redactor.maskSecrets("plain text with tok/ but no token")).isEqualTo("plain text with tok/ but no token");
    }

    @Test
    void scrubKeepsCleanCausesAsTheyAre() {
        Redactor redactor = new Redactor(Set.of(), Set.of());
        redactor.registerSecret(TOKEN);
        IllegalStateException clean = new IllegalStateException("nothing secret", new RuntimeException("inner"));
        assertThat(redactor.scrub(clean)).isSameAs(clean);
        Throwable dirty = new IllegalStateException("outer", new RuntimeException("has " + TOKEN));
        Throwable scrubbed = redactor.scrub(dirty);
        assertNoSecret(stackTrace(scrubbed), TOKEN);
        assertThat(scrubbed.toString()).contains("IllegalStateException");
        assertThat(scrubbed.getCause().toString()).contains("RuntimeException").contains("REDACTED");
        assertThat(scrubbed.getStackTrace()).isEqualTo(dirty.getStackTrace());
        assertThat(ApiException.class).isAssignableFrom(ResponseDecodingException.class);
    }
}
