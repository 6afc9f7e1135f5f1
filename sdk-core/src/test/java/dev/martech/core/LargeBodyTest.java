package dev.martech.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.martech.core.errors.ApiIoException;
import dev.martech.core.errors.ResponseDecodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A successful body larger than the transport buffers (64 KiB) is decoded straight from the connection, inside
 * the attempt: the same value, the same failures (a cut body is an I/O failure the retry layer sees, a malformed
 * one a decoding failure quoting its start) as a small buffered body.
 */
class LargeBodyTest extends HttpTestBase {
    public record Items(List<Item> items) {
    }

    private RawHttpServer raw;

    @AfterEach
    void stopRaw() throws Exception {
        if (raw != null) {
            raw.close();
        }
    }

    private static String items(int count) {
        StringBuilder sb = new StringBuilder("{\"items\":[");
        for (int i = 0; i < count; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"id\":\"").append(i).append("\",\"name\":\"item number ").append(i)
                    .append("\"}");
        }
        return sb.append("]}").toString();
    }

    @Test
    void aLargeBodyIsDecodedOnBothPaths() {
        String json = items(5000);
        assertThat(json.length()).isGreaterThan(128 * 1024);
        server.stubFor(get("/items").willReturn(okJson(json)));
        ClientRuntime runtime = runtime();

        Items sync = runtime.execute(apiGet("/items"), ResponseType.json(Items.class), RequestOptions.none()).body();
        Items async = runtime.executeAsync(apiGet("/items"), ResponseType.json(Items.class), RequestOptions.none())
                .join().body();
        HttpResponseFor<Items> rawView = runtime.executeRaw(apiGet("/items"), ResponseType.json(Items.class),
                RequestOptions.none());

        assertThat(sync.items()).hasSize(5000).last().isEqualTo(new Item("4999", "item number 4999"));
        assertThat(async).isEqualTo(sync);
        assertThat(rawView.parse()).isEqualTo(sync);
    }

    @Test
    void aLargeBodyCutShortIsAnIoFailureAndAGetIsRetried() throws Exception {
        byte[] body = items(5000).getBytes(StandardCharsets.UTF_8);
        byte[] head = RawHttpServer.bytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\n\r\n");
        byte[] cut = new byte[head.length + body.length / 2];
        System.arraycopy(head, 0, cut, 0, head.length);
        System.arraycopy(body, 0, cut, head.length, body.length / 2);
        raw = new RawHttpServer(line -> cut);
        ClientRuntime runtime = runtime(ClientOptions.builder().baseUrl(raw.baseUrl()).sleeper(sleeper).clock(clock)
                .maxAttempts(2));

        ApiIoException sync = catchThrowableOfType(ApiIoException.class,
                () -> runtime.execute(apiGet("/items"), ResponseType.json(Items.class), RequestOptions.none()));
        Throwable async = catchThrowable(() -> runtime.executeAsync(apiGet("/items"), ResponseType.json(Items.class),
                RequestOptions.none()).join());

        assertThat(sync.attempts()).isEqualTo(2);
        assertThat(sync.requestSent()).isTrue();
        assertThat(sync.getSuppressed()).singleElement().isInstanceOf(ApiIoException.class);
        assertThat(async).isInstanceOf(CompletionException.class).cause().isInstanceOf(ApiIoException.class);
        assertThat(raw.requests()).isEqualTo(4);
    }

    @Test
    void aMalformedLargeBodyIsADecodingFailureQuotingItsStart() {
        String json = items(5000);
        String malformed = json.substring(0, json.length() - 2) + "}}"; // the array is never closed
        server.stubFor(get("/items").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(malformed)));
        ClientRuntime runtime = runtime(clientOptions().maxAttempts(3));

        ResponseDecodingException e = catchThrowableOfType(ResponseDecodingException.class,
                () -> runtime.execute(apiGet("/items"), ResponseType.json(Items.class), RequestOptions.none()));

        assertThat(e.status()).isEqualTo(200);
        assertThat(e.attempts()).as("a malformed body is not retried").isEqualTo(1);
        assertThat(e.rawBody()).startsWith("{\"items\":[{\"id\":\"0\"").hasSizeLessThanOrEqualTo(64 * 1024);
        assertThat(sleeper.delays).isEmpty();
    }
}
