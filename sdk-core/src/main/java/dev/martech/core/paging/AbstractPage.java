package dev.martech.core.paging;

import java.util.List;
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
public abstract class AbstractPage<P, R, T, S extends AbstractPage<P, R, T, S>> implements Page<T> {
    private final PageState<P, R, T, S> state;

    /**
     * For generated pages.
     *
     * @param state what sdk-core passes to the page's constructor
     */
    protected AbstractPage(PageState<P, R, T, S> state) {
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

    /** @return the params of the next page, or null on the last page */
    public final P nextPageParams() {
        return state.nextParams;
    }

    /** @return the decoded response of this page (the API's own type) */
    public final R response() {
        return state.response;
    }

    @Override
    @SuppressWarnings("unchecked")
    public final S nextPage() {
        if (state.nextParams == null) {
            throw new NoSuchElementException(state.rule.operation() + ": this is the last page");
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
        PageState<P, R, T, S> s = state;
        PageFetcher<P, R, T, S> fetcher = (PageFetcher<P, R, T, S>) s.fetcher;
        PageState<P, R, T, S> light = s.withoutContent();
        return () -> fetcher.next(light);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{" + state.items.size() + " items, params=" + state.params
                + (hasNextPage() ? ", more" : ", last") + "}";
    }
}
