package dev.martech.core.paging;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Auto-pagers over a plain fetch function, for code that has no generated page type: the position itself
 * is the params. Built on the same {@link PageRule}s and progress checks as the generated pages.
 */
public final class Paging {
    private Paging() {
    }

    /** A page of a list paged by a bare position (cursor, offset or page number). */
    private static final class PositionPage<P, R, T> extends AbstractPage<P, R, T, PositionPage<P, R, T>> {
        PositionPage(PageState<P, R, T, PositionPage<P, R, T>> state) {
            super(state);
        }
    }

    /**
     * Cursor paging, see {@link PageRule#cursor}.
     *
     * @param operation   the operation, for messages
     * @param startCursor the cursor of the first page (null: the start)
     * @param fetch       one page for a cursor
     * @param items       the items of a response
     * @param nextCursor  the next cursor a response names
     * @param <C> cursor type
     * @param <R> response type
     * @param <T> item type
     * @return a lazy pager
     */
    public static <C, R, T> AutoPager<T> cursor(String operation, C startCursor, Function<C, R> fetch,
            Function<R, List<T>> items, Function<R, C> nextCursor) {
        PageRule<C, R, T> rule = PageRule.cursor(operation, items, c -> c, (c, next) -> next, nextCursor);
        PageFetcher<C, R, T, PositionPage<C, R, T>> fetcher = PageFetcher.of(rule, fetch, PositionPage::new);
        return AutoPager.lazy(() -> fetcher.fetchFirst(startCursor));
    }

    /**
     * Offset/count paging over an item list, see {@link PageRule#offset}.
     *
     * @param operation   the operation, for messages
     * @param startOffset the first offset (at least 0)
     * @param pageSize    the count asked for per page (at least 1)
     * @param fetch       one page for (offset, count)
     * @param <T> item type
     * @return a lazy pager
     */
    public static <T> AutoPager<T> offset(String operation, int startOffset, int pageSize,
            BiFunction<Integer, Integer, List<T>> fetch) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be at least 1 but was " + pageSize);
        }
        if (startOffset < 0) {
            throw new IllegalArgumentException("start offset must not be negative but was " + startOffset);
        }
        PageRule<Long, List<T>, T> rule = PageRule.offset(operation, list -> list, o -> o, (o, next) -> next);
        PageFetcher<Long, List<T>, T, PositionPage<Long, List<T>, T>> fetcher = PageFetcher.of(rule,
                o -> fetch.apply(Math.toIntExact(o), pageSize), PositionPage::new);
        return AutoPager.lazy(() -> fetcher.fetchFirst((long) startOffset));
    }

    /**
     * Page-number paging, see {@link PageRule#pageNumber}.
     *
     * @param operation  the operation, for messages
     * @param startPage  the first page number (at least 0; pages counted from 0)
     * @param fetch      one page for a number
     * @param items      the items of a response
     * @param totalPages the number of pages a response announces, or null
     * @param <R> response type
     * @param <T> item type
     * @return a lazy pager
     */
    public static <R, T> AutoPager<T> pageNumber(String operation, int startPage, IntFunction<R> fetch,
            Function<R, List<T>> items, Function<R, ? extends Number> totalPages) {
        if (startPage < 0) {
            throw new IllegalArgumentException("start page must not be negative but was " + startPage);
        }
        PageRule<Long, R, T> rule = PageRule.pageNumber(operation, items, n -> n, (n, next) -> next, totalPages,
                r -> null, 0);
        PageFetcher<Long, R, T, PositionPage<Long, R, T>> fetcher = PageFetcher.of(rule,
                n -> fetch.apply(Math.toIntExact(n)), PositionPage::new);
        return AutoPager.lazy(() -> fetcher.fetchFirst((long) startPage));
    }
}
