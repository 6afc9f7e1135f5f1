package dev.martech.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.martech.core.errors.ApiIoException;
import dev.martech.core.logging.LogLevel;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 12.2: a response body that breaks off is handled the same at every log level. The body is read
 * inside the attempt, so the retry layer decides: an idempotent call is retried, a POST is not, and a
 * DELETE whose body broke never reports success.
 */
class BrokenBodyTest extends HttpTestBase {
    /** A 200 whose chunked body starts, then the connection closes mid-chunk. */
    private static final byte[] BROKEN_CHUNKED = RawHttpServer.bytes("HTTP/1.1 200 OK\r\n"
            + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "10\r\n{\"id\":\"7\",\"name\"\r\n" + "20\r\n:\"sev");

    private final Logger logger = Logger.getLogger("dev.martech.testapi.http");
    private RawHttpServer raw;

    @AfterEach
    void stopRaw() throws Exception {
        logger.setLevel(null);
        logger.setUseParentHandlers(true);
        if (raw != null) {
            raw.close();
        }
    }

    @ParameterizedTest(name = "{0} {1} logLevel={2} async={3}")
    @CsvSource({
            "GET, json, NONE, false", "GET, json, BASIC, false", "GET, json, BODY, false",
            "GET, json, NONE, true", "GET, json, BODY, true",
            "DELETE, none, NONE, false", "DELETE, none, BODY, false", "DELETE, none, NONE, true",
            "POST, json, NONE, false", "POST, json, BODY, false", "POST, json, BODY, true",
            "PUT, text, NONE, false", "PUT, text, BODY, false"})
    void brokenBodyIsTheSameFailureAtEveryLogLevel(String method, String kind, LogLevel level, boolean async)
            throws Exception {
        raw = new RawHttpServer(line -> BROKEN_CHUNKED);
        logger.setLevel(Level.ALL);
        logger.setUseParentHandlers(false); // logged, but kept out of the build output
        ClientRuntime runtime = runtime(ClientOptions.builder().baseUrl(raw.baseUrl()).sleeper(sleeper).clock(clock)
                .logLevel(level));
        ApiRequest.Builder request = ApiRequest.builder(method, "/items/7");
        if (!method.equals("GET") && !method.equals("DELETE")) {
            request.jsonBody(Map.of("name", "seven"));
        }
        ResponseType<?> type = kind.equals("json") ? ResponseType.json(Item.class)
                : kind.equals("text") ? ResponseType.text() : ResponseType.none();

        Throwable thrown = catchThrowable(() -> {
            if (async) {
                runtime.executeAsync(request.build(), type, RequestOptions.none()).join();
            } else {
                runtime.execute(request.build(), type, RequestOptions.none());
            }
        });
        if (thrown instanceof CompletionException) {
            thrown = thrown.getCause();
        }

        assertThat(thrown).as("a body that broke off is never a success").isInstanceOf(ApiIoException.class);
        ApiIoException e = (ApiIoException) thrown;
        boolean idempotent = !method.equals("POST");
        assertThat(e.attempts()).as("attempts").isEqualTo(idempotent ? 3 : 1);
        assertThat(raw.requests()).as("requests the server received").isEqualTo(e.attempts());
        assertThat(sleeper.delays).hasSize(e.attempts() - 1);
    }
}
