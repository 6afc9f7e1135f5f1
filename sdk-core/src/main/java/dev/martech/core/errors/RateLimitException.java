package dev.martech.core.errors;

import java.time.Duration;
import java.util.Optional;

/** 429 Too Many Requests, after the retry policy gave up (or would have waited longer than allowed). */
public class RateLimitException extends ApiStatusException {
    private static final long serialVersionUID = 1L;

    public RateLimitException(ErrorDetails details) {
        super(details);
    }

    /** How long the server asked to wait, from a {@code Retry-After} in seconds. */
    public Optional<Duration> retryAfter() {
        return headers().first("Retry-After").flatMap(v -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v.trim())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
