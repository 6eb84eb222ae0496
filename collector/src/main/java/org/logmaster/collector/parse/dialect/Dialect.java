package org.logmaster.collector.parse.dialect;

import java.util.Set;

import org.logmaster.collector.parse.LogEvent;

/**
 * One vendor's way of writing messages. A dialect runs after the RFC grammar: it recognises
 * its messages cheaply, then extracts {@link org.logmaster.collector.parse.Field normalised
 * fields} from them and may correct header fields the RFC grammar could not read (a time
 * written after a sequence number, a host name written after the time).
 *
 * <p>Implementations are stateless and thread-safe, never throw on odd input (a message they
 * cannot follow gets null from {@link #apply}), and are registered in {@link Dialects}.
 */
public interface Dialect {
    /** Unique lower-case name: the value of the {@code dialect} field and a valid device type. */
    String name();

    /** Further device types (as an operator registers them) whose messages this dialect reads. */
    default Set<String> deviceTypes() {
        return Set.of();
    }

    /** APP-NAMEs (RFC 3164 tags) that only this dialect's messages carry, for dispatch without detection. */
    default Set<String> appNames() {
        return Set.of();
    }

    /**
     * Whether the message may be in this dialect. Called for many messages that are not, so
     * it looks at the app name and at a few characters only, never parses.
     */
    boolean detect(DialectInput in);

    /**
     * The event with this dialect's fields (always including {@code dialect}) and corrected
     * header, or null when the message turns out not to be in this dialect after all.
     */
    LogEvent apply(DialectInput in);
}
