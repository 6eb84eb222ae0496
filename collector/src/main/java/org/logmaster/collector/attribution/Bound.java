package org.logmaster.collector.attribution;

/** Where one end of a translation's interval comes from. */
public enum Bound {
    /** an event at that instant (translation built, torn down) */
    OBSERVED,
    /** computed from the duration the end event logged */
    FROM_DURATION,
    /** not seen: for a start, the record begins at the only event seen; for an end, it is still open */
    NOT_OBSERVED
}
