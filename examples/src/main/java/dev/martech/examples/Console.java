package dev.martech.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * What the examples print: a banner per API, numbered steps, one line per HTTP exchange (method, path, status,
 * time) and a short line for what came back. The HTTP lines come from an OkHttp interceptor, so every page of
 * an auto-paged list and every retry shows up; the {@code accesstoken} query value is never printed.
 */
public final class Console {
    private final PrintStream out;
    private final AtomicInteger calls = new AtomicInteger();
    private int step;

    /**
     * @param out where to print
     */
    public Console(PrintStream out) {
        this.out = out;
    }

    /**
     * Starts an API's section.
     *
     * @param config the API and where it is
     */
    public void banner(ApiConfig config) {
        step = 0;
        out.println();
        out.println("=== " + config.api().title() + " API -- " + config.describe());
    }

    /**
     * A numbered step of the flow.
     *
     * @param title what the step does
     */
    public void step(String title) {
        out.println();
        out.println(String.format(Locale.ROOT, "%d. %s", ++step, title));
    }

    /**
     * What came back, short.
     *
     * @param text the summary
     */
    public void result(String text) {
        out.println("   = " + text);
    }

    /**
     * A detail line under a result.
     *
     * @param text the detail
     */
    public void detail(String text) {
        out.println("     " + text);
    }

    /**
     * A remark that is not a result (skipped step, explanation).
     *
     * @param text the remark
     */
    public void note(String text) {
        out.println("   ! " + text);
    }

    /** @return the number of HTTP exchanges printed so far */
    public int calls() {
        return calls.get();
    }

    /**
     * @return the plain print stream, for one-off lines
     */
    public PrintStream out() {
        return out;
    }

    /**
     * The interceptor that prints one line per HTTP exchange, with the path shown relative to the base URL.
     *
     * @param baseUrl the client's base URL (its path is left off the printed paths), or null
     * @return an OkHttp application interceptor
     */
    public Interceptor httpLog(String baseUrl) {
        String basePath = baseUrl == null ? "" : stripSlash(HttpUrl.get(baseUrl).encodedPath());
        return chain -> {
            Request request = chain.request();
            String target = describe(request.url(), basePath);
            long start = System.nanoTime();
            try {
                Response response = chain.proceed(request);
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                calls.incrementAndGet();
                out.println(String.format(Locale.ROOT, "     %-6s %s -> %d (%d ms)", request.method(), target, response.code(), ms));
                return response;
            } catch (IOException e) {
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                calls.incrementAndGet();
                out.println(String.format(Locale.ROOT, "     %-6s %s -> no response after %d ms (%s)", request.method(), target, ms,
                        e.getClass().getSimpleName()));
                throw e;
            }
        };
    }

    private static String describe(HttpUrl url, String basePath) {
        String path = url.encodedPath();
        if (!basePath.isEmpty() && path.startsWith(basePath)) {
            path = path.substring(basePath.length());
        }
        StringBuilder sb = new StringBuilder(path.isEmpty() ? "/" : path);
        String sep = "?";
        for (int i = 0; i < url.querySize(); i++) {
            String name = url.queryParameterName(i);
            String value = url.queryParameterValue(i);
            if (name.equalsIgnoreCase("accesstoken")) {
                continue; // a credential: not even masked, just left out
            }
            sb.append(sep).append(name);
            if (value != null) {
                sb.append('=').append(value.length() > 24 ? value.substring(0, 21) + "..." : value);
            }
            sep = "&";
        }
        return sb.toString();
    }

    private static String stripSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
