package dev.martech.core.paging;

import dev.martech.core.internal.Checks;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * As {@link PageFetcher}, for the async view: each page is fetched without blocking a thread.
 *
 * @param <P> params type
 * @param <R> response type
 * @param <T> item type
 * @param <S> the generated async page type
 */
public final class AsyncPageFetcher<P, R, T, S extends AbstractAsyncPage<P, R, T, S>> {
    private final PageRule<P, R, T> rule;
    private final Function<P, CompletableFuture<R>> fetch;
    private final Function<PageState<P, R, T, S>, S> factory;

    private AsyncPageFetcher(PageRule<P, R, T> rule, Function<P, CompletableFuture<R>> fetch,
            Function<PageState<P, R, T, S>, S> factory) {
        this.rule = Checks.required("rule", rule);
        this.fetch = Checks.required("fetch", fetch);
        this.factory = Checks.required("factory", factory);
    }

    /**
     * @param rule    how the operation pages
     * @param fetch   one async request of the operation with the given params, decoded
     * @param factory the generated async page's constructor
     * @param <P> params type
     * @param <R> response type
     * @param <T> item type
     * @param <S> page type
     * @return the fetcher
     */
    public static <P, R, T, S extends AbstractAsyncPage<P, R, T, S>> AsyncPageFetcher<P, R, T, S> of(
            PageRule<P, R, T> rule, Function<P, CompletableFuture<R>> fetch, Function<PageState<P, R, T, S>, S> factory) {
        return new AsyncPageFetcher<>(rule, fetch, factory);
    }

    /**
     * Fetches and wraps the first page.
     *
     * @param params the params of the first page
     * @return a future of the first page
     */
    public CompletableFuture<S> fetchFirst(P params) {
        return fetch.apply(params).thenApply(
                response -> factory.apply(new PageState<>(rule, this, params, response, null)));
    }

    CompletableFuture<S> next(PageState<P, R, T, S> from) {
        try {
            from.trail.checkUnused(rule, rule.positionOf(from.nextParams));
        } catch (PagingStalledException e) {
            return CompletableFuture.failedFuture(e);
        }
        P params = from.nextParams;
        return fetch.apply(params).thenApply(
                response -> factory.apply(new PageState<>(rule, this, params, response, from)));
    }
}
