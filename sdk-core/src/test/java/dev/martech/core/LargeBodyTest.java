package dev.martech.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.martech.core.errors.ApiIoException;
import dev.martech.core.errors.ResponseDecodingException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A successful body of declared length (up to 8 MiB) is read whole and decoded from memory; an unsized (chunked)
 * one, like one over 8 MiB, is decoded straight from the connection, inside the attempt. Either way: the same
 * value, and the same failures (a cut body is an I/O failure the retry layer sees, a malformed one a decoding
 * failure quoting its start).
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

    private static byte[] items(int count) {
        StringBuilder sb = new StringBuilder("{\"items\":[");
        for (int i = 0; i < count; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"id\":\"").append(i).append("\",\"name\":\"item number ").append(i)
                    .append("\"}");
        }
        return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A 200 with {@code body}, chunked (no declared length) or with its Content-Length, cut after {@code keep} bytes. */
    private static byte[] response(byte[] body, boolean chunked, int keep) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                + (chunked ? "Transfer-Encoding: chunked\r\n\r\n" : "Content-Length: " + body.length + "\r\n\r\n");
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        int sent = Math.min(keep, body.length);
        if (chunked) {
            for (int off = 0; off < sent; off += 16_384) {
                int n = Math.min(16_384, sent - off);
                out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, off, n);
                out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            if (sent == body.length) {
                out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        } else {
            out.write(body, 0, sent);
        }
        return out.toByteArray();
    }

    private ClientRuntime serving(byte[] response, int maxAttempts) throws Exception {
        raw = new RawHttpServer(line -> response);
        return runtime(ClientOptions.builder().baseUrl(raw.baseUrl()).sleeper(sleeper).clock(clock)
                .maxAttempts(maxAttempts));
    }

    @ParameterizedTest(name = "chunked={0}")
    @ValueSource(booleans = {true, false})
    void aLargeBodyIsDecodedOnEveryPath(boolean chunked) throws Exception {
        byte[] body = items(5000);
        assertThat(body.length).isGreaterThan(128 * 1024);
        ClientRuntime runtime = serving(response(body, chunked, body.length), 1);

        Items sync = runtime.execute(apiGet("/items"), ResponseType.json(Items.class), RequestOptions.none()).body();
        Items async = runtime.executeAsync(apiGet("/items"), ResponseType.json(Items.class), RequestOptions.none())
                .join().body();
        HttpResponseFor<Items> rawView = runtime.executeRaw(apiGet("/items"), ResponseType.json(Items.class),
                RequestOptions.none());

        assertThat(sync.items()).hasSize(5000).last().isEqualTo(new Item("4999", "item number 4999"));
        assertThat(async).isEqualTo(sync);
        assertThat(rawView.parse()).isEqualTo(sync);
    }

    @ParameterizedTest(name = "chunked={0}")
    @ValueSource(booleans = {true, false})
    void aLargeBodyCutShortIsAnIoFailureAndAGetIsRetried(boolean chunked) throws Exception {
        byte[] body = items(5000);
        ClientRuntime runtime = serving(response(body, chunked, body.length / 2), 2);

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

    @ParameterizedTest(name = "chunked={0}")
    @ValueSource(booleans = {true, false})
    void aMalformedLargeBodyIsADecodingFailureQuotingItsStart(boolean chunked) throws Exception {
        String json = new String(items(5000), StandardCharsets.UTF_8);
        byte[] malformed = (json.substring(0, json.length() - 2) + "}}").getBytes(StandardCharsets.UTF_8); // ] missing
        ClientRuntime runtime = serving(response(malformed, chunked, malformed.length), 3);

        ResponseDecodingException e = catchThrowableOfType(ResponseDecodingException.class,
                () -> runtime.execute(apiGet("/items"), ResponseType.json(Items.class), RequestOptions.none()));

        assertThat(e.status()).isEqualTo(200);
        assertThat(e.attempts()).as("a malformed body is not retried").isEqualTo(1);
        assertThat(e.rawBody()).startsWith("{\"items\":[{\"id\":\"0\"");
        assertThat(e.rawBody().length()).isLessThanOrEqualTo(64 * 1024);
        assertThat(sleeper.delays).isEmpty();
        assertThat(raw.requests()).isEqualTo(1);
    }
}
