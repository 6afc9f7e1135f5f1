package dev.martech.core.errors;

/** A success response whose body could not be decoded into the documented model; the raw text is kept. */
public class ResponseDecodingException extends ApiException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String rawBody;

    public ResponseDecodingException(String message, String method, String redactedUrl, int status, String rawBody,
            int attempts, Throwable cause) {
        super(message, method, redactedUrl, attempts, cause);
        this.status = status;
        this.rawBody = rawBody;
    }

    public int status() {
        return status;
    }

    /** The body as received (credential values masked), truncated at 1 MiB. */
    public String rawBody() {
        return rawBody;
    }
}
