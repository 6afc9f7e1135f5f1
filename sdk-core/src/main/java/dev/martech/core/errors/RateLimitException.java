package dev.martech.core.errors;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** 429 Too Many Requests, after the retry policy gave up (or would have waited longer than allowed). */
public class RateLimitException extends ApiStatusException {
    private static final long serialVersionUID = 1L;

    public RateLimitException(ErrorDetails details) {
        super(details);
    }

    /** How long the server asked to wait, from a {@code Retry-After} in seconds or as an HTTP date (from now). */
    public Optional<Duration> retryAfter() {
        return headers().first("Retry-After").flatMap(v -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v.trim())));
            } catch (NumberFormatException notSeconds) {
                try {
                    Duration d = Duration.between(Instant.now(),
                            ZonedDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                    return Optional.of(d.isNegative() ? Duration.ZERO : d);
                } catch (DateTimeParseException unparseable) {
                    return Optional.empty();
                }
            }
        });
    }
}
