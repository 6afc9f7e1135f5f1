package dev.martech.core.paging;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One page of a paged operation called through the async view: as {@link Page}, but the next page is a
 * future, so no thread waits for it.
 *
 * @param <T> the item type
 */
public interface AsyncPage<T> {

    /** @return the items of this page (possibly empty, never null) */
    List<T> items();

    /** @return whether there is a page after this one */
    boolean hasNextPage();

    /**
     * @return a future of the next page; it fails with {@link java.util.NoSuchElementException} on the last
     *         page, with the call's exception, or with a {@link PagingStalledException}
     */
    CompletableFuture<? extends AsyncPage<T>> nextPage();

    /** @return every item from this page on, fetching further pages only as they are consumed */
    AutoPagerAsync<T> autoPager();
}
