package org.logmaster.collector.attribution;

import java.util.List;

/**
 * Something the answer must say besides its candidates, because the evidence is not clean.
 *
 * @param detail   a sentence for the report
 * @param evidence the events it is about (the nearest ones, for missing evidence)
 */
public record Finding(Kind kind, String detail, List<Evidence> evidence) {

    public Finding {
        evidence = List.copyOf(evidence);
    }

    public enum Kind {
        /** more than one MAC held the address at that instant */
        OVERLAPPING_CLAIMS,
        /** no lease or registration covers the address at that instant */
        NO_LEASE,
        /** the address is a NAT address, but no translation covers that instant (and port) */
        NO_TRANSLATION,
        /** without a port, several inside hosts used the NAT address at that instant */
        SEVERAL_INSIDE_HOSTS,
        /** a record used has no observed end: it stands on its last evidence */
        END_NOT_OBSERVED,
        /** a translation's start was computed from the duration its end logged */
        START_FROM_DURATION
    }
}
