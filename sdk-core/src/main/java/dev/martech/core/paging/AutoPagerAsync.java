package dev.martech.core.paging;

import dev.martech.core.internal.CallFuture;
import dev.martech.core.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * All items of a paged list from one async page on. Pages are fetched one after the other and only as the
 * items of the previous one have been handed to the consumer; no thread waits for a page.
 *
 * @param <T> the item type
 */
public final class AutoPagerAsync<T> {
    private final AsyncPage<T> first;

    private AutoPagerAsync(AsyncPage<T> first) {
        this.first = first;
    }

    /**
     * @param first the page to start from
     * @param <T> item type
     * @return the items of {@code first} and every page after it
     */
    public static <T> AutoPagerAsync<T> from(AsyncPage<T> first) {
        return new AutoPagerAsync<>(Checks.required("first", first));
    }

    /**
     * Hands every item to {@code action}, fetching each next page when the previous one is done.
     *
     * @param action called once per item, in order
     * @return a future completed when the last page is done, or failed with the first error; cancelling it
     *         cancels the page in flight and fetches no further page
     */
    public CompletableFuture<Void> forEach(Consumer<? super T> action) {
        Checks.required("action", action);
        return forEachWhile(item -> {
            action.accept(item);
            return true;
        });
    }

    /**
     * Hands items to {@code action} until it returns false; no page after that is fetched.
     *
     * @param action called once per item, in order; returns whether to go on
     * @return a future completed when done, or failed with the first error; cancelling it cancels the page in
     *         flight and fetches no further page
     */
    public CompletableFuture<Void> forEachWhile(Predicate<? super T> action) {
        Checks.required("action", action);
        AtomicReference<CompletableFuture<?>> pageInFlight = new AtomicReference<>();
        // A call's kind of future: cancelling it, or a stage derived from it (toList()), cancels the page in flight.
        CompletableFuture<Void> done = new CallFuture<>(() -> {
            CompletableFuture<?> page = pageInFlight.get();
            if (page != null) {
                page.cancel(false);
            }
        });
        walk(first, action, done, pageInFlight);
        return done;
    }

    /**
     * @return a future of every item of every page (for lists known to be small); cancelling it cancels the page in
     *         flight and fetches no further page
     */
    public CompletableFuture<List<T>> toList() {
        List<T> all = new ArrayList<>();
        return forEach(all::add).thenApply(ignored -> all);
    }

    private static <T> void walk(AsyncPage<T> page, Predicate<? super T> action, CompletableFuture<Void> done,
            AtomicReference<CompletableFuture<?>> pageInFlight) {
        AsyncPage<T> current = page;
        while (true) {
            try {
                for (T item : current.items()) {
                    if (!action.test(item)) {
                        done.complete(null);
                        return;
                    }
                }
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
                return;
            }
            if (!current.hasNextPage()) {
                done.complete(null);
                return;
            }
            if (done.isDone()) {
                return; // cancelled by the caller: no further page
            }
            CompletableFuture<? extends AsyncPage<T>> next = current.nextPage();
            pageInFlight.set(next);
            if (done.isCancelled()) {
                next.cancel(false); // cancelled before the page was recorded
            }
            if (next.isDone() && !next.isCompletedExceptionally()) {
                current = next.join(); // already there: loop instead of recursing
                continue;
            }
            next.whenComplete((nextPage, error) -> {
                if (error != null) {
                    done.completeExceptionally(error instanceof java.util.concurrent.CompletionException
                            && error.getCause() != null ? error.getCause() : error);
                } else {
                    walk(nextPage, action, done, pageInFlight);
                }
            });
            return;
        }
    }
}
