package dev.martech.core.errors;

/** a 5xx status: the server failed; retried for idempotent calls before this was thrown. */
public class ServerException extends ApiStatusException {
    private static final long serialVersionUID = 1L;

    public ServerException(ErrorDetails details) {
        super(details);
    }
}
