package dev.martech.bench;

import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A real {@link OkHttpClient} whose first application interceptor answers every call from memory with the
 * small page (status 200, {@code Content-Type} and {@code Content-Length} like {@link BenchServer}). A call
 * still goes through everything above the socket: for the SDK its real OkHttp adapter (URL serialisation,
 * header copying, tags, the call-timeout watchdog, response-header conversion), auth, retry layer and decoding; for
 * raw, OkHttp's {@code Request.Builder}, {@code RealCall} and the same Jackson decoding. What is left is the
 * cost of the code, without the loopback's noise; SDK minus raw is the SDK's own cost per call.
 */
public final class InMemory {
    private static final MediaType JSON = MediaType.get("application/json");

    private InMemory() {
    }

    /** A new client answering every request with {@code body}. */
    public static OkHttpClient client(byte[] body) {
        String length = String.valueOf(body.length);
        Interceptor answer = chain -> new Response.Builder()
                .request(chain.request())
                .protocol(Protocol.HTTP_1_1)
                .code(200)
                .message("OK")
                .header("Content-Type", "application/json")
                .header("Content-Length", length)
                .body(ResponseBody.create(body, JSON))
                .build();
        return new OkHttpClient.Builder().addInterceptor(answer).build();
    }
}
