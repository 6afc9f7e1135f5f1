package dev.martech.core.paging;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;

/**
 * The async page of a paged operation; each generated {@code XxxPageAsync} extends it and adds nothing but
 * its types.
 *
 * @param <P> params type
 * @param <R> response type
 * @param <T> item type
 * @param <S> the generated page type itself
 */
public abstract class AbstractAsyncPage<P, R, T, S extends AbstractAsyncPage<P, R, T, S>> implements AsyncPage<T> {
    private final PageState<P, R, T, S> state;

    /**
     * For generated pages.
     *
     * @param state what sdk-core passes to the page's constructor
     */
    protected AbstractAsyncPage(PageState<P, R, T, S> state) {
        this.state = state;
    }

    @Override
    public final List<T> items() {
        return state.items;
    }

    @Override
    public final boolean hasNextPage() {
        return state.nextParams != null;
    }

    /** @return the params this page was requested with */
    public final P params() {
        return state.params;
    }

    /** @return the decoded response of this page (the API's own type) */
    public final R response() {
        return state.response;
    }

    @Override
    @SuppressWarnings("unchecked")
    public final CompletableFuture<S> nextPage() {
        if (state.nextParams == null) {
            return CompletableFuture.failedFuture(
                    new NoSuchElementException(state.rule.operation() + ": this is the last page"));
        }
        return ((AsyncPageFetcher<P, R, T, S>) state.fetcher).next(state);
    }

    @Override
    public final AutoPagerAsync<T> autoPager() {
        return AutoPagerAsync.from(this);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{" + state.items.size() + " items, params=" + state.params
                + (hasNextPage() ? ", more" : ", last") + "}";
    }
}
