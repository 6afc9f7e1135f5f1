package dev.martech.core.errors;

/** 404 Not Found. */
public class NotFoundException extends ApiStatusException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(ErrorDetails details) {
        super(details);
    }
}
