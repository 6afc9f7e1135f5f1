package dev.martech.core.paging;

import java.util.List;

/** One page of a paged list. The next page is fetched only when asked for. */
public interface Page<T> {

    List<T> items();

    boolean hasNextPage();

    /** Fetches the next page; throws {@link java.util.NoSuchElementException} when there is none. */
    Page<T> nextPage();

    /** The decoded response this page came from (the API's own page type, or the item list). */
    Object response();
}
