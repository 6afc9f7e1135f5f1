package dev.martech.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.CRC32;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A download far larger than the heap streams through in constant memory. Runs in its own surefire
 * execution with -Xmx64m (see sdk-core/pom.xml); WireMock would buffer the body, so a JDK HttpServer writes it.
 */
class LargeDownloadTest {
    private static final long SIZE = 512L * 1024 * 1024;
    private static final int CHUNK = 64 * 1024;

    private static HttpServer server;
    private static ExecutorService executor;
    private static OkHttpClient okHttp;

    /** Deterministic content: byte i is a function of i, so client and server agree without storing it. */
    private static void fill(byte[] chunk, long offset) {
        for (int i = 0; i < chunk.length; i++) {
            long n = offset + i;
            chunk[i] = (byte) (n * 31 + (n >>> 13));
        }
    }

    private static long expectedCrc() {
        CRC32 crc = new CRC32();
        byte[] chunk = new byte[CHUNK];
        for (long offset = 0; offset < SIZE; offset += CHUNK) {
            fill(chunk, offset);
            crc.update(chunk);
        }
        return crc.getValue();
    }

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/exports/big.csv", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/csv");
            exchange.sendResponseHeaders(200, 0); // chunked
            byte[] chunk = new byte[CHUNK];
            try (OutputStream out = exchange.getResponseBody()) {
                for (long offset = 0; offset < SIZE; offset += CHUNK) {
                    fill(chunk, offset);
                    out.write(chunk);
                }
            } catch (IOException clientWentAway) {
                // the client closed early
            }
        });
        executor = Executors.newFixedThreadPool(2);
        server.setExecutor(executor);
        server.start();
        okHttp = new OkHttpClient();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        executor.shutdownNow();
        okHttp.dispatcher().executorService().shutdown();
        okHttp.connectionPool().evictAll();
    }

    @Test
    void downloadLargerThanTheHeapStreamsInConstantMemory() throws IOException {
        boolean smallHeap = Runtime.getRuntime().maxMemory() < SIZE / 4;
        if (Boolean.getBoolean("sdk.test.smallHeap")) {
            assertThat(smallHeap).as("the large-download execution must run with -Xmx64m").isTrue();
        } else {
            // Selected with -Dtest in the default JVM: a big heap proves nothing, so skip.
            Assumptions.assumeTrue(smallHeap, "runs in the large-download surefire execution (-Xmx64m)");
        }
        ClientRuntime runtime = new ClientRuntime(
                new ApiDefinition("download", "1", "http://127.0.0.1:" + server.getAddress().getPort(),
                        HttpTestBase.ERROR_FORMAT, Map.of()),
                ClientOptions.builder().okHttpClient(okHttp).build());

        long count = 0;
        CRC32 crc = new CRC32();
        try (runtime) {
            ApiResponse<BinaryResponse> response = runtime.execute(ApiRequest.builder("GET", "/exports/big.csv").build(),
                    ResponseType.stream(), RequestOptions.none());
            assertThat(response.status()).isEqualTo(200);
            try (BinaryResponse body = response.body(); InputStream in = body.stream()) {
                assertThat(body.contentType()).startsWith("text/csv");
                byte[] buf = new byte[8192];
                for (int n; (n = in.read(buf)) >= 0; ) {
                    crc.update(buf, 0, n);
                    count += n;
                }
            }
        }

        assertThat(count).isEqualTo(SIZE);
        assertThat(crc.getValue()).isEqualTo(expectedCrc());
        assertThat(okHttp.connectionPool().idleConnectionCount()).isEqualTo(okHttp.connectionPool().connectionCount());
    }
}
