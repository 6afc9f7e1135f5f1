package dev.martech.core.paging;

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
public abstract class AbstractAsyncPage<P, R, T, S extends AbstractAsyncPage<P, R, T, S>> extends PageBase<P, R, T, S>
        implements AsyncPage<T> {

    /**
     * For generated pages.
     *
     * @param state what sdk-core passes to the page's constructor
     */
    protected AbstractAsyncPage(PageState<P, R, T, S> state) {
        super(state);
    }

    @Override
    @SuppressWarnings("unchecked")
    public final CompletableFuture<S> nextPage() {
        if (state.nextParams == null) {
            return CompletableFuture.failedFuture(new NoSuchElementException(lastPageMessage()));
        }
        return ((AsyncPageFetcher<P, R, T, S>) state.fetcher).next(state);
    }

    @Override
    public final AutoPagerAsync<T> autoPager() {
        return AutoPagerAsync.from(this);
    }
}
