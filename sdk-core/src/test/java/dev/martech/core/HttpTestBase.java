package dev.martech.core;

import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.martech.core.errors.ErrorFormat;
import dev.martech.core.retry.Sleeper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Test kit for scenario tests: an in-process WireMock on a loopback dynamic port (one per test class), an
 * OkHttp client whose pool is checked for leaked connections after every test, a recording sleeper and a
 * fixed clock. WireMock answers 404 for any request without a stub, so a missing stub fails fast.
 */
abstract class HttpTestBase {
    static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    static WireMockServer server;
    static OkHttpClient okHttp;

    final RecordingSleeper sleeper = new RecordingSleeper();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final List<ClientRuntime> runtimes = new ArrayList<>();

    /** The API the tests talk to: Contactlab-like error bodies, request ids from the common headers. */
    static final ErrorFormat ERROR_FORMAT = new ErrorFormat(List.of("message", "error"), List.of("logref"),
            ErrorFormat.COMMON_REQUEST_ID_HEADERS);
    static final ApiDefinition API = new ApiDefinition("testapi", "1.2.3", "https://api.invalid/v1", ERROR_FORMAT,
            Map.of(4, TestError.class, 5, TestError.class));

    /** The default error model of the test API. */
    public record TestError(String message, String error, String logref) {
    }

    /** A declared error model (e.g. for 400). */
    public record ValidationError(String message, List<String> fields) {
    }

    /** A success model. */
    public record Item(String id, String name) {
    }

    @BeforeAll
    static void startServer() {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        okHttp = new OkHttpClient.Builder().connectionPool(new ConnectionPool(5, 5, TimeUnit.MINUTES)).build();
    }

    @AfterAll
    static void stopServer() {
        if (okHttp != null) {
            okHttp.dispatcher().executorService().shutdown();
            okHttp.connectionPool().evictAll();
        }
        if (server != null) {
            server.stop();
        }
    }

    @BeforeEach
    void resetServer() {
        server.resetAll();
    }

    /** STYLE #15: every response body was closed, so every pooled connection is idle again. */
    @AfterEach
    void noConnectionLeaked() {
        runtimes.forEach(ClientRuntime::close);
        runtimes.clear();
        assertNoLeakedConnections();
    }

    static void assertNoLeakedConnections() {
        ConnectionPool pool = okHttp.connectionPool();
        // A released connection returns to the pool on the thread that closed the body, but an async call
        // counts as running until its callback has returned, just after the future completed: give it a
        // moment (bounded) without asserting on time.
        for (int i = 0; i < 100 && (pool.idleConnectionCount() != pool.connectionCount()
                || okHttp.dispatcher().runningCallsCount() != 0); i++) {
            sleepQuietly(20);
        }
        assertThat(pool.idleConnectionCount()).as("idle connections (all others leaked)")
                .isEqualTo(pool.connectionCount());
        assertThat(okHttp.dispatcher().runningCallsCount()).as("running calls").isZero();
    }

    static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    ClientOptions.Builder clientOptions() {
        return ClientOptions.builder().baseUrl(baseUrl()).okHttpClient(okHttp).sleeper(sleeper).clock(clock);
    }

    ClientRuntime runtime() {
        return runtime(clientOptions());
    }

    ClientRuntime runtime(ClientOptions.Builder options) {
        ClientRuntime runtime = new ClientRuntime(API, options.build());
        runtimes.add(runtime);
        return runtime;
    }

    static ApiRequest apiGet(String path) {
        return ApiRequest.builder("GET", path).build();
    }

    /** Stubs responses served in order for one method and path; the last one repeats. */
    static void stubSequence(String method, String path, ResponseDefinitionBuilder... responses) {
        String scenario = method + " " + path;
        for (int i = 0; i < responses.length; i++) {
            ScenarioMappingBuilder mapping = request(method, urlPathEqualTo(path)).inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "step " + i).willReturn(responses[i]);
            if (i < responses.length - 1) {
                mapping = (ScenarioMappingBuilder) mapping.willSetStateTo("step " + (i + 1));
            }
            server.stubFor(mapping);
        }
    }

    /** Requests the server received, oldest first. */
    static List<LoggedRequest> received() {
        List<LoggedRequest> all = new ArrayList<>();
        server.getAllServeEvents().forEach(e -> all.add(e.getRequest()));
        Collections.reverse(all); // the journal lists the newest first
        return all;
    }

    /** A loopback port nothing listens on: connecting is refused, so the request is never sent. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records the delays the retry layer asked for instead of sleeping. */
    static final class RecordingSleeper implements Sleeper {
        final List<Duration> delays = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration duration) {
            delays.add(duration);
        }
    }
}
