package org.logmaster.console.ui.live;

import org.logmaster.api.v1.Severity;

/** Orders severities: 1 (emergency) is the most severe; an unknown one ranks like debug. */
final class SeverityRank {

    private SeverityRank() {
    }

    static int of(Severity severity) {
        return switch (severity) {
            case SEVERITY_UNSPECIFIED, UNRECOGNIZED -> Severity.SEVERITY_DEBUG_VALUE;
            default -> severity.getNumber();
        };
    }
}
