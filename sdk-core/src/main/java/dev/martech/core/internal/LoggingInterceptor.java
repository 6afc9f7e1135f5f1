package dev.martech.core.internal;

import dev.martech.core.http.CallContext;
import dev.martech.core.logging.LogLevel;
import dev.martech.core.logging.Redactor;
import java.io.IOException;
import java.lang.System.Logger;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;

/**
 * One line per attempt and per response through one {@link System.Logger} per API ({@code
 * dev.martech.<api>.http}, e.g. {@code dev.martech.targeting.http}), sitting last before the wire so it sees
 * exactly what is sent (credentials included, which it masks).
 */
final class LoggingInterceptor implements Interceptor {
    /** For a transport built without an API name. */
    static final String DEFAULT_LOGGER_NAME = "dev.martech.sdk.http";
    private static final long MAX_BODY = 64 * 1024;

    private final Logger log;
    private final LogLevel level;
    private final Redactor redactor;

    LoggingInterceptor(LogLevel level, Redactor redactor, String loggerName) {
        this.level = level;
        this.redactor = redactor;
        this.log = System.getLogger(loggerName);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!log.isLoggable(Logger.Level.INFO)) {
            return chain.proceed(request);
        }
        CallContext context = request.tag(CallContext.class);
        String url = redactor.redactUrl(toUrl(request));
        StringBuilder out = new StringBuilder("--> ").append(request.method()).append(' ').append(url);
        if (context != null) {
            out.append(" (attempt ").append(context.attempt()).append(')');
        }
        if (level.compareTo(LogLevel.HEADERS) >= 0) {
            appendHeaders(out, request.headers());
        }
        if (level == LogLevel.BODY && request.body() != null && isText(request.body().contentType())
                && !request.body().isOneShot() && request.body().contentLength() >= 0
                && request.body().contentLength() <= MAX_BODY) {
            Buffer buffer = new Buffer();
            request.body().writeTo(buffer);
            out.append("\n").append(redactor.maskSecrets(buffer.readString(StandardCharsets.UTF_8)));
        }
        log.log(Logger.Level.INFO, out.toString());

        long start = System.nanoTime();
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException e) {
            log.log(Logger.Level.INFO, "<-- FAILED " + request.method() + " " + url + ": " + e.getClass().getSimpleName()
                    + ": " + redactor.maskSecrets(String.valueOf(e.getMessage())));
            throw e;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        StringBuilder in = new StringBuilder("<-- ").append(response.code()).append(' ').append(request.method())
                .append(' ').append(url).append(" (").append(millis).append(" ms)");
        if (level.compareTo(LogLevel.HEADERS) >= 0) {
            appendHeaders(in, response.headers());
        }
        if (level == LogLevel.BODY && isText(response.body().contentType())) {
            in.append("\n").append(redactor.maskSecrets(response.peekBody(MAX_BODY).string()));
        }
        log.log(Logger.Level.INFO, in.toString());
        return response;
    }

    private void appendHeaders(StringBuilder sb, Headers headers) {
        for (int i = 0; i < headers.size(); i++) {
            sb.append("\n  ").append(headers.name(i)).append(": ")
                    .append(redactor.redactHeaderValue(headers.name(i), headers.value(i)));
        }
    }

    /** The request's URL in the SDK's form, so the redactor can mask its query. */
    static dev.martech.core.http.HttpUrl toUrl(Request request) {
        okhttp3.HttpUrl u = request.url();
        String base = u.scheme() + "://" + u.host() + (u.port() == okhttp3.HttpUrl.defaultPort(u.scheme()) ? "" : ":" + u.port());
        java.util.List<java.util.Map.Entry<String, String>> query = new java.util.ArrayList<>();
        for (int i = 0; i < u.querySize(); i++) {
            query.add(java.util.Map.entry(u.queryParameterName(i), String.valueOf(u.queryParameterValue(i))));
        }
        return new dev.martech.core.http.HttpUrl(base, u.encodedPath(), query);
    }

    private static boolean isText(MediaType type) {
        if (type == null) {
            return false;
        }
        String subtype = type.subtype().toLowerCase(Locale.ROOT);
        return type.type().equals("text") || subtype.contains("json") || subtype.contains("xml")
                || subtype.equals("x-www-form-urlencoded");
    }
}
