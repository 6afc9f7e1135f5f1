package dev.martech.core.errors;

/** 400 Bad Request. */
public class BadRequestException extends ApiStatusException {
    private static final long serialVersionUID = 1L;

    public BadRequestException(ErrorDetails details) {
        super(details);
    }
}
