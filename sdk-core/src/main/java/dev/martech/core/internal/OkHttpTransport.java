package dev.martech.core.internal;

import dev.martech.core.ClientOptions;
import dev.martech.core.errors.ApiIoException;
import dev.martech.core.errors.ApiTimeoutException;
import dev.martech.core.http.CallContext;
import dev.martech.core.http.HttpHeaders;
import dev.martech.core.http.HttpRequest;
import dev.martech.core.http.HttpResponse;
import dev.martech.core.http.RequestBody;
import dev.martech.core.http.Transport;
import dev.martech.core.logging.LogLevel;
import dev.martech.core.logging.Redactor;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSink;

/** The wire: OkHttp, with its own silent retry turned off so that attempts are counted once, by us. */
public final class OkHttpTransport implements Transport {
    private final OkHttpClient client;
    private final OkHttpClient shared;
    private final boolean ownsClient;
    private final Redactor redactor;

    public OkHttpTransport(ClientOptions options, Redactor redactor) {
        this(options, redactor, LoggingInterceptor.DEFAULT_LOGGER_NAME);
    }

    /**
     * @param loggerName the {@link System.Logger} HTTP lines go to, e.g. {@code dev.martech.targeting.http}
     */
    public OkHttpTransport(ClientOptions options, Redactor redactor, String loggerName) {
        this.redactor = redactor;
        this.ownsClient = options.okHttpClient() == null;
        // The pool and dispatcher live in "shared"; "client" adds this client's settings on top of it.
        this.shared = ownsClient ? new OkHttpClient() : options.okHttpClient();
        OkHttpClient.Builder builder = shared.newBuilder();
        if (options.proxy() != null) {
            builder.proxy(options.proxy());
        }
        builder.retryOnConnectionFailure(false)
                .connectTimeout(options.connectTimeout())
                .readTimeout(options.readTimeout())
                .writeTimeout(options.writeTimeout());
        options.interceptors().forEach(builder::addInterceptor);
        if (options.logLevel() != LogLevel.NONE) {
            builder.addInterceptor(new LoggingInterceptor(options.logLevel(), redactor, loggerName));
        }
        // Runs once a connection is ready, right before the request is written: from here on the server may
        // see the request, so a POST must not be replayed.
        builder.addNetworkInterceptor(chain -> {
            SendTracker tracker = chain.request().tag(SendTracker.class);
            if (tracker != null) {
                tracker.sent = true;
            }
            return chain.proceed(chain.request());
        });
        this.client = builder.build();
    }

    /** The OkHttp client in use (shares its pool with clients derived from it). */
    public OkHttpClient okHttpClient() {
        return client;
    }

    /**
     * The client owning the connection pool and dispatcher, without this transport's interceptors and
     * timeouts: what a derived client builds on, so it shares both and adds nothing twice.
     */
    public OkHttpClient sharedClient() {
        return shared;
    }

    @Override
    public HttpResponse execute(HttpRequest request, CallContext context) {
        SendTracker tracker = new SendTracker();
        Call call = newCall(request, context, tracker);
        try {
            return convert(call.execute());
        } catch (IOException e) {
            throw failure(request, e, tracker);
        }
    }

    @Override
    public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, CallContext context) {
        SendTracker tracker = new SendTracker();
        Call call = newCall(request, context, tracker);
        CompletableFuture<HttpResponse> future = new CompletableFuture<>();
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                future.completeExceptionally(failure(request, e, tracker));
            }

            @Override
            public void onResponse(Call c, Response response) {
                future.complete(convert(response));
            }
        });
        future.whenComplete((r, e) -> {
            if (future.isCancelled()) {
                call.cancel();
            }
        });
        return future;
    }

    private Call newCall(HttpRequest request, CallContext context, SendTracker tracker) {
        // Headers go straight into the request builder's own list (a Headers.Builder would be built and then
        // copied once more by Request.Builder.headers(…)).
        Request.Builder builder = new Request.Builder().url(request.url().toUriString());
        for (java.util.Map.Entry<String, java.util.List<String>> header : request.headers().asMap().entrySet()) {
            for (String value : header.getValue()) {
                builder.addHeader(header.getKey(), value);
            }
        }
        Request okRequest = builder
                .method(request.method(), toOkHttp(request.method(), request.body()))
                .tag(SendTracker.class, tracker)
                .tag(CallContext.class, context)
                .build();
        OkHttpClient callClient = client;
        if (context.readTimeout() != null && context.readTimeout().toMillis() != client.readTimeoutMillis()) {
            callClient = client.newBuilder().readTimeout(context.readTimeout()).build(); // shares pool and dispatcher
        }
        Call call = callClient.newCall(okRequest);
        if (context.callTimeout() != null) {
            call.timeout().timeout(context.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        return call;
    }

    private static okhttp3.RequestBody toOkHttp(String method, RequestBody body) {
        if (body == null) {
            boolean needsBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
            return needsBody ? new EmptyBody() : null;
        }
        return new okhttp3.RequestBody() {
            @Override
            public MediaType contentType() {
                return MediaType.parse(body.contentType());
            }

            @Override
            public long contentLength() {
                return body.contentLength();
            }

            @Override
            public boolean isOneShot() {
                return !body.isReplayable();
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                body.writeTo(sink.outputStream());
            }
        };
    }

    private static HttpResponse convert(Response response) {
        ResponseBody body = response.body();
        MediaType type = body.contentType();
        return new HttpResponse(response.code(), HttpHeaders.of(response.headers().toMultimap()), body.byteStream(),
                body.contentLength(), type == null ? null : type.toString());
    }

    private ApiIoException failure(HttpRequest request, IOException e, SendTracker tracker) {
        String url = redactor.redactUrl(request.url());
        String detail = redactor.maskSecrets(String.valueOf(e.getMessage()));
        if (e instanceof SocketTimeoutException || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()))) {
            return new ApiTimeoutException("timed out (" + detail + ")", request.method(), url, tracker.sent, e);
        }
        return new ApiIoException("I/O failure: " + e.getClass().getSimpleName() + ": " + detail, request.method(), url,
                tracker.sent, e);
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    static final class SendTracker {
        volatile boolean sent;
    }

    private static final class EmptyBody extends okhttp3.RequestBody {
        @Override
        public MediaType contentType() {
            return null;
        }

        @Override
        public long contentLength() {
            return 0;
        }

        @Override
        public void writeTo(BufferedSink sink) {
        }
    }

}
