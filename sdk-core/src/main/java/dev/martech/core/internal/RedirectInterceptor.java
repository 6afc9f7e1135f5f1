package dev.martech.core.internal;

import dev.martech.core.http.CallContext;
import dev.martech.core.logging.Redactor;
import java.io.IOException;
import java.util.Locale;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Follows redirects by the SDK's rules (OkHttp's own following is off), within one attempt:
 * <ul>
 *   <li>GET and HEAD follow 301, 302, 303, 307 and 308, to any origin;</li>
 *   <li>any other method follows only to the same origin (scheme, host, port): 307 and 308 with the same
 *   method and body (when the body can be sent again), 303 as a GET without body; a 301 or 302, or a
 *   redirect to another origin, is returned to the caller as it is;</li>
 *   <li>never from https to http, at most {@value #MAX_REDIRECTS} hops;</li>
 *   <li>a hop to another origin drops {@code Authorization}, {@code Cookie} and every header carrying a
 *   credential the redactor knows, so a token is never handed to another host;</li>
 *   <li>a call whose {@link CallContext#followRedirects()} is false gets the 3xx itself.</li>
 * </ul>
 * Each hop passes the interceptors after this one, so the log shows every hop with the host that answered.
 */
final class RedirectInterceptor implements Interceptor {
    static final int MAX_REDIRECTS = 5;

    private final Redactor redactor;

    RedirectInterceptor(Redactor redactor) {
        this.redactor = redactor;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Response response = chain.proceed(request);
        CallContext context = request.tag(CallContext.class);
        if (context != null && !context.followRedirects()) {
            return response;
        }
        for (int hop = 0; hop < MAX_REDIRECTS; hop++) {
            Request next = followUp(request, response);
            if (next == null) {
                return response;
            }
            response.close();
            request = next;
            response = chain.proceed(request);
        }
        return response;
    }

    private Request followUp(Request request, Response response) {
        int code = response.code();
        if (code != 301 && code != 302 && code != 303 && code != 307 && code != 308) {
            return null;
        }
        String location = response.header("Location");
        HttpUrl target = location == null ? null : request.url().resolve(location);
        if (target == null || (request.url().isHttps() && !target.isHttps())) {
            return null;
        }
        boolean sameOrigin = sameOrigin(request.url(), target);
        String method = request.method();
        boolean safe = method.equals("GET") || method.equals("HEAD");
        Request.Builder next = request.newBuilder().url(target);
        if (!safe) {
            if (!sameOrigin) {
                return null;
            }
            if (code == 303) {
                next.method("GET", null).removeHeader("Content-Type").removeHeader("Content-Length");
            } else if (code == 307 || code == 308) {
                if (request.body() != null && request.body().isOneShot()) {
                    return null;
                }
            } else {
                return null; // 301/302 after a POST: ambiguous (clients historically switch to GET); let the caller decide
            }
        }
        if (!sameOrigin) {
            next.removeHeader("Authorization").removeHeader("Cookie").removeHeader("Proxy-Authorization");
            for (String name : request.headers().names()) {
                for (String value : request.headers(name)) {
                    if (redactor.isSecret(value)) {
                        next.removeHeader(name);
                    }
                }
            }
        }
        return next.build();
    }

    private static boolean sameOrigin(HttpUrl a, HttpUrl b) {
        return a.scheme().equals(b.scheme()) && a.host().toLowerCase(Locale.ROOT).equals(b.host().toLowerCase(Locale.ROOT))
                && a.port() == b.port();
    }
}
