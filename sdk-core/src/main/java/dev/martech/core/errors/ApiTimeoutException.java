package dev.martech.core.errors;

/** A connect, read, write or whole-call timeout elapsed. */
public class ApiTimeoutException extends ApiIoException {
    private static final long serialVersionUID = 1L;

    public ApiTimeoutException(String message, String method, String redactedUrl, boolean requestSent, Throwable cause) {
        super(message, method, redactedUrl, requestSent, cause);
    }
}
