package dev.modelarts.local.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PageTest {

    @ParameterizedTest(name = "total {0}, limit {1}, offset {2}: current {3}, pages {4}")
    @CsvSource({
        "0,   200, 0,   1, 1",
        "3,   200, 0,   1, 1",
        "200, 200, 0,   1, 1",
        "201, 200, 0,   1, 2",
        "201, 200, 200, 2, 2",
        "107, 2,   6,   4, 54",
        "107, 2,   7,   4, 54",
        "5,   1,   4,   5, 5",
        "5,   2,   999, 500, 3",
        // the largest offset the spec allows, one record a page: the page number saturates
        "5,   1,   2147483647, 2147483647, 5",
        "5,   2,   2147483647, 1073741824, 3",
    })
    void pagingFigures(long total, int limit, long offset, int current, int pages) {
        Page<String> page = new Page<>(List.of(), total, limit, offset);
        assertThat(page.current()).isEqualTo(current);
        assertThat(page.pages()).isEqualTo(pages);
    }

    @Test
    void sizeIsTheNumberOfItemsOnThePage() {
        assertThat(new Page<>(List.of("a", "b", "c"), 3, 200, 0).size()).isEqualTo(3);
    }

    @Test
    void rejectsANonPositiveLimit() {
        assertThatThrownBy(() -> new Page<>(List.of(), 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
