package dev.martech.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.martech.core.ApiDefinition;
import dev.martech.core.ApiRequest;
import dev.martech.core.HttpResponseFor;
import dev.martech.core.BinaryResponse;
import dev.martech.core.ClientOptions;
import dev.martech.core.ClientRuntime;
import dev.martech.core.RequestOptions;
import dev.martech.core.ResponseType;
import dev.martech.core.auth.Auth;
import dev.martech.core.errors.ErrorFormat;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The kit catches each kind of contract break: every test here plays a generated method that gets one thing
 * wrong (by building the {@link ApiRequest} by hand) and expects {@link ContractCall#verify} to fail, after
 * one that gets everything right passes.
 */
class ContractKitSelfTest {
    @RegisterExtension
    static final ContractKit KIT = ContractKit.forSpec("kit-selftest.yaml");

    private static ClientRuntime runtime;

    /** A model that forgot the {@code tags} field. */
    record ItemWithoutTags(String id, Long count, java.time.OffsetDateTime when, String secret) {
    }

    @BeforeAll
    static void connect() {
        runtime = runtime(Auth.bearer(ContractKit.TOKEN));
        KIT.connect(runtime.mapper(), Map.of());
    }

    @AfterAll
    static void close() {
        runtime.close();
    }

    private static ClientRuntime runtime(Auth auth) {
        return new ClientRuntime(new ApiDefinition("kit", "1", "https://example.com/base",
                new ErrorFormat(List.of("message"), List.of(), ErrorFormat.COMMON_REQUEST_ID_HEADERS), Map.of()),
                ClientOptions.builder().baseUrl(KIT.baseUrl()).auth(auth).build());
    }

    /** What a correct generated postItem does, with {@code tweak} applied to its request builder. */
    private static HttpResponseFor<JsonNode> postItem(ContractCall call, UnaryOperator<ApiRequest.Builder> tweak) {
        String name = call.param("path", "name", new TypeReference<String>() { });
        List<Integer> ids = call.param("query", "ids", new TypeReference<List<Integer>>() { });
        List<String> csv = call.param("query", "csv", new TypeReference<List<String>>() { });
        String trace = call.param("header", "X-Trace", new TypeReference<String>() { });
        JsonNode body = call.body(new TypeReference<JsonNode>() { });
        ApiRequest.Builder request = ApiRequest.builder("POST", "/items/{name}")
                .pathParameter("name", name)
                .queryParameter("ids", ids)
                .queryParameterCsv("csv", csv)
                .header("X-Trace", trace)
                .jsonBody(body);
        return runtime.executeRaw(tweak.apply(request).build(), ResponseType.json(JsonNode.class), RequestOptions.none());
    }

    @Test
    void aCorrectCallPasses() {
        ContractCall call = KIT.call("POST", "/items/{name}");
        call.verify(postItem(call, b -> b));
    }

    @Test
    void samplesFollowTheSchema() {
        ContractCall call = KIT.call("POST", "/items/{name}");
        assertThat(call.param("path", "name", new TypeReference<String>() { })).isEqualTo("a b/c");
        assertThat(call.param("query", "csv", new TypeReference<List<String>>() { })).containsExactly("x", "y");
        JsonNode body = call.body(new TypeReference<JsonNode>() { });
        assertThat(body.get("count").asLong()).isEqualTo(SampleJson.INT64);
        assertThat(body.has("secret")).as("readOnly left out of a request").isFalse();
        assertThat(body.has("child")).as("recursion stopped").isFalse();
        JsonNode response = new SampleJson(call.operation(), SampleJson.Direction.RESPONSE)
                .sample(call.operation().responseSchema());
        assertThat(response.get("secret").asText()).isEqualTo("sample");
    }

    @Test
    void anUnencodedPathParameterFails() {
        ContractCall call = KIT.call("POST", "/items/{name}");
        HttpResponseFor<JsonNode> response = postItem(call, b -> {
            ApiRequest.Builder wrong = ApiRequest.builder("POST", "/items/a b/c").queryParameter("ids", List.of(42, 43))
                    .queryParameterCsv("csv", List.of("x", "y")).header("X-Trace", "a b/c");
            return wrong.jsonBody(sentBody(call));
        });
        assertThatThrownBy(() -> call.verify(response)).hasMessageContaining("path");
    }

    @Test
    void aRepeatedArraySentCommaSeparatedFails() {
        ContractCall call = KIT.call("POST", "/items/{name}");
        HttpResponseFor<JsonNode> response = postItem(call, b -> b.queryParameterCsv("ids", List.of(1)));
        assertThatThrownBy(() -> call.verify(response)).hasMessageContaining("query parameters");
    }

    @Test
    void aMissingQueryParameterFails() {
        ContractCall call = KIT.call("POST", "/items/{name}");
        call.param("query", "ids", new TypeReference<List<Integer>>() { });
        String name = call.param("path", "name", new TypeReference<String>() { });
        HttpResponseFor<JsonNode> response = runtime.executeRaw(ApiRequest.builder("POST", "/items/{name}")
                .pathParameter("name", name).jsonBody(call.body(new TypeReference<JsonNode>() { })).build(),
                ResponseType.json(JsonNode.class), RequestOptions.none());
        assertThatThrownBy(() -> call.verify(response))
                .hasMessageContaining("query parameters")
                .hasMessageContaining("parameter 'csv' is not an argument of the generated method")
                .hasMessageContaining("parameter 'X-Trace' is not an argument of the generated method");
    }

    @Test
    void aChangedBodyFails() {
        ContractCall call = KIT.call("POST", "/items/{name}");
        HttpResponseFor<JsonNode> response = postItem(call, b -> b.jsonBody(((ObjectNode) sentBody(call).deepCopy()).without("tags")));
        assertThatThrownBy(() -> call.verify(response)).hasMessageContaining("/tags: missing");
    }

    @Test
    void missingCredentialsFail() {
        ClientRuntime anonymous = runtime(Auth.none());
        try {
            ContractCall call = KIT.call("GET", "/report");
            HttpResponseFor<BinaryResponse> response = anonymous.executeRaw(ApiRequest.builder("GET", "/report").build(),
                    ResponseType.stream(), RequestOptions.none());
            response.parse().close();
            assertThatThrownBy(call::verifyRequest).hasMessageContaining("credentials the client sends");
        } finally {
            anonymous.close();
        }
    }

    @Test
    void aWrongMethodFails() {
        ContractCall call = KIT.call("GET", "/report");
        HttpResponseFor<BinaryResponse> response = runtime.executeRaw(ApiRequest.builder("POST", "/report").build(),
                ResponseType.stream(), RequestOptions.none());
        assertThatThrownBy(call::verifyRequest).hasMessageContaining("HTTP method");
        response.parse().close();
    }

    @Test
    void aStreamedResponseIsComparedByBytes() {
        ContractCall call = KIT.call("GET", "/report");
        call.verify(runtime.executeRaw(ApiRequest.builder("GET", "/report").build(), ResponseType.stream(), RequestOptions.none()));

        ContractCall again = KIT.call("GET", "/report");
        HttpResponseFor<String> asText = runtime.executeRaw(ApiRequest.builder("GET", "/report").build(), ResponseType.text(),
                RequestOptions.none());
        again.verifyResponse(asText); // a String body of the same bytes is accepted too
    }

    @Test
    void aModelThatDropsAFieldFailsTheRoundTrip() {
        ContractCall call = KIT.call("POST", "/items/{name}");
        String name = call.param("path", "name", new TypeReference<String>() { });
        HttpResponseFor<ItemWithoutTags> response = runtime.executeRaw(ApiRequest.builder("POST", "/items/{name}")
                .pathParameter("name", name).jsonBody(call.body(new TypeReference<JsonNode>() { })).build(),
                ResponseType.json(ItemWithoutTags.class), RequestOptions.none());
        assertThatThrownBy(() -> call.verifyResponse(response)).hasMessageContaining("/tags: missing");
    }

    @Test
    void dateTimesAndNumbersCompareByValue() {
        JsonNode a = KIT.mapper().createObjectNode().put("when", "2024-01-02T03:04:05Z").put("n", 42);
        JsonNode b = KIT.mapper().createObjectNode().put("when", "2024-01-02T04:04:05+01:00").put("n", 42.0);
        assertThat(JsonDiff.diff(a, b)).isEmpty();
        JsonNode c = KIT.mapper().createObjectNode().put("when", "2024-01-02T03:04:06Z").put("n", 42);
        assertThat(JsonDiff.diff(a, c)).containsExactly("/when: expected \"2024-01-02T03:04:05Z\" but was \"2024-01-02T03:04:06Z\"");
    }

    private static JsonNode sentBody(ContractCall call) {
        return call.sentBodySample();
    }
}
