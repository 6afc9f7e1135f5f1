package dev.martech.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.martech.core.internal.OkHttpTransport;
import dev.martech.core.logging.LogLevel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Builder and client options that fit the surroundings: a proxy, clients derived with {@code withOptions}
 * on a shared pool and dispatcher, configuration read from environment variables.
 */
class EcosystemOptionsTest {
    /** What the server saw per request: request URI as sent on the request line, client port, headers. */
    record Seen(String uri, int clientPort, String authorization) {
    }

    static HttpServer server;
    static final List<Seen> SEEN = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            SEEN.add(new Seen(exchange.getRequestURI().toString(), exchange.getRemoteAddress().getPort(),
                    exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] body = "{\"id\":\"1\",\"name\":\"one\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @BeforeEach
    void clear() {
        SEEN.clear();
    }

    static String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    static ApiResponse<HttpTestBase.Item> get(ClientRuntime runtime) {
        return runtime.execute(ApiRequest.builder("GET", "/items/1").build(), ResponseType.of(HttpTestBase.Item.class),
                RequestOptions.none());
    }

    static OkHttpClient okHttp(ClientRuntime runtime) {
        return ((OkHttpTransport) runtime.wire()).okHttpClient();
    }

    @Test
    void aDerivedClientSharesThePoolAndDispatcherAndChangesOnlyWhatItSets() {
        try (ClientRuntime parent = new ClientRuntime(HttpTestBase.API, ClientOptions.builder().baseUrl(baseUrl())
                .logLevel(LogLevel.BASIC).build())) {
            ClientRuntime derived = new ClientRuntime(HttpTestBase.API,
                    parent.derivedOptions(o -> o.readTimeout(Duration.ofSeconds(3))));

            assertThat(okHttp(derived).connectionPool()).isSameAs(okHttp(parent).connectionPool());
            assertThat(okHttp(derived).dispatcher()).isSameAs(okHttp(parent).dispatcher());
            assertThat(okHttp(derived).readTimeoutMillis()).isEqualTo(3_000);
            assertThat(okHttp(parent).readTimeoutMillis()).isEqualTo(30_000);
            // Nothing is stacked twice (the logging and send-tracking interceptors are the parent's count).
            assertThat(okHttp(derived).interceptors()).hasSameSizeAs(okHttp(parent).interceptors());
            assertThat(okHttp(derived).networkInterceptors()).hasSameSizeAs(okHttp(parent).networkInterceptors());
            assertThat(derived.options().logLevel()).isEqualTo(LogLevel.BASIC);

            // The same keep-alive connection serves both clients.
            get(parent);
            get(derived);
            assertThat(SEEN).extracting(Seen::clientPort).containsExactly(SEEN.get(0).clientPort(), SEEN.get(0).clientPort());

            // Closing the derived client leaves the parent's dispatcher and pool working.
            derived.close();
            assertThat(okHttp(parent).dispatcher().executorService().isShutdown()).isFalse();
            assertThat(get(parent).status()).isEqualTo(200);
        }
    }

    @Test
    void withoutDerivingEachClientHasItsOwnPool() {
        try (ClientRuntime a = new ClientRuntime(HttpTestBase.API, ClientOptions.builder().baseUrl(baseUrl()).build());
                ClientRuntime b = new ClientRuntime(HttpTestBase.API, ClientOptions.builder().baseUrl(baseUrl()).build())) {
            assertThat(okHttp(a).connectionPool()).isNotSameAs(okHttp(b).connectionPool());
        }
    }

    @Test
    void callsGoThroughTheConfiguredProxy() {
        Proxy proxy = new Proxy(Proxy.Type.HTTP, server.getAddress());
        try (ClientRuntime runtime = new ClientRuntime(HttpTestBase.API, ClientOptions.builder()
                .baseUrl("http://api.example.invalid/v1").proxy(proxy).build())) {
            assertThat(get(runtime).body().name()).isEqualTo("one");
        }
        // A proxy gets the absolute URL on the request line; the host itself was never resolved.
        assertThat(SEEN).extracting(Seen::uri).containsExactly("http://api.example.invalid/v1/items/1");
    }

    @Test
    void proxyRejectsNull() {
        assertThatThrownBy(() -> new TestClient.Builder().proxy(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("proxy");
    }

    @Test
    void fromEnvReadsTokenBaseUrlAndLogLevel() {
        Map<String, String> env = Map.of("TESTAPI_TOKEN", " env-token ", "TESTAPI_BASE_URL", baseUrl(),
                "MARTECH_LOG", "debug");
        try (TestClient client = new TestClient.Builder().fromEnv(env::get).build()) {
            assertThat(client.runtime.baseUrl()).isEqualTo(baseUrl());
            assertThat(client.runtime.options().logLevel()).isEqualTo(LogLevel.BODY);
            get(client.runtime);
        }
        assertThat(SEEN).extracting(Seen::authorization).containsExactly("Bearer env-token");
    }

    @Test
    void thePerApiLogVariableWinsOverMartechLogAndCodeWinsOverBoth() {
        Function<String, String> env = Map.of("TESTAPI_TOKEN", "t", "MARTECH_LOG", "debug", "TESTAPI_LOG", "info")::get;
        assertThat(levelOf(new TestClient.Builder().fromEnv(env))).isEqualTo(LogLevel.BASIC);
        assertThat(levelOf(new TestClient.Builder().fromEnv(env).logLevel(LogLevel.NONE))).isEqualTo(LogLevel.NONE);
        assertThat(levelOf(new TestClient.Builder().fromEnv(Map.of("TESTAPI_TOKEN", "t")::get))).isEqualTo(LogLevel.NONE);
    }

    @Test
    void laterBuilderCallsOverrideTheEnvironment() {
        try (TestClient client = new TestClient.Builder().fromEnv(Map.of("TESTAPI_TOKEN", "t", "TESTAPI_BASE_URL",
                "https://env.example/v1")::get).baseUrl(baseUrl()).build()) {
            assertThat(client.runtime.baseUrl()).isEqualTo(baseUrl());
        }
    }

    @Test
    void badEnvironmentValuesNameTheVariable() {
        assertThatThrownBy(() -> new TestClient.Builder().fromEnv(Map.of("TESTAPI_TOKEN", "t", "MARTECH_LOG", "loud")::get)
                .build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MARTECH_LOG")
                .hasMessageContaining("'loud'");
        assertThatThrownBy(() -> new TestClient.Builder().fromEnv(Map.of("TESTAPI_BASE_URL", "ftp://x")::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("TESTAPI_BASE_URL: ");
        assertThatThrownBy(() -> new TestClient.Builder().fromEnv(Map.<String, String>of()::get).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("set TESTAPI_TOKEN and use fromEnv()");
    }

    /** A minimal client of the test API, as an API module would write it. */
    static final class TestClient implements AutoCloseable {
        final ClientRuntime runtime;

        TestClient(ClientOptions options) {
            runtime = new ClientRuntime(HttpTestBase.API, options);
        }

        @Override
        public void close() {
            runtime.close();
        }

        static final class Builder extends ClientBuilder<Builder, TestClient> {
            @Override
            protected String environmentPrefix() {
                return "TESTAPI";
            }

            @Override
            protected void validate(ClientOptions options) {
                requireCredentials(options, "auth(...)");
            }

            @Override
            protected TestClient create(ClientOptions options) {
                return new TestClient(options);
            }
        }
    }

    /** Keeps the BASIC/BODY lines of these tests out of the build output (held: JUL keeps loggers weakly). */
    static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("dev.martech.testapi.http");

    static {
        QUIET.setLevel(java.util.logging.Level.OFF);
    }

    static LogLevel levelOf(TestClient.Builder builder) {
        try (TestClient client = builder.build()) {
            return client.runtime.options().logLevel();
        }
    }
}
