package dev.martech.core.errors;

/** The call failed without a response: connection refused or reset, DNS, TLS, or a read that broke off. */
public class ApiIoException extends ApiException {
    private static final long serialVersionUID = 1L;

    private final boolean requestSent;

    public ApiIoException(String message, String method, String redactedUrl, boolean requestSent, Throwable cause) {
        super(message, method, redactedUrl, 1, cause);
        this.requestSent = requestSent;
    }

    /** Whether the request may have reached the server (so a replay could repeat its effect). */
    public boolean requestSent() {
        return requestSent;
    }
}
