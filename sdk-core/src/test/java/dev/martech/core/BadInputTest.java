package dev.martech.core;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.martech.core.internal.Checks;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BadInputTest extends HttpTestBase {

    @BeforeEach
    void stubEverything() {
        server.stubFor(any(urlPathMatching("/.*")).willReturn(okJson("{}")));
    }

    @Test
    void missingPathParameterIsNamedAndNothingIsSent() {
        assertThatThrownBy(() -> ApiRequest.builder("GET", "/campaigns/{campaign_id}/status").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("campaign_id");
        assertThatThrownBy(() -> ApiRequest.builder("GET", "/campaigns/{campaign_id}").pathParameter("campaign_id", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("campaign_id");
        assertThatThrownBy(() -> ApiRequest.builder("GET", "/campaigns/{campaign_id}").pathParameter("campaign_id", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("campaign_id");
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void lineBreakInARequestHeaderIsRejectedNamingTheHeader() {
        assertThatThrownBy(() -> ApiRequest.builder("GET", "/x").header("X-Trace", "a\r\nX-Injected: 1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X-Trace").hasMessageContaining("CR");
    }

    @Test
    void lineBreakInAPerCallHeaderIsRejectedNamingTheHeader() {
        assertThatThrownBy(() -> RequestOptions.builder().header("Node", "n1\nX-Injected: 1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Node").hasMessageContaining("LF");
    }

    @Test
    void lineBreakInADefaultHeaderIsRejectedNamingTheHeader() {
        assertThatThrownBy(() -> ClientOptions.builder().defaultHeader("X-Tenant", "t\r1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X-Tenant");
        assertThatThrownBy(() -> ClientOptions.builder().userAgent("ua\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("User-Agent");
    }

    @Test
    void illegalHeaderNameIsRejected() {
        assertThatThrownBy(() -> ApiRequest.builder("GET", "/x").header("Bad Name", "v"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Bad Name");
    }

    @Test
    void pathParameterWithSlashesAndDotsStaysOneSegment() {
        ApiRequest request = ApiRequest.builder("GET", "/items/{id}/children").pathParameter("id", "a/../b").build();

        runtime().execute(request, ResponseType.text(), RequestOptions.none());

        assertThat(request.encodedPath()).isEqualTo("/items/a%2F..%2Fb/children");
        assertThat(received()).singleElement().satisfies(r -> assertThat(r.getUrl()).isEqualTo("/items/a%2F..%2Fb/children"));
    }

    @Test
    void pathParameterWithSpaceQuestionMarkAndHashIsEncoded() {
        ApiRequest request = ApiRequest.builder("GET", "/items/{id}").pathParameter("id", "x y?#").build();

        runtime().execute(request, ResponseType.text(), RequestOptions.none());

        assertThat(received()).singleElement().satisfies(r -> {
            assertThat(r.getUrl()).isEqualTo("/items/x%20y%3F%23");
            assertThat(r.getQueryParams()).isEmpty();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "."})
    void dotSegmentPathParameterCannotAddressAnotherResource(String value) {
        // "/items/../children" would be normalised to "/children": another resource. Refuse it before I/O.
        assertThatThrownBy(() -> ApiRequest.builder("GET", "/items/{id}/children").pathParameter("id", value).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id");
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void queryValuesAreEncoded() {
        ApiRequest request = ApiRequest.builder("GET", "/search").queryParameter("q", "a&b=c #d+e")
                .queryParameter("tag", List.of("x", "y")).queryParameterCsv("ids", List.of(1, 2)).build();

        runtime().execute(request, ResponseType.text(), RequestOptions.builder().queryParameter("extra", "1").build());

        server.verify(getRequestedFor(urlPathEqualTo("/search")));
        assertThat(received()).singleElement().satisfies(r -> {
            assertThat(r.queryParameter("q").values()).containsExactly("a&b=c #d+e");
            assertThat(r.queryParameter("tag").values()).containsExactly("x", "y");
            assertThat(r.queryParameter("ids").values()).containsExactly("1,2");
            assertThat(r.queryParameter("extra").values()).containsExactly("1");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com", "not a url", "example.com/v1", "http://example.com/v1?x=1",
            "http://example.com/v1#frag", " ", "mailto:someone@example.com"})
    void invalidBaseUrlIsRejected(String baseUrl) {
        assertThatThrownBy(() -> ClientOptions.builder().baseUrl(baseUrl))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUrl");
    }

    @Test
    void baseUrlWithPathAndTrailingSlashIsJoinedOnce() {
        runtime(clientOptions().baseUrl(baseUrl() + "/hub/v1/")).execute(apiGet("/items"), ResponseType.text(),
                RequestOptions.none());

        assertThat(received()).singleElement().satisfies(r -> assertThat(r.getUrl()).isEqualTo("/hub/v1/items"));
    }

    @Test
    void allowedNamesTheParameterAndTheAllowedValues() {
        assertThatThrownBy(() -> Checks.allowed("status", "archived", List.of("draft", "active")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("status must be one of [draft, active] but was 'archived'");
        assertThat(Checks.allowed("status", "active", List.of("draft", "active"))).isEqualTo("active");
        assertThat(Checks.allowed("status", (String) null, List.of("draft"))).isNull();
    }

    @Test
    void invalidTimeoutsAndRetrySettingsAreRejected() {
        assertThatThrownBy(() -> ClientOptions.builder().readTimeout(java.time.Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("readTimeout");
        assertThatThrownBy(() -> RequestOptions.builder().timeout(java.time.Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
        assertThatThrownBy(() -> ClientOptions.builder().maxAttempts(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts");
    }
}
