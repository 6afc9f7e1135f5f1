package dev.martech.core.paging;

import java.util.List;

/**
 * One page of a paged list operation. A page knows the request it came from, so {@link #nextPage()} repeats
 * that request with the position (cursor, offset or page number) advanced.
 *
 * @param <T> the item type
 */
public interface Page<T> {

    /** @return the items of this page (possibly empty, never null) */
    List<T> items();

    /** @return whether the API says (or may say) there is a page after this one */
    boolean hasNextPage();

    /**
     * Fetches the next page.
     *
     * @return the next page
     * @throws java.util.NoSuchElementException when this is the last page
     * @throws PagingStalledException when the server makes no progress (a cursor seen before, the same
     *         page content again)
     */
    Page<T> nextPage();

    /** @return every item from this page on, fetching further pages lazily */
    AutoPager<T> autoPager();
}
