package dev.martech.core.internal;

import dev.martech.core.ClientOptions;
import dev.martech.core.errors.ApiIoException;
import dev.martech.core.errors.ApiTimeoutException;
import dev.martech.core.http.CallContext;
import dev.martech.core.http.HttpHeaders;
import dev.martech.core.http.HttpRequest;
import dev.martech.core.http.HttpResponse;
import dev.martech.core.http.HttpUrl;
import dev.martech.core.http.PercentEncoding;
import dev.martech.core.http.RequestBody;
import dev.martech.core.http.Transport;
import dev.martech.core.logging.LogLevel;
import dev.martech.core.logging.Redactor;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Authenticator;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSink;

/**
 * The wire: OkHttp, with everything that would send a request again below the SDK turned off, so that
 * the server sees exactly as many requests as the retry layer counts attempts:
 * <ul>
 *   <li>no retry on connection failure, and no {@code Authenticator} answering a 401;</li>
 *   <li>OkHttp's own replay of a {@code 503} with {@code Retry-After: 0} (and of a {@code 408}) is
 *   neutralised: the retry layer decides on those statuses;</li>
 *   <li>redirects are followed by {@link RedirectInterceptor} under the SDK's rules, not by OkHttp.</li>
 * </ul>
 * When the call asks for it, the body is read here, inside the attempt, so that a body that breaks off is
 * a failure the retry layer sees whatever the log level.
 */
public final class OkHttpTransport implements Transport {
    /** Where a {@code Retry-After} of a 503 is kept while it passes OkHttp's follow-up logic. */
    static final String HIDDEN_RETRY_AFTER = "X-Martech-Sdk-Retry-After";

    private final OkHttpClient client;
    private final OkHttpClient shared;
    private final boolean ownsClient;
    private final Redactor redactor;
    private final Lifecycle lifecycle;
    private final AsyncThreads asyncThreads;
    private final boolean ownsAsyncThreads;
    private final Map<Call, CompletableFuture<HttpResponse>> inFlight = new ConcurrentHashMap<>();
    private volatile ParsedBase parsedBase;

    public OkHttpTransport(ClientOptions options, Redactor redactor) {
        this(options, redactor, new Lifecycle("client"), LoggingInterceptor.DEFAULT_LOGGER_NAME);
    }

    /**
     * @param options    the client's options
     * @param redactor   masks secrets in messages and logs
     * @param lifecycle  the client's open/closed state; calls in flight are cancelled when it closes
     * @param loggerName the {@link System.Logger} HTTP lines go to, e.g. {@code dev.martech.targeting.http}
     */
    public OkHttpTransport(ClientOptions options, Redactor redactor, Lifecycle lifecycle, String loggerName) {
        this.redactor = redactor;
        this.lifecycle = lifecycle;
        this.ownsClient = options.okHttpClient() == null;
        // The pool and the async threads (as its dispatcher's executor) live in "shared"; "client" adds this client's
        // settings on top of it, so a derived client (withOptions) built on "shared" uses the same pool and threads.
        int maxConcurrent = options.maxConcurrentRequests();
        if (ownsClient) {
            this.asyncThreads = new AsyncThreads(maxConcurrent);
            this.ownsAsyncThreads = true;
            // The dispatcher runs on the same threads, for anything a caller enqueues on okHttpClient() itself.
            Dispatcher dispatcher = new Dispatcher(asyncThreads);
            dispatcher.setMaxRequests(maxConcurrent);
            dispatcher.setMaxRequestsPerHost(maxConcurrent);
            this.shared = new OkHttpClient.Builder().dispatcher(dispatcher)
                    .connectionPool(new ConnectionPool(maxConcurrent, 5, TimeUnit.MINUTES)).build();
        } else {
            this.shared = options.okHttpClient();
            java.util.concurrent.ExecutorService existing = shared.dispatcher().executorService();
            // A client derived from an SDK client runs on its parent's threads, unless it changed the limit; a
            // caller's own OkHttpClient keeps its dispatcher threads, and this client gets threads of its own.
            boolean derived = existing instanceof AsyncThreads
                    && ((AsyncThreads) existing).getMaximumPoolSize() == maxConcurrent;
            this.asyncThreads = derived ? (AsyncThreads) existing : new AsyncThreads(maxConcurrent);
            this.ownsAsyncThreads = !derived;
        }
        OkHttpClient.Builder builder = shared.newBuilder();
        if (options.proxy() != null) {
            builder.proxy(options.proxy());
        }
        builder.retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .authenticator(Authenticator.NONE)
                .connectTimeout(options.connectTimeout())
                .readTimeout(options.readTimeout())
                .writeTimeout(options.writeTimeout());
        // Outermost: the whole-call timeout starts when the call starts running (for an async call, when one of the
        // async threads runs it, not while it waits in their queue), as OkHttp's own call timeout would.
        builder.addInterceptor(chain -> {
            SendTracker tracker = chain.request().tag(SendTracker.class);
            if (tracker != null && tracker.callTimeoutNanos > 0) {
                tracker.deadline = CallDeadlines.arm(chain.call(), tracker.callTimeoutNanos);
            }
            return chain.proceed(chain.request());
        });
        // Then redirects: each hop passes the caller's interceptors and is logged on its own.
        builder.addInterceptor(new RedirectInterceptor(redactor));
        options.interceptors().forEach(builder::addInterceptor);
        if (options.logLevel() != LogLevel.NONE) {
            builder.addInterceptor(new LoggingInterceptor(options.logLevel(), redactor, loggerName));
        }
        // Innermost application interceptor: gives back the Retry-After hidden from OkHttp's follow-ups.
        builder.addInterceptor(chain -> restoreRetryAfter(chain.proceed(chain.request())));
        // Runs once a connection is ready, right before the request is written: from here on the server may
        // see the request, so a POST must not be replayed.
        builder.addNetworkInterceptor(chain -> {
            SendTracker tracker = chain.request().tag(SendTracker.class);
            if (tracker != null) {
                tracker.sent = true;
            }
            return hideRetryAfter(chain.proceed(chain.request()));
        });
        this.client = builder.build();
    }

