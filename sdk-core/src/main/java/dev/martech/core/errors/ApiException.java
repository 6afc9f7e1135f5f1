package dev.martech.core.errors;

/**
 * Base of every exception the SDK throws for a call that did not succeed. Unchecked. Messages never contain
 * credentials. Earlier failed attempts of the same call are attached as {@linkplain #getSuppressed()
 * suppressed} exceptions.
 */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String method;
    private final String redactedUrl;
    private int attempts;

    public ApiException(String message, String method, String redactedUrl, int attempts, Throwable cause) {
        super(message, cause);
        this.method = method;
        this.redactedUrl = redactedUrl;
        this.attempts = attempts;
    }

    /** HTTP method of the failed call. */
    public String method() {
        return method;
    }

    /** URL of the failed call with secret values masked. */
    public String redactedUrl() {
        return redactedUrl;
    }

    /** How many attempts were made, including the first. */
    public int attempts() {
        return attempts;
    }

    /**
     * The message, the method and URL, and the attempt count; text from the server and the URL are quoted
     * at most about 1 KiB each (saying how much was cut), control and non-printable characters escaped.
     */
    @Override
    public String getMessage() {
        return Texts.clean(super.getMessage(), Texts.MAX_TEXT + 256) + " [" + method + " "
                + Texts.clean(redactedUrl, Texts.MAX_URL) + ", " + attempts + (attempts == 1 ? " attempt]" : " attempts]");
    }

    /** Called by the retry layer, which alone knows the final count. */
    public final void recordAttempts(int attempts) {
        this.attempts = attempts;
    }
}
