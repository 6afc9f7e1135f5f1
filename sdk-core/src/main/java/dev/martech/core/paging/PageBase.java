package dev.martech.core.paging;

import java.util.List;

/**
 * What a blocking and an async page have in common: the params they were requested with, the decoded
 * response, its items, and whether there is a next page.
 *
 * @param <P> params type
 * @param <R> response type
 * @param <T> item type
 * @param <S> the generated page type itself
 */
abstract class PageBase<P, R, T, S> {
    final PageState<P, R, T, S> state;

    PageBase(PageState<P, R, T, S> state) {
        this.state = state;
    }

    /** @return the items of this page (possibly empty, never null) */
    public final List<T> items() {
        return state.items;
    }

    /** @return whether there is a page after this one */
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

    /** @return the message for a nextPage() on the last page */
    final String lastPageMessage() {
        return state.rule.operation() + ": this is the last page";
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{" + state.items.size() + " items, params=" + state.params
                + (hasNextPage() ? ", more" : ", last") + "}";
    }
}