    /**
     * OkHttp's RetryAndFollowUpInterceptor sends a 503 with {@code Retry-After: 0} again by itself, unseen by
     * the retry layer; a 503 that reaches it without the header is final.
     */
    private static Response hideRetryAfter(Response response) {
        if (response.code() != 503) {
            return response;
        }
        java.util.List<String> values = response.headers("Retry-After");
        if (values.isEmpty()) {
            return response;
        }
        Response.Builder hidden = response.newBuilder().removeHeader("Retry-After");
        values.forEach(v -> hidden.addHeader(HIDDEN_RETRY_AFTER, v));
        return hidden.build();
    }

    private static Response restoreRetryAfter(Response response) {
        java.util.List<String> values = response.headers(HIDDEN_RETRY_AFTER);
        if (values.isEmpty()) {
            return response;
        }
        Response.Builder restored = response.newBuilder().removeHeader(HIDDEN_RETRY_AFTER);
        values.forEach(v -> restored.addHeader("Retry-After", v));
        return restored.build();
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
        lifecycle.checkOpen();
        SendTracker tracker = new SendTracker(context);
        Call call = newCall(request, context, tracker);
        inFlight.put(call, DONE);
        boolean streaming = false;
        try {
            if (lifecycle.isClosed()) {
                call.cancel(); // closed between the check and the registration
            }
            HttpResponse response = convert(call.execute(), context, call, request);
            streaming = !context.bufferBody();
            return response;
        } catch (IOException e) {
            throw failure(request, e, tracker);
        } finally {
            inFlight.remove(call);
            if (!streaming) {
                CallDeadlines.disarm(call); // a streamed body is disarmed when it ends or is closed
            }
        }
    }

