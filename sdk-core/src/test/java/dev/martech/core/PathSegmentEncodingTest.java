package dev.martech.core;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import dev.martech.core.http.PercentEncoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 12.5: a path parameter can never change the path, on any server (servlet containers read ';'). */
class PathSegmentEncodingTest extends HttpTestBase {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "..;|..%3B", ";jsessionid=abc|%3Bjsessionid%3Dabc", "a;b|a%3Bb", "...|...",
            "a/../b|a%2F..%2Fb", "x=1&y=2|x%3D1%26y%3D2", "a+b|a%2Bb", "%2e%2e|%252e%252e", "a b|a%20b",
            "ok-id_1.2~|ok-id_1.2~", "ü|%C3%BC"})
    void segmentIsEncoded(String raw, String encoded) {
        assertThat(PercentEncoding.encodePathSegment(raw)).isEqualTo(encoded);
        assertThat(ApiRequest.builder("GET", "/campaign/{id}/job").pathParameter("id", raw).build().encodedPath())
                .isEqualTo("/campaign/" + encoded + "/job");
    }

    @Test
    void dotSegmentsAreNames() {
        assertThat(PercentEncoding.encodePathSegment("..")).isEqualTo("%2E%2E");
        assertThat(PercentEncoding.encodePathSegment(".")).isEqualTo("%2E");
    }

    @Test
    void theServerSeesOneSegment() {
        server.stubFor(get(urlMatching("/campaign/[^/]+/job")).willReturn(okJson("{\"id\":\"1\"}")));

        runtime().execute(ApiRequest.builder("GET", "/campaign/{id}/job").pathParameter("id", "..;").build(),
                ResponseType.json(Item.class), RequestOptions.none());

        assertThat(received()).singleElement().satisfies(r -> assertThat(r.getUrl()).isEqualTo("/campaign/..%3B/job"));
    }
}
