package dev.martech.core.paging;

import dev.martech.core.internal.Checks;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * All items of a paged list from one page on, as a lazy {@link Iterable} or {@link Stream}: each further
 * page is requested only when the previous one is used up, and the used-up page is let go first, so memory
 * holds one page at a time. Each iteration starts again from the same first page (which is not fetched
 * again). A failing page fetch throws the call's {@link dev.martech.core.errors.ApiException} from
 * {@code hasNext()}; a server that makes no progress ends the walk with a {@link PagingStalledException}.
 *
 * @param <T> the item type
 */
public final class AutoPager<T> implements Iterable<T> {
    private final Supplier<? extends Page<T>> firstPage;

    private AutoPager(Supplier<? extends Page<T>> firstPage) {
        this.firstPage = firstPage;
    }

    /**
     * @param first the page to start from
     * @param <T> item type
     * @return the items of {@code first} and of every page after it
     */
    public static <T> AutoPager<T> from(Page<T> first) {
        Checks.required("first", first);
        return new AutoPager<>(() -> first);
    }

    /**
     * @param firstPage fetches the first page when iteration starts (again for every iteration)
     * @param <T> item type
     * @return a pager that requests nothing until it is iterated
     */
    public static <T> AutoPager<T> lazy(Supplier<? extends Page<T>> firstPage) {
        return new AutoPager<>(Checks.required("firstPage", firstPage));
    }

    /** @return the first page (fetched now if this pager is lazy) */
    public Page<T> firstPage() {
        return firstPage.get();
    }

    /** @return page-at-a-time access, still lazy */
    public Iterable<Page<T>> pages() {
        return () -> new Iterator<>() {
            private Page<T> next;
            private Page<T> previous;
            private boolean started;

            @Override
            public boolean hasNext() {
                if (!started) {
                    next = firstPage.get();
                    started = true;
                }
                // The page after the previous one is fetched by next(), not here: hasNext() stays cheap.
                return next != null || (previous != null && previous.hasNextPage());
            }

            @Override
            public Page<T> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Page<T> current = next != null ? next : previous.nextPage();
                next = null;
                previous = current;
                return current;
            }
        };
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private Page<T> page; // null before the first page, and while the page after a used-up one is fetched
            private Iterator<T> items = Collections.emptyIterator();
            private Supplier<Page<T>> following; // fetches the page after the used-up one
            private boolean started;

            @Override
            public boolean hasNext() {
                if (!started) {
                    page = firstPage.get();
                    items = page.items().iterator();
                    started = true;
                }
                while (!items.hasNext()) {
                    if (page != null) {
                        if (!page.hasNextPage()) {
                            return false;
                        }
                        // Let go of the used-up page before the next one is fetched and decoded, so that only
                        // one page is ever reachable from here (two would be promoted together in a small heap).
                        following = successor(page);
                        page = null;
                        items = Collections.emptyIterator();
                    }
                    Page<T> fetched = following.get(); // a failure propagates; the next hasNext() tries again
                    following = null;
                    page = fetched;
                    items = page.items().iterator();
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return items.next();
            }
        };
    }

    private static <T> Supplier<Page<T>> successor(Page<T> page) {
        if (page instanceof AbstractPage) {
            @SuppressWarnings("unchecked")
            AbstractPage<?, ?, T, ?> known = (AbstractPage<?, ?, T, ?>) page;
            return known.successor();
        }
        return page::nextPage;
    }

    /** @return the items as a sequential, lazy stream */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }
}
