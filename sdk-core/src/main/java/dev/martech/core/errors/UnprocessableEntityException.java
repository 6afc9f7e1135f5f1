package dev.martech.core.errors;

/** 422 Unprocessable Entity: the request was well-formed but failed validation. */
public class UnprocessableEntityException extends ApiStatusException {
    private static final long serialVersionUID = 1L;

    public UnprocessableEntityException(ErrorDetails details) {
        super(details);
    }
}
