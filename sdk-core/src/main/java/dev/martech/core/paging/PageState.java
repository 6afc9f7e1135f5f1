package dev.martech.core.paging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a page is made of: how its operation pages, the params it was requested with, the decoded response,
 * and what this walk has seen so far (to detect a server that makes no progress). Passed by sdk-core to a
 * generated page's constructor; opaque to users.
 *
 * @param <P> params type
 * @param <R> response type
 * @param <T> item type
 * @param <S> the page type
 */
public final class PageState<P, R, T, S> {
    final PageRule<P, R, T> rule;
    final P params;
    final R response;
    final List<T> items;
    final P nextParams;
    final Trail trail;
    final Object fetcher; // a PageFetcher or an AsyncPageFetcher making S

    PageState(PageRule<P, R, T> rule, Object fetcher, P params, R response, Trail trail) {
        this.rule = rule;
        this.fetcher = fetcher;
        this.params = params;
        this.response = response;
        this.items = rule.itemsOf(response);
        this.nextParams = rule.nextParams(params, response, items);
        this.trail = trail.withPage(rule, rule.positionOf(params), items);
    }

    private PageState(PageState<P, R, T, S> full) {
        this.rule = full.rule;
        this.fetcher = full.fetcher;
        this.params = full.params;
        this.response = null;
        this.items = List.of();
        this.nextParams = full.nextParams;
        this.trail = full.trail;
    }

    /** This state without the response and items: enough to fetch the next page. */
    PageState<P, R, T, S> withoutContent() {
        return new PageState<>(this);
    }

    /**
     * The positions used so far in one walk and a fingerprint (size and hash) of the last page's items; it
     * does not hold the items themselves, so an auto-pager keeps one page in memory.
     */
    static final class Trail {
        static final Trail START = new Trail(Map.of(), -1, 0, 0);

        private final Map<Object, Integer> positions;
        private final int lastPage;
        private final int lastSize;
        private final int lastHash;

        private Trail(Map<Object, Integer> positions, int lastPage, int lastSize, int lastHash) {
            this.positions = positions;
            this.lastPage = lastPage;
            this.lastSize = lastSize;
            this.lastHash = lastHash;
        }

        /** Records the page just received; throws when its content repeats the page before it. */
        Trail withPage(PageRule<?, ?, ?> rule, Object position, List<?> items) {
            int page = lastPage + 1;
            int hash = items.hashCode();
            if (page > 0 && !items.isEmpty() && items.size() == lastSize && hash == lastHash) {
                throw new PagingStalledException(rule.operation(), position, "page " + (page + 1) + " (at "
                        + describe(position) + ") has the same " + items.size() + " item(s) as page " + page
                        + ": the server ignores the paging parameter");
            }
            Map<Object, Integer> seen = positions;
            if (position != null) {
                seen = new HashMap<>(positions);
                seen.put(position, page);
            }
            return new Trail(seen, page, items.size(), hash);
        }

        /** Throws when {@code position} was already used for an earlier page of this walk. */
        void checkUnused(PageRule<?, ?, ?> rule, Object position) {
            Integer earlier = position == null ? null : positions.get(position);
            if (earlier != null) {
                throw new PagingStalledException(rule.operation(), position, "the server sent " + describe(position)
                        + " for page " + (lastPage + 2) + ", which was already used for page " + (earlier + 1)
                        + " (a cycle)");
            }
        }

        private static String describe(Object position) {
            return position instanceof CharSequence ? "cursor \"" + position + "\"" : "position " + position;
        }
    }
}
