package org.logmaster.console.ui.live;

import org.logmaster.api.v1.Severity;

/** Orders severities: 1 (emergency) is the most severe, unknown ones rank below debug. */
final class SeverityRank {

    static final int LEAST_SEVERE = Severity.SEVERITY_DEBUG_VALUE + 1;

    private SeverityRank() {
    }

    static int of(Severity severity) {
        return switch (severity) {
            case SEVERITY_UNSPECIFIED, UNRECOGNIZED -> LEAST_SEVERE;
            default -> severity.getNumber();
        };
    }
}
