package dev.martech.core.errors;

/**
 * A success response whose body could not be decoded into the documented model; the raw text is kept. Also
 * thrown when reading one property of a decoded model whose value arrived in an unreadable form (the rest
 * of the model stays readable): then {@link #method()} is null and {@link #rawBody()} is that property's JSON.
 */
public class ResponseDecodingException extends ApiException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String rawBody;
    private final String propertyMessage;

    public ResponseDecodingException(String message, String method, String redactedUrl, int status, String rawBody,
            int attempts, Throwable cause) {
        super(message, method, redactedUrl, attempts, cause);
        this.status = status;
        this.rawBody = rawBody;
        this.propertyMessage = null;
    }

    /**
     * A property of an already decoded model that could not be read as its documented type.
     *
     * @param message names the model and property and says why
     * @param rawJson the property's JSON as received, or null
     */
    public ResponseDecodingException(String message, String rawJson) {
        super(message, null, null, 1, null);
        this.propertyMessage = message;
        this.status = 0;
        this.rawBody = rawJson;
    }

    @Override
    public String getMessage() {
        return propertyMessage != null ? propertyMessage : super.getMessage();
    }

    public int status() {
        return status;
    }

    /** The body as received (credential values masked), truncated at 1 MiB. */
    public String rawBody() {
        return rawBody;
    }
}
