package dev.martech.core.internal;

import dev.martech.core.errors.ApiException;
import dev.martech.core.errors.ApiIoException;
import dev.martech.core.http.CallContext;
import dev.martech.core.http.HttpRequest;
import dev.martech.core.http.HttpResponse;
import dev.martech.core.http.Transport;
import dev.martech.core.retry.RetryPolicy;
import dev.martech.core.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** The one retry layer (outermost): decides per attempt by the call's {@link RetryPolicy}. */
public final class RetryingTransport implements Transport {
    private final Transport next;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Lifecycle lifecycle;

    public RetryingTransport(Transport next, Sleeper sleeper, Clock clock) {
        this(next, sleeper, clock, new Lifecycle("client"));
    }

    /**
     * @param next      the layers below (auth, wire)
     * @param sleeper   waits between attempts
     * @param clock     for {@code Retry-After} dates
     * @param lifecycle the client's state: once closed, nothing is retried
     */
    public RetryingTransport(Transport next, Sleeper sleeper, Clock clock, Lifecycle lifecycle) {
        this.next = next;
        this.sleeper = sleeper;
        this.clock = clock;
        this.lifecycle = lifecycle;
    }

    @Override
    public HttpResponse execute(HttpRequest request, CallContext context) {
        RetryPolicy policy = context.retryPolicy();
        List<Throwable> failures = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            HttpResponse response;
            try {
                if (attempt > 1 && lifecycle.isClosed()) {
                    throw lifecycle.closedDuringCall(failures.isEmpty() ? null : failures.get(failures.size() - 1));
                }
                response = next.execute(request, context.withAttempt(attempt));
            } catch (ApiIoException e) {
                if (lifecycle.isClosed()) {
                    throw lifecycle.closedDuringCall(finish(e, attempt, failures));
                }
                if (!mayRetry(e, request, policy, attempt)) {
                    throw finish(e, attempt, failures);
                }
                failures.add(e);
                sleep(policy.backoff(attempt), request, e);
                continue;
            } catch (ApiException e) {
                throw finishOther(e, attempt, failures); // e.g. a body decoded inside the attempt was malformed
            }
            Optional<Duration> delay = retryDelay(response, request, policy, attempt);
            if (delay.isEmpty()) {
                // The usual case, a first attempt that succeeded, already says so: no copy.
                return attempt == 1 && response.attempts() == 1 && response.earlierFailures().isEmpty()
                        ? response : response.withAttempts(attempt, failures);
            }
            response.close();
            failures.add(new RetriedStatus(request.method(), response.status(), attempt));
            sleep(delay.get(), request, null);
        }
    }

    @Override
    public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, CallContext context) {
        AtomicReference<CompletableFuture<HttpResponse>> current = new AtomicReference<>();
        // Cancelling the call's future cancels the attempt in flight; no further attempt starts.
        CompletableFuture<HttpResponse> result = new CallFuture<>(() -> {
            CompletableFuture<HttpResponse> attempt = current.get();
            if (attempt != null) {
                attempt.cancel(false);
            }
        });
        attemptAsync(request, context, 1, new ArrayList<>(), result, current);
        return result;
    }

    /** One attempt; completes {@code result} when it is final, or schedules the next attempt. */
    private void attemptAsync(HttpRequest request, CallContext context, int attempt, List<Throwable> failures,
            CompletableFuture<HttpResponse> result, AtomicReference<CompletableFuture<HttpResponse>> current) {
        if (result.isDone()) {
            return; // cancelled while waiting to retry
        }
        CompletableFuture<HttpResponse> sent;
        try {
            if (attempt > 1 && lifecycle.isClosed()) {
                throw lifecycle.closedDuringCall(failures.isEmpty() ? null : failures.get(failures.size() - 1));
            }
            sent = next.executeAsync(request, context.withAttempt(attempt));
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        current.set(sent);
        if (result.isCancelled()) {
            sent.cancel(false); // cancelled before this attempt was recorded
            return;
        }
        // One callback per attempt completing the caller's future itself: no intermediate future per stage.
        sent.whenComplete((response, error) -> {
            try {
                attemptDone(request, context, attempt, failures, result, current, response, error);
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e); // never leave the caller's future pending
            }
        });
    }

    private void attemptDone(HttpRequest request, CallContext context, int attempt, List<Throwable> failures,
            CompletableFuture<HttpResponse> result, AtomicReference<CompletableFuture<HttpResponse>> current,
            HttpResponse response, Throwable error) {
        RetryPolicy policy = context.retryPolicy();
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof ApiIoException && lifecycle.isClosed()) {
                result.completeExceptionally(lifecycle.closedDuringCall(finish((ApiIoException) cause, attempt, failures)));
                return;
            }
            if (cause instanceof ApiIoException && mayRetry((ApiIoException) cause, request, policy, attempt)) {
                failures.add(cause);
                later(policy.backoff(attempt), request, () -> attemptAsync(request, context, attempt + 1, failures, result, current),
                        result);
                return;
            }
            if (cause instanceof ApiIoException) {
                finish((ApiIoException) cause, attempt, failures);
            } else if (cause instanceof ApiException) {
                finishOther((ApiException) cause, attempt, failures);
            }
            result.completeExceptionally(cause);
            return;
        }
        Optional<Duration> delay;
        try {
            delay = retryDelay(response, request, policy, attempt);
        } catch (RuntimeException e) {
            response.close();
            throw e;
        }
        if (delay.isEmpty()) {
            HttpResponse done = attempt == 1 && response.attempts() == 1 && response.earlierFailures().isEmpty()
                    ? response : response.withAttempts(attempt, failures);
            if (!result.complete(done)) {
                done.close(); // cancelled meanwhile: nobody will read it
            }
            return;
        }
        response.close();
        failures.add(new RetriedStatus(request.method(), response.status(), attempt));
        later(delay.get(), request, () -> attemptAsync(request, context, attempt + 1, failures, result, current), result);
    }

    private void later(Duration delay, HttpRequest request, Runnable nextAttempt, CompletableFuture<HttpResponse> result) {
        CompletableFuture<Void> waited = sleeper != Sleeper.SYSTEM
                // A configured sleeper (tests, custom pacing) is honoured on the async path too.
                ? CompletableFuture.runAsync(() -> sleep(delay, request, null))
                : CompletableFuture.runAsync(() -> { },
                        CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS));
        waited.whenComplete((ignored, error) -> {
            if (error != null) {
                result.completeExceptionally(error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error);
            } else {
                nextAttempt.run();
            }
        });
    }

    private boolean mayRetry(ApiIoException e, HttpRequest request, RetryPolicy policy, int attempt) {
        return !lifecycle.isClosed() && attempt < policy.maxAttempts() && replayable(request)
                && policy.shouldRetryConnectionFailure(e.requestSent(), request.isIdempotent());
    }

    /** The wait before the next attempt, or empty when this response is final. */
    private Optional<Duration> retryDelay(HttpResponse response, HttpRequest request, RetryPolicy policy, int attempt) {
        if (response.isSuccessful() || lifecycle.isClosed() || attempt >= policy.maxAttempts() || !replayable(request)
                || !policy.shouldRetryStatus(response.status(), request.isIdempotent())) {
            return Optional.empty();
        }
        Optional<Duration> retryAfter = response.headers().first("Retry-After").flatMap(this::parseRetryAfter);
        if (retryAfter.isPresent()) {
            // Waiting less than the server asked only earns another refusal; past the cap, give up and let
            // the caller see the status and its Retry-After.
            return retryAfter.get().compareTo(policy.maxRetryAfter()) <= 0 ? retryAfter : Optional.empty();
        }
        return Optional.of(policy.backoff(attempt));
    }

    Optional<Duration> parseRetryAfter(String value) {
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException unparseable) {
                return Optional.empty();
            }
        }
    }

    private static boolean replayable(HttpRequest request) {
        return request.body() == null || request.body().isReplayable();
    }

    private void sleep(Duration delay, HttpRequest request, ApiIoException cause) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiIoException("interrupted while waiting to retry", request.method(),
                    request.url().toString(), true, cause != null ? cause : e);
        }
    }

    private static ApiException finishOther(ApiException e, int attempt, List<Throwable> failures) {
        e.recordAttempts(attempt);
        failures.forEach(e::addSuppressed);
        return e;
    }

    private static ApiIoException finish(ApiIoException e, int attempt, List<Throwable> failures) {
        e.recordAttempts(attempt);
        failures.forEach(f -> {
            if (f != e) {
                e.addSuppressed(f);
            }
        });
        return e;
    }

    @Override
    public void close() {
        lifecycle.close();
        next.close();
    }

    /** Records a retried status as a suppressed exception of the final outcome. */
    static final class RetriedStatus extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RetriedStatus(String method, int status, int attempt) {
            super("attempt " + attempt + " of " + method + " got status " + status + "; retried", null, false, false);
        }
    }
}
