package org.logmaster.console.client;

import org.logmaster.api.v1.SearchRequest;
import org.logmaster.api.v1.SearchResponse;

/** The collector's stored messages ({@code LogService}). Blocking: never call on the display thread. */
public interface LogQueries {

    /** One page of matches and the total count; throws {@link CallFailedException}. */
    SearchResponse search(SearchRequest request);
}
