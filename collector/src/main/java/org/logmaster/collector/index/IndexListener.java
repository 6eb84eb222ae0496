package org.logmaster.collector.index;

import java.util.List;

/**
 * Told about rows once they are committed to the index: the hook for live tails and alert
 * rules, which so see every stored line exactly once and already parsed. Called on the
 * indexer's committing thread, in file order per device; must return quickly.
 */
@FunctionalInterface
public interface IndexListener {
    void indexed(List<EventRow> rows);
}
