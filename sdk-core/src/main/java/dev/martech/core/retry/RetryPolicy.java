package dev.martech.core.retry;

import dev.martech.core.internal.Checks;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When to try a request again and how long to wait first.
 *
 * <p>Retried: connection failures that happened before the request was sent (any method); connection
 * failures after it may have reached the server, and the statuses in {@link #retryableStatuses()}
 * (408, 429, 500, 502, 503, 504 by default), only for idempotent methods, or for any method when
 * {@link Builder#retryNonIdempotent(boolean)} is set. A POST or PATCH is therefore never replayed once
 * the server may have seen it unless the caller opts in.
 *
 * <p>Delay before retry n (1-based): {@code min(maxDelay, initialDelay * multiplier^(n-1))}, with "equal
 * jitter" (half fixed, half random) so that clients that failed together do not retry together. A
 * {@code Retry-After} header (seconds or HTTP date) replaces the computed delay when it is at most
 * {@link #maxRetryAfter()}; a longer one ends the retries, so the caller sees the 429/503 and its header.
 */
public final class RetryPolicy {
    public static final Set<Integer> DEFAULT_RETRYABLE_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

    private static final RetryPolicy DEFAULT = builder().build();
    private static final RetryPolicy NONE = builder().maxAttempts(1).build();

    private final int maxAttempts;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final double multiplier;
    private final Duration maxRetryAfter;
    private final boolean retryNonIdempotent;
    private final Set<Integer> retryableStatuses;
    private final DoubleSupplier random;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.initialDelay = b.initialDelay;
        this.maxDelay = b.maxDelay;
        this.multiplier = b.multiplier;
        this.maxRetryAfter = b.maxRetryAfter;
        this.retryNonIdempotent = b.retryNonIdempotent;
        this.retryableStatuses = Set.copyOf(b.retryableStatuses);
        this.random = b.random;
    }

    /** 3 attempts, 500 ms initial delay doubling to at most 8 s, Retry-After honoured up to 60 s. */
    public static RetryPolicy defaults() {
        return DEFAULT;
    }

    /** A single attempt. */
    public static RetryPolicy none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxAttempts = maxAttempts;
        b.initialDelay = initialDelay;
        b.maxDelay = maxDelay;
        b.multiplier = multiplier;
        b.maxRetryAfter = maxRetryAfter;
        b.retryNonIdempotent = retryNonIdempotent;
        b.retryableStatuses = retryableStatuses;
        b.random = random;
        return b;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration initialDelay() {
        return initialDelay;
    }

    public Duration maxDelay() {
        return maxDelay;
    }

    public double multiplier() {
        return multiplier;
    }

    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    public boolean retryNonIdempotent() {
        return retryNonIdempotent;
    }

    public Set<Integer> retryableStatuses() {
        return retryableStatuses;
    }

    /** Whether a response with this status may be retried for a request of this idempotency. */
    public boolean shouldRetryStatus(int status, boolean idempotent) {
        return retryableStatuses.contains(status) && (idempotent || retryNonIdempotent);
    }

    /** Whether a connection failure may be retried; {@code requestSent} is false when the server cannot have seen it. */
    public boolean shouldRetryConnectionFailure(boolean requestSent, boolean idempotent) {
        return !requestSent || idempotent || retryNonIdempotent;
    }

    /** The jittered backoff before retry number {@code retry} (1 for the first retry). */
    public Duration backoff(int retry) {
        double exp = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, retry - 1));
        long capped = (long) Math.min(maxDelay.toMillis(), exp);
        long half = capped / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (capped - half)));
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialDelay=" + initialDelay + ", maxDelay=" + maxDelay
                + ", multiplier=" + multiplier + ", maxRetryAfter=" + maxRetryAfter + ", retryNonIdempotent="
                + retryNonIdempotent + ", retryableStatuses=" + retryableStatuses + "}";
    }

    public static final class Builder {
        private int maxAttempts = 3;
        private Duration initialDelay = Duration.ofMillis(500);
        private Duration maxDelay = Duration.ofSeconds(8);
        private double multiplier = 2.0;
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private boolean retryNonIdempotent;
        private Set<Integer> retryableStatuses = DEFAULT_RETRYABLE_STATUSES;
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

        private Builder() {
        }

        /** Total attempts including the first; 1 disables retries. */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = Checks.atLeast("maxAttempts", maxAttempts, 1);
            return this;
        }

        public Builder initialDelay(Duration initialDelay) {
            this.initialDelay = Checks.nonNegative("initialDelay", initialDelay);
            return this;
        }

        public Builder maxDelay(Duration maxDelay) {
            this.maxDelay = Checks.nonNegative("maxDelay", maxDelay);
            return this;
        }

        public Builder multiplier(double multiplier) {
            if (!(multiplier >= 1.0)) {
                throw new IllegalArgumentException("multiplier must be at least 1.0 but was " + multiplier);
            }
            this.multiplier = multiplier;
            return this;
        }

        /** The longest {@code Retry-After} that is waited for; a longer one ends the retries. */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = Checks.nonNegative("maxRetryAfter", maxRetryAfter);
            return this;
        }

        /**
         * Opt in to replaying POST and PATCH after they may have reached the server (only safe when the
         * API deduplicates, e.g. by an idempotency key).
         */
        public Builder retryNonIdempotent(boolean retryNonIdempotent) {
            this.retryNonIdempotent = retryNonIdempotent;
            return this;
        }

        public Builder retryableStatuses(Set<Integer> statuses) {
            this.retryableStatuses = Set.copyOf(Checks.required("retryableStatuses", statuses));
            return this;
        }

        /** Source of jitter in [0, 1); tests pin it. */
        public Builder jitter(DoubleSupplier random) {
            this.random = Checks.required("jitter", random);
            return this;
        }

        public RetryPolicy build() {
            if (maxDelay.compareTo(initialDelay) < 0) {
                throw new IllegalArgumentException("maxDelay (" + maxDelay + ") must not be less than initialDelay (" + initialDelay + ")");
            }
            return new RetryPolicy(this);
        }
    }
}
