package org.logmaster.console.ui.search;

import java.util.ArrayList;
import java.util.List;

import org.logmaster.api.v1.SearchResponse;

/**
 * Where the operator is in a query's pages. The collector's page tokens only lead forward, so the
 * token of every page seen so far is kept: Previous asks again with the earlier token.
 */
final class SearchPages {

    /** tokens.get(i) fetches page i; page 0's token is empty. */
    private final List<String> tokens = new ArrayList<>(List.of(""));
    private int current = -1;
    private long totalCount;

    /** The token for page {@code index}, which must be a page already reached. */
    String tokenOf(int index) {
        return tokens.get(index);
    }

    /** Records page {@code index} as shown, with what the collector answered. */
    void shown(int index, SearchResponse response) {
        current = index;
        if (index == 0) {
            // counted when the first page was served; later pages may not repeat it
            totalCount = response.getTotalCount();
        }
        while (tokens.size() > index + 1) {
            tokens.remove(tokens.size() - 1);
        }
        if (!response.getNextPageToken().isEmpty()) {
            tokens.add(response.getNextPageToken());
        }
    }

    int current() {
        return current;
    }

    boolean hasNext() {
        return current >= 0 && tokens.size() > current + 1;
    }

    boolean hasPrevious() {
        return current > 0;
    }

    long totalCount() {
        return totalCount;
    }

    /** Position of the page's first row among all matches, counting from 1. */
    long firstRowNumber() {
        return (long) Math.max(current, 0) * SearchQuery.PAGE_SIZE + 1;
    }
}
