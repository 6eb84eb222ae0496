package org.logmaster.collector.audit;

import java.time.Instant;

/**
 * Which audit entries to read. Null conditions do not filter.
 *
 * @param afterSeq       only entries after this one (0: from the start); the paging position
 * @param actionContains only actions containing this text
 * @param limit          at most this many entries
 */
public record AuditQuery(Instant from, Instant to, String username, String actionContains, long afterSeq, int limit) {
    public AuditQuery {
        if (limit < 1) throw new IllegalArgumentException("limit must be positive");
        if (afterSeq < 0) throw new IllegalArgumentException("afterSeq must not be negative");
    }
}
