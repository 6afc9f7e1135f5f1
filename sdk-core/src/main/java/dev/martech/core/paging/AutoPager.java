package dev.martech.core.paging;

import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * All items of a paged list as a lazy {@link Iterable} or {@link Stream}: no request is made until the first
 * item is asked for, and each further page only when the previous one is used up, so memory holds one page
 * at a time. Each iteration starts again from the first page. A failing page fetch throws the call's
 * {@link dev.martech.core.errors.ApiException} from {@code next()}/{@code hasNext()}.
 */
public final class AutoPager<T> implements Iterable<T> {
    private final Supplier<Page<T>> firstPage;

    public AutoPager(Supplier<Page<T>> firstPage) {
        this.firstPage = firstPage;
    }

    /** Fetches the first page now. */
    public Page<T> firstPage() {
        return firstPage.get();
    }

    /** Page-at-a-time access, still lazy. */
    public Iterable<Page<T>> pages() {
        return () -> new Iterator<>() {
            private Page<T> next;
            private boolean started;

            @Override
            public boolean hasNext() {
                if (!started) {
                    next = firstPage.get();
                    started = true;
                }
                return next != null;
            }

            @Override
            public Page<T> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Page<T> current = next;
                next = null;
                if (current.hasNextPage()) {
                    Page<T> after = current;
                    next = new DeferredPage<>(after);
                }
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

    /** How to fetch the page after {@code page}, without holding on to {@code page} where that is possible. */
    private static <T> Supplier<Page<T>> successor(Page<T> page) {
        if (page instanceof Paging.SimplePage) {
            return ((Paging.SimplePage<T>) page).successor();
        }
        return page::nextPage;
    }

    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }

    /** A page whose fetch happens when it is first looked at, so that pages() stays lazy. */
    private static final class DeferredPage<T> implements Page<T> {
        private final Page<T> previous;
        private Page<T> fetched;

        DeferredPage(Page<T> previous) {
            this.previous = previous;
        }

        private Page<T> page() {
            if (fetched == null) {
                fetched = previous.nextPage();
            }
            return fetched;
        }

        @Override
        public java.util.List<T> items() {
            return page().items();
        }

        @Override
        public boolean hasNextPage() {
            return page().hasNextPage();
        }

        @Override
        public Page<T> nextPage() {
            return page().nextPage();
        }

        @Override
        public Object response() {
            return page().response();
        }
    }
}
