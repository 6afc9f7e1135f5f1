package dev.martech.core.paging;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The paging rules of the APIs here; generated code picks one and says how to fetch a page. Only the rule
 * for finding the next page differs; {@link AutoPager} does the rest.
 */
public final class Paging {
    private Paging() {
    }

    /**
     * Cursor paging (Targeting: {@code limit}/{@code next} in, {@code {results, next}} out; Contacthub's
     * update stream: {@code offset} in, {@code {updates, nextOffset}} out): the next page is requested with the
     * cursor the previous response returned, until none (or the same one) is returned.
     */
    public static <C, R, T> AutoPager<T> cursor(C startCursor, Function<C, R> fetch,
            Function<R, List<T>> items, Function<R, C> nextCursor) {
        return new AutoPager<>(() -> cursorPage(startCursor, fetch, items, nextCursor));
    }

    private static <C, R, T> Page<T> cursorPage(C cursor, Function<C, R> fetch, Function<R, List<T>> items,
            Function<R, C> nextCursor) {
        R response = fetch.apply(cursor);
        C next = response == null ? null : nextCursor.apply(response);
        // A server that hands back the same cursor would otherwise loop for ever.
        boolean more = next != null && !"".equals(next) && !next.equals(cursor);
        return new SimplePage<>(response, listOf(response, items),
                more ? () -> cursorPage(next, fetch, items, nextCursor) : null);
    }

    /**
     * Offset/count paging (SocialHub: {@code pagingOffset}/{@code pagingCount}, the response is the item
     * array). Stops at the first empty page: a server may cap the count below what was asked, so a short
     * page does not prove it was the last.
     */
    public static <T> AutoPager<T> offset(int startOffset, int pageSize, BiFunction<Integer, Integer, List<T>> fetch) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be at least 1 but was " + pageSize);
        }
        if (startOffset < 0) {
            throw new IllegalArgumentException("start offset must not be negative but was " + startOffset);
        }
        return new AutoPager<>(() -> offsetPage(startOffset, pageSize, fetch));
    }

    private static <T> Page<T> offsetPage(int offset, int pageSize, BiFunction<Integer, Integer, List<T>> fetch) {
        List<T> items = fetch.apply(offset, pageSize);
        List<T> list = items == null ? List.of() : items;
        return new SimplePage<>(items, list,
                list.isEmpty() ? null : () -> offsetPage(offset + list.size(), pageSize, fetch));
    }

    /**
     * Page-number paging (Contactlab: {@code page}/{@code size} in, {@code {elements, page:{number,
     * totalPages}}} out, pages counted from 0): stops after the last page the response announces, or at an
     * empty page when it announces none.
     */
    public static <R, T> AutoPager<T> pageNumber(int startPage, IntFunction<R> fetch, Function<R, List<T>> items,
            Function<R, ? extends Number> totalPages) {
        if (startPage < 0) {
            throw new IllegalArgumentException("start page must not be negative but was " + startPage);
        }
        return new AutoPager<>(() -> numberedPage(startPage, fetch, items, totalPages));
    }

    private static <R, T> Page<T> numberedPage(int number, IntFunction<R> fetch, Function<R, List<T>> items,
            Function<R, ? extends Number> totalPages) {
        R response = fetch.apply(number);
        List<T> list = listOf(response, items);
        Number total = response == null ? null : totalPages.apply(response);
        boolean more = !list.isEmpty() && (total == null || number + 1 < total.longValue());
        return new SimplePage<>(response, list, more ? () -> numberedPage(number + 1, fetch, items, totalPages) : null);
    }

    private static <R, T> List<T> listOf(R response, Function<R, List<T>> items) {
        List<T> list = response == null ? null : items.apply(response);
        return list == null ? List.of() : list;
    }

    static final class SimplePage<T> implements Page<T> {
        private final Object response;
        private final List<T> items;
        private final Supplier<Page<T>> next;

        SimplePage(Object response, List<T> items, Supplier<Page<T>> next) {
            this.response = response;
            this.items = Objects.requireNonNull(items);
            this.next = next;
        }

        @Override
        public List<T> items() {
            return items;
        }

        @Override
        public boolean hasNextPage() {
            return next != null;
        }

        /** The fetch of the next page (null on the last page); it does not refer to this page. */
        Supplier<Page<T>> successor() {
            return next;
        }

        @Override
        public Page<T> nextPage() {
            if (next == null) {
                throw new NoSuchElementException("this is the last page");
            }
            return next.get();
        }

        @Override
        public Object response() {
            return response;
        }
    }
}
