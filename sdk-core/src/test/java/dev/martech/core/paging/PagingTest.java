package dev.martech.core.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PagingTest {

    /** A cursor-paged response as Targeting shapes it: {results, next}. */
    record CursorPage(List<String> results, String next) {
    }

    /** A page-number response as Contactlab shapes it: {elements, page:{number,totalPages}}. */
    record NumberedPage(List<String> elements, int number, Integer totalPages) {
    }

    /** Serves canned cursor pages and records every fetch. */
    static final class CursorServer implements Function<String, CursorPage> {
        final Map<String, CursorPage> pages;
        final List<String> fetched = new ArrayList<>();

        CursorServer(Map<String, CursorPage> pages) {
            this.pages = pages;
        }

        @Override
        public CursorPage apply(String cursor) {
            fetched.add(String.valueOf(cursor));
            CursorPage page = pages.get(String.valueOf(cursor));
            if (page == null) {
                throw new IllegalStateException("no page for cursor " + cursor);
            }
            return page;
        }
    }

    private static CursorServer threeCursorPages() {
        return new CursorServer(Map.of(
                "null", new CursorPage(List.of("a", "b"), "c2"),
                "c2", new CursorPage(List.of("c", "d"), "c3"),
                "c3", new CursorPage(List.of("e"), null)));
    }

    private static AutoPager<String> pager(CursorServer server) {
        return Paging.cursor("things().list", null, server, CursorPage::results, CursorPage::next);
    }

    @Test
    void cursorPagingWalksAllPages() {
        CursorServer server = threeCursorPages();

        assertThat(pager(server)).containsExactly("a", "b", "c", "d", "e");
        assertThat(server.fetched).containsExactly("null", "c2", "c3");
    }

    @Test
    void eachIterationStartsAgainFromTheFirstPage() {
        CursorServer server = threeCursorPages();
        AutoPager<String> pager = pager(server);

        assertThat(pager.stream().count()).isEqualTo(5);
        assertThat(pager.stream().count()).isEqualTo(5);
        assertThat(server.fetched).containsExactly("null", "c2", "c3", "null", "c2", "c3");
    }

    @Test
    void cursorThatRepeatsItselfEndsWithAnExceptionNamingTheOperationAndCursor() {
        CursorServer server = new CursorServer(Map.of(
                "null", new CursorPage(List.of("a"), "same"),
                "same", new CursorPage(List.of("b"), "same")));

        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> pager(server).forEach(seen::add)).isInstanceOf(PagingStalledException.class)
                .hasMessageContaining("things().list").hasMessageContaining("cursor \"same\"");
        assertThat(seen).containsExactly("a", "b");
        assertThat(server.fetched).containsExactly("null", "same");
    }

    @Test
    void emptyCursorStops() {
        CursorServer server = new CursorServer(Map.of("null", new CursorPage(List.of("a"), "")));

        assertThat(pager(server)).containsExactly("a");
    }

    @Test
    void offsetPagingStopsAtTheFirstEmptyPageNotAtAShortOne() {
        List<String> all = List.of("a", "b", "c", "d", "e");
        List<String> calls = new ArrayList<>();
        AutoPager<String> pager = Paging.offset("things().list", 0, 2, (offset, count) -> {
            calls.add(offset + "/" + count);
            // The server caps pages at 2 items but also returns a short page mid-way.
            int end = offset == 2 ? 3 : Math.min(all.size(), offset + count);
            return offset >= all.size() ? List.of() : all.subList(offset, end);
        });

        assertThat(pager).containsExactly("a", "b", "c", "d", "e");
        assertThat(calls).containsExactly("0/2", "2/2", "3/2", "5/2");
    }

    @Test
    void offsetPagingTreatsNullAsEmpty() {
        List<Integer> offsets = new ArrayList<>();
        AutoPager<String> pager = Paging.offset("things().list", 10, 5, (offset, count) -> {
            offsets.add(offset);
            return offset == 10 ? List.of("x") : null;
        });

        assertThat(pager).containsExactly("x");
        assertThat(offsets).containsExactly(10, 11);
    }

    @Test
    void pageNumberPagingStopsAtTotalPages() {
        List<Integer> fetched = new ArrayList<>();
        AutoPager<String> pager = Paging.pageNumber("things().list", 0, n -> {
            fetched.add(n);
            return new NumberedPage(List.of("p" + n + "a", "p" + n + "b"), n, 3);
        }, NumberedPage::elements, NumberedPage::totalPages);

        assertThat(pager).containsExactly("p0a", "p0b", "p1a", "p1b", "p2a", "p2b");
        assertThat(fetched).containsExactly(0, 1, 2);
    }

    @Test
    void pageNumberPagingWithoutTotalStopsAtAnEmptyPage() {
        List<Integer> fetched = new ArrayList<>();
        AutoPager<String> pager = Paging.pageNumber("things().list", 0, n -> {
            fetched.add(n);
            return new NumberedPage(n < 2 ? List.of("p" + n) : List.of(), n, null);
        }, NumberedPage::elements, NumberedPage::totalPages);

        assertThat(pager).containsExactly("p0", "p1");
        assertThat(fetched).containsExactly(0, 1, 2);
    }

    @Test
    void emptyFirstPageYieldsNothing() {
        CursorServer cursor = new CursorServer(Map.of("null", new CursorPage(List.of(), null)));
        assertThat(pager(cursor)).isEmpty();
        assertThat(cursor.fetched).containsExactly("null");

        assertThat(Paging.<String>offset("things().list", 0, 10, (o, c) -> List.of())).isEmpty();
        assertThat(Paging.pageNumber("things().list", 0, n -> new NumberedPage(List.of(), n, 0), NumberedPage::elements,
                NumberedPage::totalPages)).isEmpty();
        Iterator<String> it = pager(cursor).iterator();
        assertThat(it.hasNext()).isFalse();
        assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void failingPageFetchPropagatesAfterEarlierItemsWereDelivered() {
        RuntimeException boom = new IllegalStateException("page 2 failed");
        AutoPager<String> pager = Paging.cursor("things().list", null, cursor -> {
            if (cursor == null) {
                return new CursorPage(List.of("a", "b"), "c2");
            }
            throw boom;
        }, CursorPage::results, CursorPage::next);

        List<String> delivered = new ArrayList<>();
        Iterator<String> it = pager.iterator();
        assertThatThrownBy(() -> it.forEachRemaining(delivered::add)).isSameAs(boom);
        assertThat(delivered).containsExactly("a", "b");
    }

    @Test
    void nothingIsFetchedBeforeTheFirstHasNextAndTheNextPageOnlyWhenNeeded() {
        CursorServer server = threeCursorPages();
        AutoPager<String> pager = pager(server);

        Iterator<String> it = pager.iterator();
        assertThat(server.fetched).as("creating the pager and the iterator fetches nothing").isEmpty();

        assertThat(it.hasNext()).isTrue();
        assertThat(server.fetched).containsExactly("null");
        assertThat(it.next()).isEqualTo("a");
        assertThat(it.next()).isEqualTo("b");
        assertThat(server.fetched).as("page 2 not fetched while page 1 has items").containsExactly("null");

        assertThat(it.hasNext()).isTrue();
        assertThat(server.fetched).containsExactly("null", "c2");
    }

    @Test
    void pagesAreIteratedLazily() {
        CursorServer server = threeCursorPages();
        Iterator<Page<String>> pages = pager(server).pages().iterator();
        assertThat(server.fetched).isEmpty();

        Page<String> first = pages.next();
        assertThat(first.items()).containsExactly("a", "b");
        assertThat(((AbstractPage<?, ?, String, ?>) first).response()).isEqualTo(new CursorPage(List.of("a", "b"), "c2"));
        assertThat(pages.hasNext()).isTrue();
        assertThat(server.fetched).as("page 2 is not fetched before it is asked for").containsExactly("null");

        Page<String> second = pages.next();
        assertThat(second.items()).containsExactly("c", "d");
        assertThat(server.fetched).containsExactly("null", "c2");

        assertThat(pages.next().items()).containsExactly("e");
        assertThat(pages.hasNext()).isFalse();
        assertThatThrownBy(pages::next).isInstanceOf(NoSuchElementException.class);
        assertThat(server.fetched).containsExactly("null", "c2", "c3");
    }

    @Test
    void pagesCollectsEveryPage() {
        List<List<String>> pages = new ArrayList<>();
        pager(threeCursorPages()).pages().forEach(p -> pages.add(p.items()));

        assertThat(pages).containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e"));
    }

    @Test
    void streamLimitFetchesOnlyTheNeededPages() {
        CursorServer server = threeCursorPages();

        assertThat(pager(server).stream().limit(3).collect(Collectors.toList())).containsExactly("a", "b", "c");
        assertThat(server.fetched).containsExactly("null", "c2");

        CursorServer again = threeCursorPages();
        assertThat(pager(again).stream().limit(2).count()).isEqualTo(2);
        assertThat(again.fetched).containsExactly("null");
    }

    @Test
    void firstPageAndNextPageGiveDirectAccess() {
        CursorServer server = threeCursorPages();
        Page<String> first = pager(server).firstPage();

        assertThat(first.hasNextPage()).isTrue();
        Page<String> last = first.nextPage().nextPage();
        assertThat(last.items()).containsExactly("e");
        assertThat(last.hasNextPage()).isFalse();
        assertThatThrownBy(last::nextPage).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void invalidPagingArgumentsAreRejected() {
        assertThatThrownBy(() -> Paging.offset("things().list", 0, 0, (o, c) -> List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("page size");
        assertThatThrownBy(() -> Paging.offset("things().list", -1, 10, (o, c) -> List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offset");
        assertThatThrownBy(() -> Paging.pageNumber("things().list", -1, n -> null, r -> List.of(), r -> 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start page");
    }
}
