package dev.martech.core.paging;

import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * The page of a paged operation; each generated {@code XxxPage} extends it and adds nothing but its types.
 * Holds the params it was requested with and the decoded response, so the next page is the same request
 * with the position advanced ({@link PageRule}).
 *
 * @param <P> params type
 * @param <R> response type
 * @param <T> item type
 * @param <S> the generated page type itself
 */
public abstract class AbstractPage<P, R, T, S extends AbstractPage<P, R, T, S>> extends PageBase<P, R, T, S>
        implements Page<T> {

    /**
     * For generated pages.
     *
     * @param state what sdk-core passes to the page's constructor
     */
    protected AbstractPage(PageState<P, R, T, S> state) {
        super(state);
    }

    @Override
    @SuppressWarnings("unchecked")
    public final S nextPage() {
        if (state.nextParams == null) {
            throw new NoSuchElementException(lastPageMessage());
        }
        return ((PageFetcher<P, R, T, S>) state.fetcher).next(state);
    }

    @Override
    public final AutoPager<T> autoPager() {
        return AutoPager.from(this);
    }

    /** The fetch of the next page without a reference to this page (so an auto-pager can let it go). */
    @SuppressWarnings("unchecked")
    final Supplier<Page<T>> successor() {
        PageFetcher<P, R, T, S> fetcher = (PageFetcher<P, R, T, S>) state.fetcher;
        PageState<P, R, T, S> light = state.withoutContent();
        return () -> fetcher.next(light);
    }
}