    @Override
    public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, CallContext context) {
        lifecycle.checkOpen();
        SendTracker tracker = new SendTracker(context);
        Call call = newCall(request, context, tracker);
        // Cancelling it (or a stage derived from it) cancels the call: a queued one is skipped, a running one aborted.
        CompletableFuture<HttpResponse> future = new CallFuture<>(call::cancel);
        inFlight.put(call, future);
        if (lifecycle.isClosed()) {
            cancel(call, future);
            inFlight.remove(call);
            return future;
        }
        try {
            asyncThreads.execute(() -> {
                try {
                    run(call, future, request, context, tracker);
                } finally {
                    inFlight.remove(call);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            inFlight.remove(call);
            future.completeExceptionally(new IllegalStateException("the async threads of this client were shut down:"
                    + " this client, or the client it was derived from (withOptions), was closed", e));
        }
        return future;
    }

    /** One async call, on one of {@link #asyncThreads}: a blocking OkHttp call, then the future completed. */
    private void run(Call call, CompletableFuture<HttpResponse> future, HttpRequest request, CallContext context,
            SendTracker tracker) {
        if (future.isDone()) {
            return; // cancelled, or the client closed, while it waited in the queue
        }
        if (lifecycle.isClosed()) {
            cancel(call, future); // closing: a queued call is not sent, whichever of the two gets to it first
            return;
        }
        try {
            HttpResponse converted = convert(call.execute(), context, call, request);
            if (context.bufferBody()) {
                CallDeadlines.disarm(call); // a streamed body is disarmed when it ends or is closed
            }
            if (!future.complete(converted)) {
                converted.close(); // the caller cancelled or the client closed meanwhile
            }
        } catch (IOException e) {
            CallDeadlines.disarm(call);
            future.completeExceptionally(failure(request, e, tracker));
        } catch (RuntimeException | Error e) {
            // e.g. from a caller's interceptor: the caller's future must end, not wait forever
            CallDeadlines.disarm(call);
            future.completeExceptionally(e);
            if (e instanceof Error) {
                throw (Error) e;
            }
        }
    }

    private static final CompletableFuture<HttpResponse> DONE = new CompletableFuture<>();

    private void cancel(Call call, CompletableFuture<HttpResponse> future) {
        call.cancel();
        if (future != DONE) {
            future.completeExceptionally(new ApiIoException("cancelled: the client was closed", call.request().method(),
                    redactor.redactUrl(LoggingInterceptor.toUrl(call.request())), true, null));
        }
    }

    private Call newCall(HttpRequest request, CallContext context, SendTracker tracker) {
        // Headers go straight into the request builder's own list (a Headers.Builder would be built and then
        // copied once more by Request.Builder.headers(…)).
        Request.Builder builder = new Request.Builder().url(okHttpUrl(request.url()));
        HttpHeaders headers = request.headers();
        for (int i = 0, n = headers.size(); i < n; i++) {
            builder.addHeader(headers.name(i), headers.value(i));
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
        return callClient.newCall(okRequest);
    }

    /**
     * The request URL as OkHttp's type, built onto the base URL parsed once: parsing the whole URL string on
     * every call (host canonicalisation included) was the single largest cost of turning a request into an
     * OkHttp call. The same URL as {@code okhttp3.HttpUrl.get(url.toUriString())}.
     */
    okhttp3.HttpUrl okHttpUrl(HttpUrl url) {
        String path = url.encodedPath();
        if (path.isEmpty() || path.charAt(0) != '/' || path.indexOf('?') >= 0 || path.indexOf('#') >= 0) {
            return okhttp3.HttpUrl.get(url.toUriString());
        }
        ParsedBase base = parsedBase;
        if (base == null || !base.text.equals(url.base())) {
            okhttp3.HttpUrl parsed = okhttp3.HttpUrl.parse(url.base());
            if (parsed == null || parsed.encodedQuery() != null || parsed.encodedFragment() != null) {
                return okhttp3.HttpUrl.get(url.toUriString()); // fails with OkHttp's own message when invalid
            }
            base = new ParsedBase(url.base(), parsed);
            parsedBase = base;
        }
        okhttp3.HttpUrl.Builder builder = base.url.newBuilder().addEncodedPathSegments(path.substring(1));
        for (Map.Entry<String, String> e : url.query()) {
            builder.addEncodedQueryParameter(PercentEncoding.encodeQueryComponent(e.getKey()),
                    PercentEncoding.encodeQueryComponent(e.getValue()));
        }
        return builder.build();
    }

    private static final class ParsedBase {
        final String text;
        final okhttp3.HttpUrl url;

        ParsedBase(String text, okhttp3.HttpUrl url) {
            this.text = text;
            this.url = url;
        }
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

    /**
     * Bodies of a declared length up to this size are read whole, then decoded from memory: reading the socket in
     * bulk and parsing from an array took a quarter less time for a 1 MB page than parsing from the socket as it
     * arrives. Larger (or unsized) ones a body reader decodes from the connection, so memory stays bounded.
     */
    static final int BUFFER_LIMIT = 8 * 1024 * 1024;

    /**
     * The SDK's view of a response. Unless the body is streamed to the caller, it is read completely first (and
     * the connection released), so a body that breaks off fails this attempt: up to {@link #BUFFER_LIMIT} into one
     * array of its declared size; a larger or unsized successful one decoded straight from the connection by the
     * call's body reader, when it has one. A streamed body ends the call's timeout when it ends or is closed.
     */
    static HttpResponse convert(Response response, CallContext context, Call call, HttpRequest request)
            throws IOException {
        ResponseBody body = response.body();
        MediaType type = body.contentType();
        HttpHeaders headers = headersOf(response.headers());
        String contentType = type == null ? null : type.toString();
        if (!context.bufferBody()) {
            return new HttpResponse(response.code(), headers, new DisarmingStream(body.byteStream(), call),
                    body.contentLength(), contentType);
        }
        try (response) {
            long length = body.contentLength();
            CallContext.BodyReader reader = context.bodyReader();
            if (reader != null && response.isSuccessful() && (length < 0 || length > BUFFER_LIMIT)) {
                java.io.InputStream in = body.byteStream();
                HttpResponse streamed = new HttpResponse(response.code(), headers, new KeptOpen(in), length,
                        contentType).withAttempts(context.attempt(), java.util.List.of());
                Object value = reader.read(request, streamed);
                in.transferTo(java.io.OutputStream.nullOutputStream()); // what follows the value: a cut body fails here
                return HttpResponse.decoded(response.code(), headers, value, contentType);
            }
            return new HttpResponse(response.code(), headers, readBody(body), contentType);
        }
    }

    private static HttpHeaders headersOf(Headers okHeaders) {
        String[] pairs = new String[okHeaders.size() * 2];
        for (int i = 0, n = okHeaders.size(); i < n; i++) {
            pairs[2 * i] = okHeaders.name(i);
            pairs[2 * i + 1] = okHeaders.value(i);
        }
        return HttpHeaders.of(pairs);
    }

    /**
     * The whole body in one array. With a declared length it is read straight into an array of that size, a
     * segment at a time (OkHttp's {@code bytes()} first gathers the whole body in a chain of buffer segments,
     * then copies it: twice the body's size in garbage).
     */
    private static byte[] readBody(ResponseBody body) throws IOException {
        long length = body.contentLength();
        if (length < 0 || length > Integer.MAX_VALUE - 16) {
            return body.bytes();
        }
        byte[] bytes = new byte[(int) length];
        java.io.InputStream in = body.byteStream();
        int read = in.readNBytes(bytes, 0, bytes.length);
        if (read < bytes.length || in.read() != -1) {
            throw new java.net.ProtocolException("Content-Length (" + length + ") and stream length (" + read
                    + (read < bytes.length ? "" : "+") + ") disagree");
        }
        return bytes;
    }

    /** The body as a body reader sees it: closing it leaves the rest for the transport to read and check. */
    private static final class KeptOpen extends java.io.FilterInputStream {
        KeptOpen(java.io.InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }

    /** A streamed body that stops the call's timeout clock once it is read to its end or closed. */
    static final class DisarmingStream extends java.io.FilterInputStream {
        private final Call call;

        DisarmingStream(java.io.InputStream in, Call call) {
            super(in);
            this.call = call;
        }

        @Override
        public int read() throws IOException {
            return ended(super.read());
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return ended(super.read(b, off, len));
        }

        /**
         * Okio's stream writes its buffer segments to {@code out} as they are; {@link java.io.FilterInputStream}
         * would copy every byte once more through an 8 KiB array of its own (about 5 % of a download's throughput).
         */
        @Override
        public long transferTo(java.io.OutputStream out) throws IOException {
            long n = in.transferTo(out);
            CallDeadlines.disarm(call);
            return n;
        }

        private int ended(int n) {
            if (n < 0) {
                CallDeadlines.disarm(call);
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                CallDeadlines.disarm(call);
            }
        }
    }

    private ApiIoException failure(HttpRequest request, IOException e, SendTracker tracker) {
        String url = redactor.redactUrl(request.url());
        String detail = redactor.maskSecrets(String.valueOf(e.getMessage()));
        if (tracker.timedOut()) {
            return new ApiTimeoutException("timed out: the call took longer than its timeout of "
                    + tracker.callTimeoutNanos / 1_000_000 + " ms (" + detail + ")", request.method(), url, tracker.sent,
                    redactor.scrub(e));
        }
        if (e instanceof SocketTimeoutException || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()))) {
            return new ApiTimeoutException("timed out (" + detail + ")", request.method(), url, tracker.sent, redactor.scrub(e));
        }
        return new ApiIoException("I/O failure: " + e.getClass().getSimpleName() + ": " + detail, request.method(), url,
                tracker.sent, redactor.scrub(e));
    }

    @Override
    public void close() {
        inFlight.forEach(this::cancel);
        if (ownsAsyncThreads) {
            asyncThreads.shutdown();
        }
        if (ownsClient) {
            client.connectionPool().evictAll();
        }
    }

    static final class SendTracker {
        final long callTimeoutNanos;
        volatile boolean sent;
        volatile CallDeadlines.Armed deadline;

        SendTracker(CallContext context) {
            this.callTimeoutNanos = context.callTimeout() == null ? 0 : context.callTimeout().toNanos();
        }

        boolean timedOut() {
            CallDeadlines.Armed armed = deadline;
            return armed != null && armed.expired;
        }
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
