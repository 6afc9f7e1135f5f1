package dev.martech.core.errors;

import dev.martech.core.http.HttpHeaders;
import java.util.Optional;

/**
 * The server answered with a non-success status. Keeps the status, headers, raw body and the API's own
 * error body decoded into its typed model (e.g. Targeting's {@code ClientError}); see the subclasses per
 * status.
 */
public class ApiStatusException extends ApiException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient HttpHeaders headers;
    private final String rawBody;
    private final transient Object errorBody;
    private final String apiMessage;
    private final String referenceId;

    public ApiStatusException(ErrorDetails details) {
        super(details.summary(), details.method(), details.redactedUrl(), details.attempts(), null);
        this.status = details.status();
        this.headers = details.headers();
        this.rawBody = details.rawBody();
        this.errorBody = details.errorBody();
        this.apiMessage = details.apiMessage();
        this.referenceId = details.referenceId();
    }

    public int status() {
        return status;
    }

    public HttpHeaders headers() {
        return headers;
    }

    /** The response body as text (possibly empty), with credential values masked. */
    public String rawBody() {
        return rawBody;
    }

    /** The error body decoded into the operation's declared error model, or null if none or undecodable. */
    public Object errorBody() {
        return errorBody;
    }

    /** The decoded error body if it is of the given type. */
    public <T> Optional<T> errorBody(Class<T> type) {
        return type.isInstance(errorBody) ? Optional.of(type.cast(errorBody)) : Optional.empty();
    }

    /** The API's own error message, if its body had one. */
    public Optional<String> apiMessage() {
        return Optional.ofNullable(apiMessage);
    }

    /** The API's reference for the failure (Contactlab {@code logref}, or a request-id header), if any. */
    public Optional<String> referenceId() {
        return Optional.ofNullable(referenceId);
    }

    /** The one table from status to exception type. */
    public static ApiStatusException of(ErrorDetails details) {
        int status = details.status();
        switch (status) {
            case 400: return new BadRequestException(details);
            case 401: return new UnauthorizedException(details);
            case 403: return new ForbiddenException(details);
            case 404: return new NotFoundException(details);
            case 409: return new ConflictException(details);
            case 422: return new UnprocessableEntityException(details);
            case 429: return new RateLimitException(details);
            default: return status >= 500 && status < 600 ? new ServerException(details) : new UnexpectedStatusException(details);
        }
    }
}
