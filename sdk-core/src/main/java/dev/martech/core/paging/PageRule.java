package dev.martech.core.paging;

import dev.martech.core.internal.Checks;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How one paged operation moves from a page to the next: where its items are, and the parameters of the
 * following page. Generated code creates one per paged operation with {@link #cursor}, {@link #offset} or
 * {@link #pageNumber}; only this rule differs between the APIs, the pages and auto-pagers are shared.
 *
 * @param <P> the operation's params type
 * @param <R> the decoded response type
 * @param <T> the item type
 */
public final class PageRule<P, R, T> {
    private final String operation;
    private final Function<R, List<T>> items;
    private final Function<P, Object> position;
    private final Next<P, R, T> next;

    /** Computes the parameters of the page after one, or null when it was the last. */
    @FunctionalInterface
    interface Next<P, R, T> {
        P next(P params, R response, List<T> items);
    }

    private PageRule(String operation, Function<R, List<T>> items, Function<P, Object> position, Next<P, R, T> next) {
        this.operation = Checks.required("operation", operation);
        this.items = Checks.required("items", items);
        this.position = position;
        this.next = next;
    }

    /**
     * Cursor paging (Targeting {@code next}; Contacthub's update stream {@code nextOffset}; SocialHub's
     * cursors): the next page is requested with the cursor the response returned, until it returns none. A
     * cursor returned twice in one walk (A→B→A) ends the walk with a {@link PagingStalledException}.
     *
     * @param operation  the operation, for messages (e.g. {@code "campaignRecipients().list (GET /v1/...)"})
     * @param items      the items of a response
     * @param cursorOf   the cursor the params ask for (null for the first page)
     * @param withCursor the params with another cursor
     * @param nextCursor the cursor a response names for the next page (null or empty: none)
     * @param <P> params type
     * @param <R> response type
     * @param <T> item type
     * @param <C> cursor type
     * @return the rule
     */
    public static <P, R, T, C> PageRule<P, R, T> cursor(String operation, Function<R, List<T>> items,
            Function<P, C> cursorOf, BiFunction<P, C, P> withCursor, Function<R, C> nextCursor) {
        return new PageRule<>(operation, items, p -> cursorOf.apply(p), (params, response, list) -> {
            C cursor = response == null ? null : nextCursor.apply(response);
            return cursor == null || "".equals(cursor.toString()) ? null : withCursor.apply(params, cursor);
        });
    }

    /**
     * Offset/count paging (SocialHub {@code pagingOffset}/{@code pagingCount}, {@code start}/{@code count}):
     * the next offset is this one plus the items received; an empty page ends the list (a server may cap
     * the count, so a short page does not prove it was the last). A server that ignores the offset and
     * sends the same page again ends the walk with a {@link PagingStalledException}.
     *
     * @param operation  the operation, for messages
     * @param items      the items of a response
     * @param offsetOf   the offset the params ask for (null: 0)
     * @param withOffset the params with another offset
     * @param <P> params type
     * @param <R> response type
     * @param <T> item type
     * @return the rule
     */
    public static <P, R, T> PageRule<P, R, T> offset(String operation, Function<R, List<T>> items,
            Function<P, ? extends Number> offsetOf, BiFunction<P, Long, P> withOffset) {
        return new PageRule<>(operation, items, p -> offsetOf.apply(p), (params, response, list) -> {
            if (list.isEmpty()) {
                return null;
            }
            Number offset = offsetOf.apply(params);
            long start = offset == null ? 0 : offset.longValue();
            return withOffset.apply(params, start + list.size());
        });
    }

    /**
     * Page-number paging (Contactlab {@code page}/{@code size}, pages counted from {@code firstPage}): stops
     * after the last page when the response gives {@code totalPages} (an empty page before it does not end
     * the list) or says it is the {@code last}; otherwise at the first empty page. A server that ignores the
     * page number and sends the same page again ends the walk with a {@link PagingStalledException}.
     *
     * @param operation  the operation, for messages
     * @param items      the items of a response
     * @param pageOf     the page number the params ask for (null: {@code firstPage})
     * @param withPage   the params with another page number
     * @param totalPages the number of pages a response announces, or null when it does not
     * @param last       whether a response says it is the last page, or null when it does not say
     * @param firstPage  the number of the first page (0 for Contactlab)
     * @param <P> params type
     * @param <R> response type
     * @param <T> item type
     * @return the rule
     */
    public static <P, R, T> PageRule<P, R, T> pageNumber(String operation, Function<R, List<T>> items,
            Function<P, ? extends Number> pageOf, BiFunction<P, Long, P> withPage,
            Function<R, ? extends Number> totalPages, Function<R, Boolean> last, long firstPage) {
        return new PageRule<>(operation, items, p -> pageOf.apply(p), (params, response, list) -> {
            Number page = pageOf.apply(params);
            long number = page == null ? firstPage : page.longValue();
            Number total = response == null ? null : totalPages.apply(response);
            Boolean isLast = response == null ? null : last.apply(response);
            boolean more;
            if (total != null) {
                more = number + 1 - firstPage < total.longValue();
            } else if (isLast != null) {
                more = !isLast;
            } else {
                more = !list.isEmpty();
            }
            return more ? withPage.apply(params, number + 1) : null;
        });
    }

    /**
     * A list the API answers in one envelope (Contactflow's {@code {elements, page}} lists, Contacthub's
     * page-response): a page whose items are the envelope's, and which has no next page.
     *
     * @param operation the operation, for messages
     * @param items     the items of a response
     * @param <P> params type
     * @param <R> response type
     * @param <T> item type
     * @return the rule
     */
    public static <P, R, T> PageRule<P, R, T> single(String operation, Function<R, List<T>> items) {
        return new PageRule<>(operation, items, p -> null, (params, response, list) -> null);
    }

    /** @return the operation these pages belong to, as used in messages */
    public String operation() {
        return operation;
    }

    List<T> itemsOf(R response) {
        List<T> list = response == null ? null : items.apply(response);
        return list == null ? List.of() : list;
    }

    Object positionOf(P params) {
        return position.apply(params);
    }

    P nextParams(P params, R response, List<T> list) {
        return next.next(params, response, list);
    }

    @Override
    public String toString() {
        return "PageRule{" + operation + "}";
    }

    static boolean same(Object a, Object b) {
        return Objects.equals(a, b);
    }
}
