package dev.martech.core.paging;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

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
    // What the next page is compared with to see whether the server sent the same page again: the count and
    // the first and last items (hashing every item of every page cost a fifth of a 1,000-item page's time).
    private final int itemCount;
    private final T firstItem;
    private final T lastItem;

    /**
     * @param previous the page this one follows in its walk, or null for a first page
     */
    PageState(PageRule<P, R, T> rule, Object fetcher, P params, R response, PageState<P, R, T, S> previous) {
        this.rule = rule;
        this.fetcher = fetcher;
        this.params = params;
        this.response = response;
        this.items = rule.itemsOf(response);
        this.itemCount = items.size();
        this.firstItem = itemCount == 0 ? null : items.get(0);
        this.lastItem = itemCount == 0 ? null : items.get(itemCount - 1);
        this.nextParams = rule.nextParams(params, response, items);
        Object position = rule.positionOf(params);
        if (previous == null) {
            this.trail = Trail.start(position);
        } else {
            if (itemCount > 0 && itemCount == previous.itemCount && Objects.equals(firstItem, previous.firstItem)
                    && Objects.equals(lastItem, previous.lastItem)) {
                int page = previous.trail.page + 1;
                throw new PagingStalledException(rule.operation(), position, "page " + (page + 1) + " (at "
                        + Trail.describe(position) + ") has the same " + itemCount + " item(s) as page " + page
                        + ": the server ignores the paging parameter");
            }
            this.trail = previous.trail.next(position);
        }
    }

    private PageState(PageState<P, R, T, S> full) {
        this.rule = full.rule;
        this.fetcher = full.fetcher;
        this.params = full.params;
        this.response = null;
        this.items = List.of();
        this.nextParams = full.nextParams;
        this.trail = full.trail;
        this.itemCount = full.itemCount;
        this.firstItem = full.firstItem;
        this.lastItem = full.lastItem;
    }

    /** This state without the response and items (but its first and last): enough to fetch the next page. */
    PageState<P, R, T, S> withoutContent() {
        return new PageState<>(this);
    }

    /**
     * The positions used so far in one walk, shared by all its pages (one map per walk, not a copy per page),
     * and the number of this page in it. It does not hold the items, so an auto-pager keeps one page in memory.
     */
    static final class Trail {
        private final Object firstPosition;
        // Created when a second page is asked for: a single list() call needs no map.
        private final Map<Object, Integer> positions;
        final int page;

        private Trail(Object firstPosition, Map<Object, Integer> positions, int page) {
            this.firstPosition = firstPosition;
            this.positions = positions;
            this.page = page;
        }

        static Trail start(Object position) {
            return new Trail(position, null, 0);
        }

        /** The trail of the page after this one, requested at {@code position}. */
        Trail next(Object position) {
            Map<Object, Integer> seen = positions;
            if (seen == null) {
                seen = new ConcurrentHashMap<>();
                if (firstPosition != null) {
                    seen.put(firstPosition, 0);
                }
            }
            if (position != null) {
                seen.putIfAbsent(position, page + 1); // the first page it was used for
            }
            return new Trail(firstPosition, seen, page + 1);
        }

        /**
         * Throws when {@code position}, asked for the page after this one, was already used for this page or an
         * earlier one of this walk. (Asking twice for the page after the same page is no cycle.)
         */
        void checkUnused(PageRule<?, ?, ?> rule, Object position) {
            Integer earlier = position == null ? null
                    : positions != null ? positions.get(position) : position.equals(firstPosition) ? 0 : null;
            if (earlier != null && earlier <= page) {
                throw new PagingStalledException(rule.operation(), position, "the server sent " + describe(position)
                        + " for page " + (page + 2) + ", which was already used for page " + (earlier + 1)
                        + " (a cycle)");
            }
        }

        static String describe(Object position) {
            return position instanceof CharSequence ? "cursor \"" + position + "\"" : "position " + position;
        }
    }
}
