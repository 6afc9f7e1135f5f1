package dev.martech.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;

import dev.martech.core.errors.ApiException;
import dev.martech.core.errors.ApiIoException;
import dev.martech.core.errors.ApiStatusException;
import dev.martech.core.errors.BadRequestException;
import dev.martech.core.errors.ConflictException;
import dev.martech.core.errors.ForbiddenException;
import dev.martech.core.errors.NotFoundException;
import dev.martech.core.errors.RateLimitException;
import dev.martech.core.errors.ResponseDecodingException;
import dev.martech.core.errors.ServerException;
import dev.martech.core.errors.UnauthorizedException;
import dev.martech.core.errors.UnexpectedStatusException;
import dev.martech.core.errors.UnprocessableEntityException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorMappingTest extends HttpTestBase {

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of(400, BadRequestException.class, "Bad Request"),
                Arguments.of(401, UnauthorizedException.class, "Unauthorized"),
                Arguments.of(403, ForbiddenException.class, "Forbidden"),
                Arguments.of(404, NotFoundException.class, "Not Found"),
                Arguments.of(409, ConflictException.class, "Conflict"),
                Arguments.of(422, UnprocessableEntityException.class, "Unprocessable Entity"),
                Arguments.of(429, RateLimitException.class, "Too Many Requests"),
                Arguments.of(500, ServerException.class, "Internal Server Error"),
                Arguments.of(503, ServerException.class, "Service Unavailable"),
                Arguments.of(418, UnexpectedStatusException.class, "Client Error"));
    }

    private ApiStatusException call(ApiRequest request) {
        // Single attempt so that 429/5xx are not retried here; retries have their own tests.
        return catchThrowableOfType(ApiStatusException.class, () -> runtime()
                .execute(request, ResponseType.json(Item.class), RequestOptions.builder().noRetries().build()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("statuses")
    void statusMapsToItsExceptionWithAllDetails(int status, Class<? extends ApiStatusException> type, String reason) {
        server.stubFor(get(urlPathEqualTo("/items/42")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withHeader("X-Custom", "c1")
                .withBody("{\"message\":\"went wrong " + status + "\",\"logref\":\"ref-" + status + "\"}")));

        ApiStatusException e = call(ApiRequest.builder("GET", "/items/{id}").pathParameter("id", 42)
                .queryParameter("q", "x").build());

        assertThat(e).isExactlyInstanceOf(type);
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.headers().first("x-custom")).contains("c1");
        assertThat(e.rawBody()).isEqualTo("{\"message\":\"went wrong " + status + "\",\"logref\":\"ref-" + status + "\"}");
        assertThat(e.apiMessage()).contains("went wrong " + status);
        assertThat(e.referenceId()).contains("ref-" + status);
        assertThat(e.errorBody()).as("the API's default error model")
                .isEqualTo(new TestError("went wrong " + status, null, "ref-" + status));
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e.method()).isEqualTo("GET");
        assertThat(e.redactedUrl()).isEqualTo(baseUrl() + "/items/42?q=x");
        assertThat(e.getMessage()).contains("GET", baseUrl() + "/items/42?q=x", String.valueOf(status), reason,
                "went wrong " + status, "ref-" + status, "1 attempt");
    }

    @Test
    void declaredErrorModelIsDecodedForItsStatus() {
        server.stubFor(get("/items").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"invalid\",\"fields\":[\"name\",\"id\"],\"extra\":true}")));

        ApiStatusException e = call(ApiRequest.builder("GET", "/items").errorType(400, ValidationError.class)
                .defaultErrorType(TestError.class).build());

        assertThat(e).isInstanceOf(BadRequestException.class);
        assertThat(e.errorBody(ValidationError.class))
                .contains(new ValidationError("invalid", List.of("name", "id")));
        assertThat(e.errorBody(TestError.class)).isEmpty();
    }

    @Test
    void requestDefaultErrorTypeIsUsedForUndeclaredStatus() {
        server.stubFor(get("/items").willReturn(aResponse().withStatus(409).withBody("{\"error\":\"dup\"}")));

        ApiStatusException e = call(ApiRequest.builder("GET", "/items").errorType(500, ValidationError.class)
                .defaultErrorType(TestError.class).build());

        assertThat(e.errorBody()).isEqualTo(new TestError(null, "dup", null));
        assertThat(e.apiMessage()).as("second message field").contains("dup");
    }

    @Test
    void rangeErrorTypeAppliesToEveryStatusOfTheRange() {
        server.stubFor(get("/items").willReturn(aResponse().withStatus(502).withBody("{\"message\":\"m\",\"fields\":[]}")));

        ApiStatusException e = call(ApiRequest.builder("GET", "/items").errorType(5, ValidationError.class).build());

        assertThat(e.errorBody()).isEqualTo(new ValidationError("m", List.of()));
    }

    @Test
    void exactStatusErrorTypeDoesNotApplyToOtherStatusesOfItsRange() {
        server.stubFor(get("/items").willReturn(aResponse().withStatus(502).withBody("{\"message\":\"m\",\"fields\":[]}")));

        ApiStatusException e = call(ApiRequest.builder("GET", "/items").errorType(500, ValidationError.class).build());

        assertThat(e.errorBody()).isNotInstanceOf(ValidationError.class);
    }

    @Test
    void referenceIdFallsBackToRequestIdHeader() {
        server.stubFor(get("/items").willReturn(aResponse().withStatus(404).withHeader("X-Request-Id", "req-77")
                .withBody("{\"message\":\"no such item\"}")));

        ApiStatusException e = call(apiGet("/items"));

        assertThat(e.referenceId()).contains("req-77");
        assertThat(e.getMessage()).contains("no such item").contains("req-77");
    }

    @Test
    void referenceInTheBodyWinsOverTheHeader() {
        server.stubFor(get("/items").willReturn(aResponse().withStatus(404).withHeader("X-Request-Id", "req-77")
                .withBody("{\"message\":\"no such item\",\"logref\":\"body-ref\"}")));

        assertThat(call(apiGet("/items")).referenceId()).contains("body-ref");
    }

    @Test
    void htmlErrorBodyIsKeptAndStillMapsByStatus() {
        String html = "<html><body><h1>502 Bad Gateway</h1>\n<p>nginx</p></body></html>";
        server.stubFor(get("/items").willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html").withBody(html)));

        ApiStatusException e = call(apiGet("/items"));

        assertThat(e).isInstanceOf(ServerException.class);
        assertThat(e.status()).isEqualTo(502);
        assertThat(e.rawBody()).isEqualTo(html);
        assertThat(e.errorBody()).isNull();
        assertThat(e.apiMessage()).isEmpty();
        assertThat(e.referenceId()).isEmpty();
        assertThat(e.getMessage()).contains("502 Bad Gateway").contains("nginx");
    }

    @Test
    void errorBodyInAnUnexpectedJsonShapeKeepsTheStatus() {
        server.stubFor(get("/items").willReturn(aResponse().withStatus(400).withBody("[\"just\",\"a\",\"list\"]")));

        ApiStatusException e = call(ApiRequest.builder("GET", "/items").errorType(400, ValidationError.class).build());

        assertThat(e).isInstanceOf(BadRequestException.class);
        assertThat(e.errorBody()).isNull();
        assertThat(e.rawBody()).isEqualTo("[\"just\",\"a\",\"list\"]");
    }

    @Test
    void emptyErrorBodyStillMaps() {
        server.stubFor(get("/items").willReturn(aResponse().withStatus(403)));

        ApiStatusException e = call(apiGet("/items"));

        assertThat(e).isInstanceOf(ForbiddenException.class);
        assertThat(e.rawBody()).isEmpty();
        assertThat(e.errorBody()).isNull();
        assertThat(e.getMessage()).startsWith("403 Forbidden");
    }

    @Test
    void malformedJsonInASuccessResponseIsAResponseDecodingExceptionWithTheRawBody() {
        server.stubFor(get("/items").willReturn(okJson("{\"id\": \"1\", \"name\": ")));

        ResponseDecodingException e = catchThrowableOfType(ResponseDecodingException.class,
                () -> runtime().execute(apiGet("/items"), ResponseType.json(Item.class), RequestOptions.none()));

        assertThat(e.status()).isEqualTo(200);
        assertThat(e.rawBody()).isEqualTo("{\"id\": \"1\", \"name\": ");
        assertThat(e.getMessage()).contains("GET").contains(baseUrl() + "/items").contains("200");
        assertThat(e.getCause()).isNotNull();
    }

    @Test
    void successBodyOfTheWrongShapeIsAResponseDecodingException() {
        server.stubFor(get("/items").willReturn(okJson("[1,2,3]")));

        ResponseDecodingException e = catchThrowableOfType(ResponseDecodingException.class,
                () -> runtime().execute(apiGet("/items"), ResponseType.json(Item.class), RequestOptions.none()));

        assertThat(e.rawBody()).isEqualTo("[1,2,3]");
    }

    @Test
    void emptySuccessBodiesDecodeToNull() {
        server.stubFor(any(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(204)));

        ApiResponse<Item> response = runtime().execute(apiGet("/items"), ResponseType.json(Item.class),
                RequestOptions.none());

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.body()).isNull();
    }

    @Test
    void attemptCountInTheMessageOfARetriedFailure() {
        server.stubFor(get("/items").willReturn(aResponse().withStatus(503).withBody("{\"message\":\"busy\"}")));

        ServerException e = catchThrowableOfType(ServerException.class,
                () -> runtime().execute(apiGet("/items"), ResponseType.json(Item.class), RequestOptions.none()));

        assertThat(e.getMessage()).contains("503 Service Unavailable: busy").contains("3 attempts");
    }

    @Test
    void bodyThatBreaksOffWhileReadingJsonIsAnIoFailureNotADecodingFailure() {
        server.stubFor(get("/items").willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

        ApiException e = catchThrowableOfType(ApiException.class, () -> runtime().execute(apiGet("/items"),
                ResponseType.json(Item.class), RequestOptions.builder().noRetries().build()));

        assertThat(e).isInstanceOf(ApiIoException.class);
        assertThat(((ApiIoException) e).requestSent()).isTrue();
        assertThat(e.getMessage()).contains("GET " + baseUrl() + "/items");
    }

    @Test
    void bodyThatBreaksOffWhileReadingTextIsAnApiIoException() {
        server.stubFor(get("/items").willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

        Throwable e = catchThrowable(() -> runtime().execute(apiGet("/items"), ResponseType.text(),
                RequestOptions.builder().noRetries().build()));

        assertThat(e).isInstanceOf(ApiIoException.class);
    }
}
