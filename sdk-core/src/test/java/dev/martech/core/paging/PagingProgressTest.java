package dev.martech.core.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every pager terminates and loses nothing, against servers that page badly (issue 12, point 4). Each fake
 * server gives up after {@link #RUNAWAY} requests, so a pager that would loop for ever fails here instead of
 * hanging the build.
 */
class PagingProgressTest {
    static final int RUNAWAY = 50;

    record CursorPage(List<String> results, String next) {
    }

    record NumberedPage(List<String> elements, Integer totalPages, Boolean last) {
    }

    /** Params of a paged operation as generated code has them: immutable, with the position. */
    record ListParams(String filter, String cursor, Long offset, Long page) {
        ListParams withCursor(String c) {
            return new ListParams(filter, c, offset, page);
        }

        ListParams withOffset(Long o) {
            return new ListParams(filter, cursor, o, page);
        }

        ListParams withPage(Long p) {
            return new ListParams(filter, cursor, offset, p);
        }
    }

    /** What a generated page class looks like: nothing but its types. */
    static final class ThingPage<R> extends AbstractPage<ListParams, R, String, ThingPage<R>> {
        ThingPage(PageState<ListParams, R, String, ThingPage<R>> state) {
            super(state);
        }
    }

    static final class ThingPageAsync<R> extends AbstractAsyncPage<ListParams, R, String, ThingPageAsync<R>> {
        ThingPageAsync(PageState<ListParams, R, String, ThingPageAsync<R>> state) {
            super(state);
        }
    }

    /** Counts requests and refuses to serve more than RUNAWAY. */
    static final class Server<R> implements Function<ListParams, R> {
        final Function<ListParams, R> pages;
        final List<ListParams> requests = new ArrayList<>();

        Server(Function<ListParams, R> pages) {
            this.pages = pages;
        }

        @Override
        public R apply(ListParams params) {
            requests.add(params);
            if (requests.size() > RUNAWAY) {
                throw new AssertionError("runaway pager: " + RUNAWAY + " requests and still going");
            }
            return pages.apply(params);
        }
    }

    static final PageRule<ListParams, CursorPage, String> CURSOR = PageRule.cursor("things().list (GET /things)",
            CursorPage::results, ListParams::cursor, ListParams::withCursor, CursorPage::next);
    static final PageRule<ListParams, List<String>, String> OFFSET = PageRule.offset("posts().list (GET /posts)",
            l -> l, ListParams::offset, ListParams::withOffset);
    static final PageRule<ListParams, NumberedPage, String> PAGE_NUMBER = PageRule.pageNumber(
            "customers().list (GET /customers)", NumberedPage::elements, ListParams::page, ListParams::withPage,
            NumberedPage::totalPages, NumberedPage::last, 0);

    static final ListParams START = new ListParams("f", null, null, null);

    private static <R> List<String> walk(PageRule<ListParams, R, String> rule, Server<R> server,
            List<String> delivered) {
        ThingPage<R> first = PageFetcher.of(rule, server, ThingPage<R>::new).fetchFirst(START);
        first.autoPager().forEach(delivered::add);
        return delivered;
    }

    @Test
    void aCursorCycleEndsWithAnExceptionNamingOperationAndCursor() {
        Map<String, CursorPage> pages = Map.of(
                "start", new CursorPage(List.of("a1", "a2"), "B"),
                "B", new CursorPage(List.of("b1"), "A"),
                "A", new CursorPage(List.of("x1"), "B"));
        Server<CursorPage> server = new Server<>(p -> pages.get(p.cursor() == null ? "start" : p.cursor()));
        List<String> delivered = new ArrayList<>();

        assertThatThrownBy(() -> walk(CURSOR, server, delivered))
                .isInstanceOf(PagingStalledException.class)
                .hasMessageContaining("things().list (GET /things)")
                .hasMessageContaining("cursor \"B\"")
                .satisfies(e -> assertThat(((PagingStalledException) e).position()).isEqualTo("B"));
        assertThat(delivered).as("nothing lost before the cycle").containsExactly("a1", "a2", "b1", "x1");
        assertThat(server.requests).extracting(ListParams::cursor).containsExactly(null, "B", "A");
        assertThat(server.requests).extracting(ListParams::filter).containsOnly("f");
    }

    @Test
    void askingTwiceForTheSamePagesNextIsNoCycleButARealCycleStillIs() {
        Map<String, CursorPage> pages = Map.of(
                "start", new CursorPage(List.of("a1"), "B"),
                "B", new CursorPage(List.of("b1"), "C"),
                "C", new CursorPage(List.of("c1"), "B"));
        Server<CursorPage> server = new Server<>(p -> pages.get(p.cursor() == null ? "start" : p.cursor()));
        ThingPage<CursorPage> first = PageFetcher.of(CURSOR, server, ThingPage<CursorPage>::new).fetchFirst(START);

        ThingPage<CursorPage> second = first.nextPage();
        ThingPage<CursorPage> secondAgain = first.nextPage(); // the same page asked for twice: not a cycle
        ThingPage<CursorPage> third = secondAgain.nextPage();

        assertThat(second.items()).containsExactly("b1");
        assertThat(secondAgain.items()).containsExactly("b1");
        assertThat(third.items()).containsExactly("c1");
        assertThatThrownBy(third::nextPage).isInstanceOf(PagingStalledException.class)
                .hasMessageContaining("cursor \"B\" for page 4, which was already used for page 2");
        assertThat(server.requests).extracting(ListParams::cursor).containsExactly(null, "B", "B", "C");
    }

    @Test
    void aLongWalkKeepsOneMapOfPositions() {
        int pagesInWalk = 20_000; // quadratic bookkeeping (a copy per page) would take minutes here
        Function<ListParams, CursorPage> pages = p -> {
            int n = p.cursor() == null ? 0 : Integer.parseInt(p.cursor());
            return new CursorPage(List.of("item" + n), n + 1 < pagesInWalk ? String.valueOf(n + 1) : null);
        };
        List<String> delivered = new ArrayList<>();
        PageFetcher.of(CURSOR, pages, ThingPage<CursorPage>::new).fetchFirst(START).autoPager()
                .forEach(delivered::add);

        assertThat(delivered).hasSize(pagesInWalk).endsWith("item" + (pagesInWalk - 1));
    }

    @Test
    void anIgnoredOffsetEndsWithAnException() {
        Server<List<String>> server = new Server<>(p -> List.of("p1", "p2")); // same page for every offset
        List<String> delivered = new ArrayList<>();

        assertThatThrownBy(() -> walk(OFFSET, server, delivered))
                .isInstanceOf(PagingStalledException.class)
                .hasMessageContaining("posts().list (GET /posts)")
                .hasMessageContaining("position 2")
                .hasMessageContaining("ignores the paging parameter");
        assertThat(delivered).containsExactly("p1", "p2");
        assertThat(server.requests).extracting(ListParams::offset).containsExactly(null, 2L);
    }

    @Test
    void offsetPagingLosesNothingAndStopsAtTheEmptyPage() {
        List<String> all = List.of("a", "b", "c", "d", "e");
        Server<List<String>> server = new Server<>(p -> {
            int from = p.offset() == null ? 0 : p.offset().intValue();
            return all.subList(Math.min(from, all.size()), Math.min(from + 2, all.size()));
        });

        assertThat(walk(OFFSET, server, new ArrayList<>())).containsExactly("a", "b", "c", "d", "e");
        assertThat(server.requests).extracting(ListParams::offset).containsExactly(null, 2L, 4L, 5L);
    }

    @Test
    void pageNumbersWithoutTotalPagesThatTheServerIgnoresEndWithAnException() {
        Server<NumberedPage> server = new Server<>(p -> new NumberedPage(List.of("n1", "n2"), null, null));
        List<String> delivered = new ArrayList<>();

        assertThatThrownBy(() -> walk(PAGE_NUMBER, server, delivered))
                .isInstanceOf(PagingStalledException.class)
                .hasMessageContaining("customers().list (GET /customers)")
                .hasMessageContaining("position 1");
        assertThat(delivered).containsExactly("n1", "n2");
    }

    @Test
    void anEmptyMiddlePageDoesNotEndTheListWhileTotalPagesSaysMore() {
        Map<Long, List<String>> pages = Map.of(0L, List.of("p0"), 1L, List.of(), 2L, List.of("p2"));
        Server<NumberedPage> server = new Server<>(p -> new NumberedPage(pages.get(p.page() == null ? 0L : p.page()),
                3, null));

        assertThat(walk(PAGE_NUMBER, server, new ArrayList<>())).containsExactly("p0", "p2");
        assertThat(server.requests).extracting(ListParams::page).containsExactly(null, 1L, 2L);
    }

    @Test
    void lastFlagEndsPageNumberPagingWithoutAnExtraRequest() {
        Server<NumberedPage> server = new Server<>(p -> {
            long n = p.page() == null ? 0 : p.page();
            return new NumberedPage(List.of("p" + n), null, n == 1);
        });

        assertThat(walk(PAGE_NUMBER, server, new ArrayList<>())).containsExactly("p0", "p1");
        assertThat(server.requests).hasSize(2);
    }

    @Test
    void anAsyncCursorCycleFailsTheFutureWithTheSameException() {
        Map<String, CursorPage> pages = Map.of(
                "start", new CursorPage(List.of("a1"), "B"),
                "B", new CursorPage(List.of("b1"), "A"),
                "A", new CursorPage(List.of("x1"), "B"));
        Server<CursorPage> server = new Server<>(p -> pages.get(p.cursor() == null ? "start" : p.cursor()));
        List<String> delivered = new ArrayList<>();

        CompletableFuture<Void> done = AsyncPageFetcher.of(CURSOR,
                        (ListParams p) -> CompletableFuture.supplyAsync(() -> server.apply(p)),
                        ThingPageAsync<CursorPage>::new)
                .fetchFirst(START)
                .thenCompose(first -> first.autoPager().forEach(delivered::add));

        assertThatThrownBy(done::join).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(PagingStalledException.class).hasMessageContaining("cursor \"B\"");
        assertThat(delivered).containsExactly("a1", "b1", "x1");
    }

    @Test
    void asyncAutoPagerFetchesOnlyAsItemsAreConsumed() {
        Map<String, CursorPage> pages = Map.of(
                "start", new CursorPage(List.of("a", "b"), "2"),
                "2", new CursorPage(List.of("c"), "3"),
                "3", new CursorPage(List.of("d"), null));
        Server<CursorPage> server = new Server<>(p -> pages.get(p.cursor() == null ? "start" : p.cursor()));
        AsyncPageFetcher<ListParams, CursorPage, String, ThingPageAsync<CursorPage>> fetcher = AsyncPageFetcher.of(
                CURSOR, p -> CompletableFuture.completedFuture(server.apply(p)), ThingPageAsync<CursorPage>::new);

        List<String> firstThree = new ArrayList<>();
        fetcher.fetchFirst(START).thenCompose(first -> first.autoPager().forEachWhile(item -> {
            firstThree.add(item);
            return firstThree.size() < 3;
        })).join();
        assertThat(firstThree).containsExactly("a", "b", "c");
        assertThat(server.requests).hasSize(2);

        assertThat(fetcher.fetchFirst(START).thenCompose(first -> first.autoPager().toList()).join())
                .containsExactly("a", "b", "c", "d");
    }

    /** A pager whose pages are answered by the test: {@code requested} holds each page's future, a call's kind. */
    private static AsyncPageFetcher<ListParams, CursorPage, String, ThingPageAsync<CursorPage>> heldPages(
            List<CompletableFuture<CursorPage>> requested) {
        return AsyncPageFetcher.of(CURSOR, p -> {
            CompletableFuture<CursorPage> page = new dev.martech.core.internal.CallFuture<>(() -> { });
            requested.add(page);
            return page;
        }, ThingPageAsync<CursorPage>::new);
    }

    @Test
    void cancellingAnAsyncWalkCancelsThePageInFlightAndFetchesNoMore() {
        List<CompletableFuture<CursorPage>> requested = new ArrayList<>();
        CompletableFuture<ThingPageAsync<CursorPage>> first = heldPages(requested).fetchFirst(START);
        requested.get(0).complete(new CursorPage(List.of("a"), "2"));
        List<String> delivered = new ArrayList<>();
        CompletableFuture<Void> walk = first.join().autoPager().forEach(delivered::add);
        assertThat(requested).as("the second page is in flight").hasSize(2);

        assertThat(walk.cancel(false)).isTrue();

        assertThat(requested.get(1)).as("the page in flight").isCancelled();
        assertThat(requested).as("no page after it").hasSize(2);
        assertThat(delivered).containsExactly("a");
    }

    @Test
    void cancellingToListCancelsTheWalkToo() {
        List<CompletableFuture<CursorPage>> requested = new ArrayList<>();
        CompletableFuture<ThingPageAsync<CursorPage>> first = heldPages(requested).fetchFirst(START);
        requested.get(0).complete(new CursorPage(List.of("a"), "2"));
        CompletableFuture<List<String>> all = first.join().autoPager().toList();

        assertThat(all.cancel(false)).isTrue();

        assertThat(requested.get(1)).as("the page in flight").isCancelled();
        assertThat(requested).hasSize(2);
    }
}
