package dev.martech.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.martech.core.errors.ApiException;
import dev.martech.core.errors.ApiIoException;
import dev.martech.core.errors.ApiStatusException;
import dev.martech.core.errors.ApiTimeoutException;
import dev.martech.core.errors.ErrorDetails;
import dev.martech.core.errors.ErrorFormat;
import dev.martech.core.errors.ResponseDecodingException;
import dev.martech.core.http.CallContext;
import dev.martech.core.http.HttpHeaders;
import dev.martech.core.http.HttpRequest;
import dev.martech.core.http.HttpResponse;
import dev.martech.core.http.HttpUrl;
import dev.martech.core.http.RequestBody;
import dev.martech.core.http.Transport;
import dev.martech.core.internal.AuthenticatingTransport;
import dev.martech.core.internal.Checks;
import dev.martech.core.internal.Lifecycle;
import dev.martech.core.internal.OkHttpTransport;
import dev.martech.core.internal.RetryingTransport;
import dev.martech.core.json.DriftRecorder;
import dev.martech.core.json.DriftReport;
import dev.martech.core.json.Json;
import dev.martech.core.logging.Redactor;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The engine behind every generated API class: turns an {@link ApiRequest} into an HTTP exchange through
 * the layers built once here (retry, then auth, then the caller's interceptors and logging, then the wire),
 * and the response into a typed body or a typed exception. Thread-safe; one per client.
 */
public final class ClientRuntime implements Closeable {
    private static final int MAX_ERROR_BODY = 1024 * 1024;

    private final ApiDefinition api;
    private final ClientOptions options;
    private final String baseUrl;
    private final Redactor redactor;
    private final Transport transport;
    private final Transport wire;
    private final ObjectMapper mapper;
    private final ObjectWriter writer;
    private final DriftRecorder drift;
    private final Map<JavaType, ObjectReader> readers = new ConcurrentHashMap<>();
    private final String userAgent;
    // The headers of a call that adds none of its own (the usual case), built once: no per-call maps.
    private final HttpHeaders jsonCallHeaders;
    private final HttpHeaders otherCallHeaders;
    private final Lifecycle lifecycle;
    // The context of a call with RequestOptions.none(), by response kind: immutable, so built once.
    private final CallContext[] defaultContexts;

    public ClientRuntime(ApiDefinition api, ClientOptions options) {
        this.api = Objects.requireNonNull(api, "api");
        this.options = Objects.requireNonNull(options, "options");
        this.baseUrl = options.baseUrl() != null ? options.baseUrl() : api.defaultBaseUrl();
        this.redactor = options.newRedactor();
        this.lifecycle = new Lifecycle(api.name() + " client (" + baseUrl + ")");
        this.wire = options.transport() != null ? options.transport()
                : new OkHttpTransport(options, redactor, lifecycle, loggerName(api));
        this.transport = new RetryingTransport(new AuthenticatingTransport(wire, options.auth(), redactor),
                options.sleeper(), options.clock(), lifecycle);
        this.mapper = Json.newMapper();
        this.writer = mapper.writer();
        this.drift = new DriftRecorder(api.name(), options.driftListener(), options.clock());
        this.userAgent = options.userAgent() + " (" + api.name() + "/" + api.version() + "; java/"
                + System.getProperty("java.specification.version") + ")";
        this.jsonCallHeaders = HttpHeaders.of(baseHeaders(ResponseType.Kind.JSON));
        this.otherCallHeaders = HttpHeaders.of(baseHeaders(ResponseType.Kind.NONE));
        this.defaultContexts = new CallContext[ResponseType.Kind.values().length];
        for (ResponseType.Kind kind : ResponseType.Kind.values()) {
            defaultContexts[kind.ordinal()] = newContext(RequestOptions.none(), kind);
        }
    }

    /**
     * The {@link System.Logger} an API's HTTP lines go to: {@code dev.martech.<api name>.http}.
     *
     * @param api the API
     * @return e.g. {@code dev.martech.targeting.http}
     */
    public static String loggerName(ApiDefinition api) {
        return "dev.martech." + api.name() + ".http";
    }

    /**
     * Options for a client derived from this one ({@code client.withOptions(o -> o.readTimeout(…))}): these
     * options changed by {@code change}, on the same connection pool and async threads. Closing the derived client
     * releases nothing shared; this one still owns them. (With a replacement {@code transport(…)}, both use that
     * transport object, and closing either closes it.)
     *
     * @param change what differs from this client
     * @return the derived client's options
     */
    public ClientOptions derivedOptions(Consumer<ClientOptions.Builder> change) {
        Checks.required("change", change);
        ClientOptions.Builder builder = options.toBuilder();
        if (wire instanceof OkHttpTransport) {
            builder.okHttpClient(((OkHttpTransport) wire).sharedClient());
        }
        change.accept(builder);
        return builder.build();
    }

    /** The transport under the retry and auth layers (tests). */
    Transport wire() {
        return wire;
    }

    public ApiDefinition api() {
        return api;
    }

    public ClientOptions options() {
        return options;
    }

    /** The base URL calls go to. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The mapper models are read and written with (shared, configured by {@link Json#newMapper()}). */
    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * The API drift this client has seen in responses so far: properties and enum values the SDK does not
     * know, each with a count and the time first seen.
     *
     * @return a snapshot
     */
    public DriftReport driftReport() {
        return drift.report();
    }

    public Redactor redactor() {
        return redactor;
    }

    /**
     * Executes a call and decodes its body; throws an {@link ApiException} for anything but success.
     *
     * @throws IllegalStateException if this client was closed (before or during the call)
     */
    public <T> ApiResponse<T> execute(ApiRequest request, ResponseType<T> type, RequestOptions callOptions) {
        lifecycle.checkOpen();
        HttpRequest http = toHttp(request, type, callOptions);
        HttpResponse response = transport.execute(http, decodingContext(callOptions, type));
        return handle(request, http, response, type);
    }

    /**
     * Executes a call for the {@code withRawResponse()} view: fails as {@link #execute} for anything but
     * success, reads the body (a streamed one stays on the socket) and decodes it only on
     * {@link HttpResponseFor#parse()}.
     *
     * @param request     the request
     * @param type        how to decode the body
     * @param callOptions per-call options
     * @param <T> the body type
     * @return the response, body not yet decoded
     */
    public <T> HttpResponseFor<T> executeRaw(ApiRequest request, ResponseType<T> type, RequestOptions callOptions) {
        lifecycle.checkOpen();
        HttpRequest http = toHttp(request, type, callOptions);
        HttpResponse response = transport.execute(http, context(callOptions, type));
        if (!response.isSuccessful() || type.kind() == ResponseType.Kind.STREAM) {
            ApiResponse<T> handled = handle(request, http, response, type);
            return new HttpResponseFor<>(handled.status(), handled.headers(), handled.attempts(), handled::body);
        }
        byte[] bytes = response.bufferedBody();
        if (bytes == null) {
            try (response) {
                bytes = response.body().readAllBytes();
            } catch (IOException e) {
                throw bodyReadFailure(http, response, e);
            }
        }
        byte[] body = bytes;
        return new HttpResponseFor<>(response.status(), response.headers(), response.attempts(), () -> {
            HttpResponse buffered = new HttpResponse(response.status(), response.headers(), body,
                    response.contentType()).withAttempts(response.attempts(), response.earlierFailures());
            return decode(http, buffered, type);
        });
    }

    /**
     * As {@link #execute}, without blocking a thread while the server works.
     *
     * @throws IllegalStateException at once if this client was closed; a call in flight when it closes
     *                               completes exceptionally with one
     */
    public <T> CompletableFuture<ApiResponse<T>> executeAsync(ApiRequest request, ResponseType<T> type,
            RequestOptions callOptions) {
        lifecycle.checkOpen();
        HttpRequest http;
        try {
            http = toHttp(request, type, callOptions);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return transport.executeAsync(http, decodingContext(callOptions, type)).thenApply(response -> {
            try {
                return handle(request, http, response, type);
            } catch (ApiException e) {
                throw new CompletionException(e);
            }
        });
    }

    /** The context of a call whose body is decoded: a large JSON body may be decoded inside the attempt. */
    private <T> CallContext decodingContext(RequestOptions callOptions, ResponseType<T> type) {
        CallContext context = context(callOptions, type);
        if (type.kind() != ResponseType.Kind.JSON) {
            return context;
        }
        return context.withBodyReader((http, response) -> decodeStream(http, response, type));
    }

    private CallContext context(RequestOptions callOptions, ResponseType<?> type) {
        if (callOptions == RequestOptions.none()) {
            return defaultContexts[type.kind().ordinal()]; // the usual call: nothing to resolve
        }
        return newContext(callOptions, type.kind());
    }

    private CallContext newContext(RequestOptions callOptions, ResponseType.Kind kind) {
        // The body is read inside the attempt (so the retry layer sees a body that breaks off) unless it is a
        // download the caller streams; a call that wants the redirect itself gets it.
        return CallContext.of(callOptions, options.retryPolicy(), options.callTimeout(), null)
                .withResponseHandling(kind != ResponseType.Kind.STREAM, kind != ResponseType.Kind.LOCATION);
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return lifecycle.isClosed();
    }

    private <T> HttpRequest toHttp(ApiRequest request, ResponseType<T> type, RequestOptions callOptions) {
        Objects.requireNonNull(callOptions, "requestOptions");
        List<Map.Entry<String, String>> query = request.query(); // immutable, so HttpUrl keeps it as it is
        if (!callOptions.queryParameters().isEmpty()) {
            query = new ArrayList<>(query);
            for (Map.Entry<String, String> e : callOptions.queryParameters().entrySet()) {
                query.add(Map.entry(e.getKey(), e.getValue()));
            }
        }
        HttpUrl url = new HttpUrl(baseUrl, request.encodedPath(), query);

        HttpHeaders httpHeaders;
        if (request.headers().isEmpty() && callOptions.headers().isEmpty()) {
            httpHeaders = type.kind() == ResponseType.Kind.JSON ? jsonCallHeaders : otherCallHeaders;
            for (String required : request.requiredHeaders()) {
                if (!httpHeaders.names().contains(required)) { // case-insensitive set
                    throw missingHeader(request, required);
                }
            }
        } else {
            Map<String, List<String>> headers = baseHeaders(type.kind());
            request.headers().forEach((k, v) -> putHeader(headers, k, v));
            callOptions.headers().forEach((k, v) -> putHeader(headers, k, v));
            for (String required : request.requiredHeaders()) {
                if (headers.keySet().stream().noneMatch(required::equalsIgnoreCase)) {
                    throw missingHeader(request, required);
                }
            }
            httpHeaders = HttpHeaders.of(headers);
        }

        RequestBody body = request.rawBody();
        if (request.jsonBody() != null) {
            try {
                body = RequestBody.bytes("application/json; charset=utf-8", writer.writeValueAsBytes(request.jsonBody()));
            } catch (IOException e) {
                throw new IllegalArgumentException("the request body of " + request + " cannot be written as JSON: "
                        + e.getMessage(), e);
            }
        }
        return new HttpRequest(request.method(), url, httpHeaders, body);
    }

    /** User-Agent, Accept and the client's default headers, in the order later ones override. */
    private Map<String, List<String>> baseHeaders(ResponseType.Kind kind) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("User-Agent", List.of(userAgent));
        headers.put("Accept", List.of(kind == ResponseType.Kind.JSON ? "application/json" : "*/*"));
        options.defaultHeaders().forEach((k, v) -> putHeader(headers, k, v));
        return headers;
    }

    private static IllegalArgumentException missingHeader(ApiRequest request, String required) {
        return new IllegalArgumentException("header " + required + " is required by " + request
                + ": set it on the client (defaultHeader / the builder's shortcut) or per call with"
                + " RequestOptions.builder().header(\"" + required + "\", …)");
    }

    private static void putHeader(Map<String, List<String>> headers, String name, String value) {
        headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        headers.put(name, List.of(value));
    }

    private <T> ApiResponse<T> handle(ApiRequest request, HttpRequest http, HttpResponse response, ResponseType<T> type) {
        if (type.kind() == ResponseType.Kind.LOCATION && response.status() >= 300 && response.status() < 400) {
            try (response) {
                @SuppressWarnings("unchecked")
                T location = (T) location(http, response);
                return new ApiResponse<>(response.status(), response.headers(), location, response.attempts());
            }
        }
        if (!response.isSuccessful()) {
            try (response) {
                throw statusException(request, http, response);
            }
        }
        if (type.kind() == ResponseType.Kind.STREAM) {
            @SuppressWarnings("unchecked")
            T body = (T) new BinaryResponse(response.body(), response.contentType(), response.contentLength(),
                    http.method(), redactor.redactUrl(http.url()));
            return new ApiResponse<>(response.status(), response.headers(), body, response.attempts());
        }
        try (response) {
            return new ApiResponse<>(response.status(), response.headers(), decode(http, response, type),
                    response.attempts());
        }
    }

    /** The redirect target of a 3xx, resolved against the request URL. */
    private URI location(HttpRequest http, HttpResponse response) {
        String location = response.headers().first("Location").orElse(null);
        if (location == null || location.isBlank()) {
            throw decodingFailure(http, response, "the " + response.status() + " redirect has no Location header", "",
                    null);
        }
        try {
            return URI.create(http.url().toUriString()).resolve(location.strip());
        } catch (IllegalArgumentException e) {
            throw decodingFailure(http, response, "the Location of the " + response.status() + " redirect is not a URI: "
                    + redactor.maskSecrets(e.getMessage()), "", null);
        }
    }

    private ResponseDecodingException decodingFailure(HttpRequest http, HttpResponse response, String message,
            String raw, Throwable cause) {
        ResponseDecodingException failure = new ResponseDecodingException(message, http.method(),
                redactor.redactUrl(http.url()), response.status(), redactor.maskSecrets(raw), response.attempts(),
                redactor.scrub(cause));
        response.earlierFailures().forEach(failure::addSuppressed);
        return failure;
    }

    @SuppressWarnings("unchecked")
    private <T> T decode(HttpRequest http, HttpResponse response, ResponseType<T> type) {
        if (response.isDecoded()) {
            return (T) response.decodedBody(); // by decodeStream, inside the attempt
        }
        switch (type.kind()) {
            case NONE:
                drain(http, response);
                return null;
            case LOCATION:
                throw decodingFailure(http, response, "expected a redirect (3xx with a Location) but got "
                        + response.status(), "", null);
            case TEXT:
                if (response.bufferedBody() != null) {
                    return (T) new String(response.bufferedBody(), StandardCharsets.UTF_8);
                }
                try (InputStream text = response.body()) {
                    return (T) new String(text.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw bodyReadFailure(http, response, e);
                }
            default:
                break;
        }
        byte[] buffered = response.bufferedBody();
        if (buffered != null) {
            return decodeBuffered(http, response, type, buffered);
        }
        try {
            return decodeStream(http, response, type);
        } catch (IOException e) {
            throw bodyReadFailure(http, response, e); // the connection broke off: not a malformed body
        }
    }

    /**
     * Decodes a body from its stream, keeping its first 64 KiB for a message; an {@link IOException} is the
     * connection breaking off (inside the attempt, the transport's to report).
     */
    private <T> T decodeStream(HttpRequest http, HttpResponse response, ResponseType<T> type) throws IOException {
        RecordingInputStream in = new RecordingInputStream(response.body(), response.contentLength());
        if (response.status() == 204) {
            drain(http, response);
            return null; // "No Content" says so itself: the one success without a body
        }
        if (!in.hasContent()) {
            throw decodingFailure(http, response, "the " + response.status() + " response has an empty body but "
                    + type + " was expected", "", null);
        }
        T value;
        try {
            value = reader(type.javaType()).readValue(in);
        } catch (JsonProcessingException e) {
            IOException connection = connectionFailureIn(e);
            if (connection != null) {
                throw connection; // the connection broke off mid-value: an I/O failure of the attempt
            }
            throw decodingFailure(http, response, "the " + response.status() + " response body could not be read as "
                    + type + ": " + redactor.maskSecrets(String.valueOf(e.getOriginalMessage()))
                    + jsonPath(e), in.recordedText(), e);
        }
        if (value == null) {
            throw decodingFailure(http, response, "the " + response.status() + " response body is null but " + type
                    + " was expected", in.recordedText(), null);
        }
        return value;
    }

    /** Decodes a body the transport has read whole: parsed from the array itself, no stream and no copy. */
    private <T> T decodeBuffered(HttpRequest http, HttpResponse response, ResponseType<T> type, byte[] body) {
        if (response.status() == 204) {
            return null; // "No Content" says so itself: the one success without a body
        }
        if (body.length == 0) {
            throw decodingFailure(http, response, "the " + response.status() + " response has an empty body but "
                    + type + " was expected", "", null);
        }
        try {
            T value = reader(type.javaType()).readValue(body);
            if (value == null) {
                throw decodingFailure(http, response, "the " + response.status() + " response body is null but "
                        + type + " was expected", excerpt(body), null);
            }
            return value;
        } catch (JsonProcessingException e) {
            throw decodingFailure(http, response, "the " + response.status() + " response body could not be read as "
                    + type + ": " + redactor.maskSecrets(String.valueOf(e.getOriginalMessage()))
                    + jsonPath(e), excerpt(body), e);
        } catch (IOException e) {
            throw bodyReadFailure(http, response, e); // not expected from an array; kept for the contract
        }
    }

    /** The I/O failure of the connection that Jackson wrapped with the JSON path it was reading, if any. */
    private static IOException connectionFailureIn(JsonProcessingException e) {
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof IOException && !(t instanceof JsonProcessingException)) {
                return (IOException) t;
            }
        }
        return null;
    }

    private static String excerpt(byte[] body) {
        return new String(body, 0, Math.min(body.length, RecordingInputStream.LIMIT), StandardCharsets.UTF_8);
    }

    private ApiIoException bodyReadFailure(HttpRequest http, HttpResponse response, IOException e) {
        String url = redactor.redactUrl(http.url());
        String detail = redactor.maskSecrets(String.valueOf(e.getMessage()));
        ApiIoException failure = e instanceof SocketTimeoutException
                ? new ApiTimeoutException("timed out reading the " + response.status() + " response body (" + detail
                        + ")", http.method(), url, true, redactor.scrub(e))
                : new ApiIoException("I/O failure reading the " + response.status() + " response body: "
                        + e.getClass().getSimpleName() + ": " + detail, http.method(), url, true, redactor.scrub(e));
        failure.recordAttempts(response.attempts());
        response.earlierFailures().forEach(failure::addSuppressed);
        return failure;
    }

    /** Where in the document decoding failed, e.g. {@code  (at $.items[2].status)}. */
    private static String jsonPath(JsonProcessingException e) {
        if (!(e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return e.getLocation() == null ? "" : " (at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
        }
        StringBuilder sb = new StringBuilder(" (at $");
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference ref : mapping.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.append(')').toString();
    }

    private ObjectReader reader(JavaType type) {
        ObjectReader reader = readers.get(type); // no capturing lambda and no lock on the hot path
        return reader != null ? reader : readers.computeIfAbsent(type, t -> drift.attachTo(mapper.readerFor(t)));
    }

    private ApiStatusException statusException(ApiRequest request, HttpRequest http, HttpResponse response) {
        String raw;
        try (InputStream in = response.body()) {
            raw = new String(in.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
        } catch (IOException e) {
            raw = "";
        }
        raw = redactor.maskSecrets(raw);
        ErrorFormat format = api.errorFormat();
        JsonNode tree = null;
        Object decoded = null;
        if (!raw.isBlank()) {
            try {
                tree = mapper.readTree(raw);
                Class<?> errorType = request.errorTypeFor(response.status());
                if (errorType == null) {
                    errorType = api.defaultErrorTypeFor(response.status());
                }
                if (errorType != null && tree != null) {
                    decoded = mapper.treeToValue(tree, errorType);
                }
            } catch (IOException | IllegalArgumentException notJsonOrNotTheModel) {
                // The raw body is kept; an error body in an undocumented shape must not hide the status.
            }
        }
        String message = firstText(tree, format.messageFields());
        String reference = firstText(tree, format.referenceFields());
        if (reference == null) {
            reference = format.requestIdHeaders().stream().map(h -> response.headers().first(h).orElse(null))
                    .filter(Objects::nonNull).findFirst().orElse(null);
        }
        ApiStatusException exception = ApiStatusException.of(new ErrorDetails(http.method(),
                redactor.redactUrl(http.url()), response.status(), response.headers(), raw, decoded,
                redactor.maskSecrets(message), redactor.maskSecrets(reference), response.attempts()));
        response.earlierFailures().forEach(exception::addSuppressed);
        return exception;
    }

    private static String firstText(JsonNode tree, List<String> fields) {
        if (tree == null || !tree.isObject()) {
            return null;
        }
        for (String field : fields) {
            JsonNode node = tree.get(field);
            if (node != null && !node.isNull() && !node.isContainerNode()) {
                String text = node.asText();
                if (!text.isBlank()) {
                    return text;
                }
            }
        }
        return null;
    }

    /** Reads and discards a body nobody expects; a body that breaks off still fails the call (it may not have run). */
    private void drain(HttpRequest http, HttpResponse response) {
        try (InputStream in = response.body()) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw bodyReadFailure(http, response, e);
        }
    }

    /**
     * Closes the client: later calls (blocking, async, pagers) throw {@link IllegalStateException} at once;
     * calls in flight are cancelled and not retried; the connection pool and threads are released (unless
     * they belong to a caller's OkHttp client). Idempotent.
     */
    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "ClientRuntime{api=" + api.name() + ", baseUrl=" + baseUrl + ", options=" + options + "}";
    }

    /** Keeps the first 64 KiB read, so a body that fails to decode can still be shown. */
    private static final class RecordingInputStream extends FilterInputStream {
        private static final int LIMIT = 64 * 1024;
        // One array sized from the declared length (no grow-and-copy as the body streams through), grown
        // only when the length is unknown.
        private byte[] recorded;
        private int size;
        private int peeked = -2;

        RecordingInputStream(InputStream in, long contentLength) {
            super(in);
            this.recorded = new byte[contentLength >= 0 ? (int) Math.min(contentLength, LIMIT) : 1024];
        }

        boolean hasContent() throws IOException {
            peeked = super.read();
            return peeked >= 0;
        }

        private void record(byte[] buf, int off, int len) {
            int n = Math.min(len, LIMIT - size);
            if (n <= 0) {
                return;
            }
            if (size + n > recorded.length) {
                recorded = java.util.Arrays.copyOf(recorded, Math.min(LIMIT, Math.max(size + n, recorded.length * 2)));
            }
            System.arraycopy(buf, off, recorded, size, n);
            size += n;
        }

        @Override
        public int read() throws IOException {
            int b;
            if (peeked != -2) {
                b = peeked;
                peeked = -2;
            } else {
                b = super.read();
            }
            if (b >= 0 && size < LIMIT) {
                if (size == recorded.length) {
                    recorded = java.util.Arrays.copyOf(recorded, Math.min(LIMIT, Math.max(1, recorded.length * 2)));
                }
                recorded[size++] = (byte) b;
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (peeked != -2) {
                int b = read();
                if (b < 0) {
                    return -1;
                }
                buf[off] = (byte) b;
                int n = super.read(buf, off + 1, len - 1);
                if (n > 0) {
                    record(buf, off + 1, n);
                }
                return n < 0 ? 1 : n + 1;
            }
            int n = super.read(buf, off, len);
            if (n > 0) {
                record(buf, off, n);
            }
            return n;
        }

        String recordedText() {
            return new String(recorded, 0, size, StandardCharsets.UTF_8);
        }
    }
}
