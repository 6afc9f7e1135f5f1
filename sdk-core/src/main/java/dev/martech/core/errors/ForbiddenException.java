package dev.martech.core.errors;

/** 403 Forbidden: the credentials lack a permission. */
public class ForbiddenException extends ApiStatusException {
    private static final long serialVersionUID = 1L;

    public ForbiddenException(ErrorDetails details) {
        super(details);
    }
}
