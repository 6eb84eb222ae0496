package org.logmaster.collector.store;

/**
 * A line of a daily file that does not follow the {@link DailyLine} format: a line torn by a
 * power loss, or a file that was edited. The indexer keeps such lines flagged instead of failing.
 */
public final class MalformedLineException extends Exception {
    public MalformedLineException(String message) {
        super(message);
    }
}
