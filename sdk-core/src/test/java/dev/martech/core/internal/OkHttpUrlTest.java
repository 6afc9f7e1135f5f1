package dev.martech.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.martech.core.ApiRequest;
import dev.martech.core.ClientOptions;
import dev.martech.core.http.HttpUrl;
import dev.martech.core.logging.Redactor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The URL built onto the base parsed once is exactly the URL OkHttp would parse from the whole string. */
class OkHttpUrlTest {
    private final OkHttpTransport transport = new OkHttpTransport(ClientOptions.builder().build(), new Redactor(List.of(), List.of()));

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource(delimiter = '|', value = {
            "http://127.0.0.1:8080|/v1/campaign/{id}/recipients|abc",
            "https://api.example.com/v1|/campaign/{id}|a b/c?d#e",
            "https://api.example.com/v1/|/campaign/{id}/|x;y=z&w+v",
            "https://API.Example.COM:443/base/path|/items/{id}|%2e%2e",
            "https://xn--bcher-kva.example/api|/items/{id}|ü€",
            "http://[::1]:9000|/{id}|..;"})
    void sameUrlAsParsingTheWholeString(String base, String template, String id) {
        ApiRequest request = ApiRequest.builder("GET", template).pathParameter("id", id)
                .queryParameter("limit", 10).queryParameter("q", "a&b=c+d e%").queryParameter("tag", List.of("x", "ÿ"))
                .build();
        HttpUrl url = new HttpUrl(base, request.encodedPath(), request.query());

        okhttp3.HttpUrl built = transport.okHttpUrl(url);

        assertThat(built).isEqualTo(okhttp3.HttpUrl.get(url.toUriString()));
        assertThat(built.toString()).isEqualTo(okhttp3.HttpUrl.get(url.toUriString()).toString());
        // Twice: the second one comes from the cached base.
        assertThat(transport.okHttpUrl(url)).isEqualTo(built);
    }

    @ParameterizedTest
    @CsvSource({"ftp://example.com", "not a url", "https://example.com/v1?key=1"})
    void anUnusableBaseFailsAsParsingTheWholeStringWould(String base) {
        HttpUrl url = new HttpUrl(base, "/items", List.of(Map.entry("a", "b")));
        boolean parses = okhttp3.HttpUrl.parse(url.toUriString()) != null;
        if (parses) {
            assertThat(transport.okHttpUrl(url)).isEqualTo(okhttp3.HttpUrl.get(url.toUriString()));
        } else {
            assertThatThrownBy(() -> transport.okHttpUrl(url)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
