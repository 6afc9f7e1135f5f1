package dev.martech.core.errors;

/** 401 Unauthorized: the credentials are missing, invalid or expired. */
public class UnauthorizedException extends ApiStatusException {
    private static final long serialVersionUID = 1L;

    public UnauthorizedException(ErrorDetails details) {
        super(details);
    }
}
