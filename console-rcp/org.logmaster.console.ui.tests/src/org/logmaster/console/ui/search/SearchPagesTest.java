package org.logmaster.console.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.logmaster.api.v1.SearchResponse;

class SearchPagesTest {

    private static SearchResponse page(String next, long total) {
        return SearchResponse.newBuilder().setNextPageToken(next).setTotalCount(total).build();
    }

    @Test
    void previousUsesTheTokenThatFetchedTheEarlierPage() {
        SearchPages pages = new SearchPages();
        pages.shown(0, page("t1", 250));
        pages.shown(1, page("t2", 0));
        pages.shown(2, page("", 0));

        assertThat(pages.tokenOf(0)).isEmpty();
        assertThat(pages.tokenOf(1)).isEqualTo("t1");
        assertThat(pages.hasNext()).isFalse();
        assertThat(pages.hasPrevious()).isTrue();
    }

    @Test
    void theTotalCountOfTheFirstPageIsKept() {
        SearchPages pages = new SearchPages();
        pages.shown(0, page("t1", 250));
        pages.shown(1, page("t2", 0));

        assertThat(pages.totalCount()).isEqualTo(250);
        assertThat(pages.firstRowNumber()).isEqualTo(SearchQuery.PAGE_SIZE + 1);
    }
}
