package dev.martech.core.paging;

import dev.martech.core.internal.Checks;
import java.util.function.Function;

/**
 * Fetches the pages of one call of a paged operation (its params and request options fixed, the position
 * advancing) and wraps each response in the operation's generated page type. Used by generated services.
 *
 * @param <P> params type
 * @param <R> response type
 * @param <T> item type
 * @param <S> the generated page type
 */
public final class PageFetcher<P, R, T, S extends AbstractPage<P, R, T, S>> {
    private final PageRule<P, R, T> rule;
    private final Function<P, R> fetch;
    private final Function<PageState<P, R, T, S>, S> factory;

    private PageFetcher(PageRule<P, R, T> rule, Function<P, R> fetch, Function<PageState<P, R, T, S>, S> factory) {
        this.rule = Checks.required("rule", rule);
        this.fetch = Checks.required("fetch", fetch);
        this.factory = Checks.required("factory", factory);
    }

    /**
     * @param rule    how the operation pages
     * @param fetch   one request of the operation with the given params, decoded
     * @param factory the generated page's constructor
     * @param <P> params type
     * @param <R> response type
     * @param <T> item type
     * @param <S> page type
     * @return the fetcher
     */
    public static <P, R, T, S extends AbstractPage<P, R, T, S>> PageFetcher<P, R, T, S> of(PageRule<P, R, T> rule,
            Function<P, R> fetch, Function<PageState<P, R, T, S>, S> factory) {
        return new PageFetcher<>(rule, fetch, factory);
    }

    /**
     * Wraps a first response that was already fetched (e.g. from a raw response).
     *
     * @param params   the params it was requested with
     * @param response the decoded response
     * @return the first page
     */
    public S first(P params, R response) {
        return factory.apply(new PageState<>(rule, this, params, response, null));
    }

    /**
     * Fetches and wraps the first page.
     *
     * @param params the params of the first page
     * @return the first page
     */
    public S fetchFirst(P params) {
        return first(params, fetch.apply(params));
    }

    S next(PageState<P, R, T, S> from) {
        from.trail.checkUnused(rule, rule.positionOf(from.nextParams));
        P params = from.nextParams;
        return factory.apply(new PageState<>(rule, this, params, fetch.apply(params), from));
    }
}
