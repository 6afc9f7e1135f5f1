package dev.martech.core.errors;

/** 409 Conflict. */
public class ConflictException extends ApiStatusException {
    private static final long serialVersionUID = 1L;

    public ConflictException(ErrorDetails details) {
        super(details);
    }
}
