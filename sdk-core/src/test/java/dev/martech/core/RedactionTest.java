package dev.martech.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.martech.core.auth.Auth;
import dev.martech.core.errors.ApiException;
import dev.martech.core.errors.ApiIoException;
import dev.martech.core.errors.ApiStatusException;
import dev.martech.core.errors.ResponseDecodingException;
import dev.martech.core.http.HttpHeaders;
import dev.martech.core.http.HttpRequest;
import dev.martech.core.http.HttpUrl;
import dev.martech.core.logging.LogLevel;
import dev.martech.core.retry.RetryPolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** No credential ever shows in logs (LogLevel.BODY), exception messages or toString(). */
class RedactionTest extends HttpTestBase {
    private static final String BEARER = "bearer-SECRET-4f9a2c";
    private static final String QUERY = "query-SECRET-81be77";

    private final Logger logger = Logger.getLogger("dev.martech.testapi.http");
    private final List<String> logs = Collections.synchronizedList(new ArrayList<>());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logs.add(record.getMessage() + (record.getThrown() == null ? "" : " " + record.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level previousLevel;

    @BeforeEach
    void captureLogs() {
        previousLevel = logger.getLevel();
        logger.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        logger.addHandler(capture);
        logger.setUseParentHandlers(false); // keep the build output quiet
    }

    @AfterEach
    void releaseLogs() {
        logger.removeHandler(capture);
        logger.setUseParentHandlers(true);
        logger.setLevel(previousLevel);
    }

    private ClientRuntime authenticatedRuntime() {
        return runtime(clientOptions().logLevel(LogLevel.BODY)
                .auth(Auth.all(Auth.bearer(BEARER), Auth.queryParameter("accesstoken", QUERY)))
                .retryPolicy(RetryPolicy.builder().retryNonIdempotent(true).build()));
    }

    private static ApiRequest createItem() {
        return ApiRequest.builder("POST", "/items").queryParameter("page", 1)
                .jsonBody(Map.of("name", "n", "note", "not secret")).build();
    }

    @Test
    void failingAuthenticatedCallNeverShowsTheCredentials() {
        String echo = "{\"message\":\"token " + BEARER + " is invalid for " + QUERY + "\",\"logref\":\"ref-1\"}";
        stubSequence("POST", "/items",
                aResponse().withStatus(503).withHeader("Content-Type", "application/json").withBody(echo),
                aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withHeader("WWW-Authenticate", "Bearer " + BEARER).withHeader("X-Request-Id", "rid-1")
                        .withBody(echo));

        ApiStatusException e = catchThrowableOfType(ApiStatusException.class,
                () -> authenticatedRuntime().execute(createItem(), ResponseType.json(Item.class), RequestOptions.none()));

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.attempts()).isEqualTo(2);
        // The credentials did reach the server...
        assertThat(received()).allSatisfy(r -> {
            assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + BEARER);
            assertThat(r.queryParameter("accesstoken").firstValue()).isEqualTo(QUERY);
        });
        // ...and nowhere else.
        String everything = String.join("\n", logs) + "\n" + describe(e) + "\n" + e.rawBody() + "\n"
                + e.apiMessage().orElse("") + "\n" + e.redactedUrl() + "\n" + e.headers();
        assertNoSecret(everything);
        assertThat(logs).as("request and response lines of both attempts").hasSizeGreaterThanOrEqualTo(4);
        assertThat(String.join("\n", logs)).contains("Authorization: REDACTED").contains("accesstoken=REDACTED")
                .contains("\"note\":\"not secret\"").contains("X-Request-Id: rid-1");
        assertThat(e.rawBody()).contains("REDACTED").contains("ref-1");
        assertThat(e.getMessage()).contains("REDACTED");
    }

    @Test
    void connectionFailureOfAnAuthenticatedCallNeverShowsTheCredentials() {
        ClientRuntime runtime = runtime(clientOptions().baseUrl("http://127.0.0.1:" + closedPort())
                .logLevel(LogLevel.BODY).auth(Auth.all(Auth.bearer(BEARER), Auth.queryParameter("accesstoken", QUERY))));

        ApiIoException e = catchThrowableOfType(ApiIoException.class,
                () -> runtime.execute(createItem(), ResponseType.json(Item.class), RequestOptions.none()));

        assertThat(e.attempts()).isEqualTo(3);
        assertNoSecret(String.join("\n", logs) + "\n" + describe(e));
        assertThat(String.join("\n", logs)).contains("FAILED").contains("accesstoken=REDACTED");
    }

    @Test
    void undecodableSuccessBodyEchoingTheTokenIsMasked() {
        server.stubFor(post(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"token\":\"" + BEARER + "\", oops")));

        ResponseDecodingException e = catchThrowableOfType(ResponseDecodingException.class,
                () -> authenticatedRuntime().execute(createItem(), ResponseType.json(Item.class), RequestOptions.none()));

        assertThat(e.rawBody()).contains("REDACTED");
        assertNoSecret(String.join("\n", logs) + "\n" + describe(e) + "\n" + e.rawBody());
    }

    @Test
    void optionsRuntimeRequestAndUrlToStringsNeverShowTheCredentials() {
        ClientOptions options = clientOptions().auth(Auth.all(Auth.bearer(BEARER), Auth.queryParameter("accesstoken", QUERY)))
                .defaultHeader("X-Api-Key", QUERY).build();
        ClientRuntime runtime = runtime(options.toBuilder());
        HttpRequest request = Auth.all(Auth.bearer(BEARER), Auth.queryParameter("accesstoken", QUERY))
                .authenticate(new HttpRequest("GET", new HttpUrl(baseUrl(), "/items", List.of(Map.entry("page", "2"))),
                        HttpHeaders.empty(), null));

        assertThat(request.url().toUriString()).as("what is sent").contains(QUERY);
        assertThat(request.headers().first("Authorization")).contains("Bearer " + BEARER);
        assertNoSecret(options.toString());
        assertNoSecret(runtime.toString());
        assertNoSecret(request.toString());
        assertNoSecret(request.url().toString());
        assertNoSecret(request.headers().toString());
        assertThat(options.toString()).contains("auth=REDACTED");
        assertThat(request.url().toString()).contains("accesstoken=REDACTED").contains("page=2");
    }

    private static void assertNoSecret(String text) {
        assertThat(text).doesNotContain(BEARER).doesNotContain(QUERY);
    }

    /** Message and toString of the exception, its causes and suppressed exceptions, recursively. */
    private static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder();
        describe(t, sb, Collections.newSetFromMap(new IdentityHashMap<>()));
        return sb.toString();
    }

    private static void describe(Throwable t, StringBuilder sb, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return;
        }
        sb.append(t).append('\n').append(t.getMessage()).append('\n');
        if (t instanceof ApiException) {
            sb.append(((ApiException) t).redactedUrl()).append('\n');
        }
        describe(t.getCause(), sb, seen);
        for (Throwable s : t.getSuppressed()) {
            describe(s, sb, seen);
        }
    }
}
