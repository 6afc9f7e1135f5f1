package dev.martech.core.auth;

import dev.martech.core.http.HttpHeaders;
import dev.martech.core.http.HttpRequest;
import dev.martech.core.internal.Checks;
import java.util.function.BiFunction;

/**
 * Puts {@code prefix + secret} into a header. Remembers its last result: a client sends the same token with
 * the same (shared, immutable) base headers on call after call, and then neither the header value nor the
 * header map is built again.
 */
final class HeaderPlacement implements BiFunction<HttpRequest, String, HttpRequest> {
    private final String name;
    private final String prefix;
    private volatile Memo last;

    HeaderPlacement(String name, String prefix) {
        this.name = name;
        this.prefix = prefix;
    }

    @Override
    public HttpRequest apply(HttpRequest request, String secret) {
        Memo memo = last;
        if (memo == null || !memo.secret.equals(secret)) {
            memo = new Memo(secret, Checks.headerValue(name, prefix + secret), null, null);
        }
        if (memo.in != request.headers()) {
            memo = new Memo(memo.secret, memo.value, request.headers(), request.headers().with(name, memo.value));
            last = memo;
        }
        return new HttpRequest(request.method(), request.url(), memo.out, request.body());
    }

    private static final class Memo {
        final String secret;
        final String value;
        final HttpHeaders in;
        final HttpHeaders out;

        Memo(String secret, String value, HttpHeaders in, HttpHeaders out) {
            this.secret = secret;
            this.value = value;
            this.in = in;
            this.out = out;
        }
    }
}
