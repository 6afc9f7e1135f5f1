package dev.martech.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** HttpHeaders kept as a flat array of names and values: the same case-insensitive multi-map behaviour. */
class HttpHeadersFlatTest {

    @Test
    void lookupsIgnoreCaseAndKeepOrderPerName() {
        HttpHeaders h = HttpHeaders.of("Content-Type", "application/json", "X-Id", "1", "x-id", "2", "Accept", "*/*");

        assertThat(h.first("content-type")).contains("application/json");
        assertThat(h.all("X-ID")).containsExactly("1", "2");
        assertThat(h.all("missing")).isEmpty();
        assertThat(h.first("missing")).isEmpty();
        assertThat(h.size()).isEqualTo(4);
        assertThat(h.name(1)).isEqualTo("X-Id");
        assertThat(h.value(2)).isEqualTo("2");
        assertThat(h.asMap().keySet()).containsExactly("Accept", "Content-Type", "X-Id");
        assertThat(h.asMap().get("x-ID")).containsExactly("1", "2");
        assertThat(h.names().contains("ACCEPT")).as("case-insensitive").isTrue();
        assertThat(h.toString()).isEqualTo("HttpHeaders[accept, content-type, x-id]");
    }

    @Test
    void withReplacesEveryCaseAndPlusAppends() {
        HttpHeaders h = HttpHeaders.of("Authorization", "old", "authorization", "older", "Accept", "*/*");

        HttpHeaders replaced = h.with("AUTHORIZATION", "Bearer new");
        HttpHeaders appended = replaced.plus("accept", "application/json");

        assertThat(replaced.all("authorization")).containsExactly("Bearer new");
        assertThat(appended.all("Accept")).containsExactly("*/*", "application/json");
        assertThat(h.all("authorization")).containsExactly("old", "older"); // unchanged
    }

    @Test
    void ofMapKeepsEveryValueAndMergesNamesThatDifferInCase() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        map.put("X-Tag", List.of("a", "b"));
        map.put("x-tag", List.of("c"));

        assertThat(HttpHeaders.of(map).all("X-TAG")).containsExactly("a", "b", "c");
        assertThat(HttpHeaders.of(Map.of()).isEmpty()).isTrue();
    }

    @Test
    void badPairsAreRejectedWithTheReason() {
        assertThatThrownBy(() -> HttpHeaders.of("A", "1", "B")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a value for every name");
        assertThatThrownBy(() -> HttpHeaders.of("A", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the value of header A is null");
        String[] pairs = {"A", "1"};
        HttpHeaders h = HttpHeaders.of(pairs);
        pairs[1] = "changed";
        assertThat(h.first("A")).contains("1"); // a copy of the caller's array
    }
}
