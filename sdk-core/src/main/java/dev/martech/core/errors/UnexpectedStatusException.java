package dev.martech.core.errors;

/** a status outside 2xx with no more specific exception (e.g. 405, 410, 3xx). */
public class UnexpectedStatusException extends ApiStatusException {
    private static final long serialVersionUID = 1L;

    public UnexpectedStatusException(ErrorDetails details) {
        super(details);
    }
}
