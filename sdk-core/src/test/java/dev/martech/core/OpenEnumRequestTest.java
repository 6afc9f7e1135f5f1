package dev.martech.core;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.martech.core.json.OpenEnum;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 12.12: a request-side open enum made with {@code of("new_value")} (the escape hatch for values newer
 * than the SDK) is sent exactly as given, in a path, query, header, form field or JSON body; what the API
 * cannot accept by type (null, a value of another type) is still rejected before any I/O.
 */
class OpenEnumRequestTest extends HttpTestBase {

    /** Shaped like the generated open enums (openEnumBody.mustache). */
    static final class Status extends OpenEnum<String> {
        static final Status ACTIVE = new Status("active", true);

        private final boolean known;

        private Status(String value, boolean known) {
            super(value);
            this.known = known;
        }

        @JsonCreator
        static Status of(String value) {
            if (value == null) {
                throw new IllegalArgumentException("Status value is required but was null");
            }
            return value.equals(ACTIVE.value()) ? ACTIVE : new Status(value, false);
        }

        @Override
        public boolean isKnown() {
            return known;
        }
    }

    /** An integer-valued open enum: only integers can be made. */
    static final class Priority extends OpenEnum<Integer> {
        private Priority(Integer value) {
            super(value);
        }

        static Priority of(Integer value) {
            if (value == null) {
                throw new IllegalArgumentException("Priority value is required but was null");
            }
            return new Priority(value);
        }

        @Override
        public boolean isKnown() {
            return false;
        }
    }

    public record Filter(Status status, Priority priority, List<Status> also) {
    }

    @Test
    void unknownValuesAreSentAsGivenEverywhere() {
        server.stubFor(any(urlPathMatching("/items/.*")).willReturn(okJson("{\"id\":\"1\"}")));
        Status newer = Status.of("paused_by_ai");
        assertThat(newer.isKnown()).isFalse();

        runtime().execute(ApiRequest.builder("POST", "/items/{status}").pathParameter("status", newer)
                .queryParameter("status", newer).header("X-Status", newer)
                .jsonBody(new Filter(newer, Priority.of(7), List.of(Status.ACTIVE, Status.of("x-new")))).build(),
                ResponseType.json(Item.class), RequestOptions.none());
        runtime().execute(ApiRequest.builder("POST", "/items/form").formParameter("status", newer).build(),
                ResponseType.json(Item.class), RequestOptions.none());

        LoggedRequest sent = received().get(0);
        assertThat(sent.getUrl()).isEqualTo("/items/paused_by_ai?status=paused_by_ai");
        assertThat(sent.getHeader("X-Status")).isEqualTo("paused_by_ai");
        assertThat(sent.getBodyAsString())
                .isEqualTo("{\"status\":\"paused_by_ai\",\"priority\":7,\"also\":[\"active\",\"x-new\"]}");
        assertThat(received().get(1).getBodyAsString()).isEqualTo("status=paused_by_ai");
    }

    @Test
    void whatTheApiCannotAcceptByTypeIsStillRejected() {
        assertThatThrownBy(() -> Status.of(null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Status");
        assertThatThrownBy(() -> ApiRequest.builder("GET", "/items/{status}").pathParameter("status", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("status");
        assertThat(Map.of("k", Priority.of(3)).get("k").value()).isEqualTo(3); // Priority.of("3") does not compile
        assertThat(received()).isEmpty();
    }
}
