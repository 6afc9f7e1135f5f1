package dev.martech.core.paging;

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
            private Page<T> page;
            private Iterator<T> items;

            @Override
            public boolean hasNext() {
                if (page == null) {
                    page = firstPage.get();
                    items = page.items().iterator();
                }
                while (!items.hasNext()) {
                    if (!page.hasNextPage()) {
                        return false;
                    }
                    page = page.nextPage();
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
