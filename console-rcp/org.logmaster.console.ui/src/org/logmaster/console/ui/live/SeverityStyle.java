package org.logmaster.console.ui.live;

import org.eclipse.swt.graphics.Color;
import org.logmaster.api.v1.Severity;

/**
 * How a severity looks in the table: the three most severe levels stand out with a background,
 * errors and warnings with their text colour, debug is greyed.
 */
public final class SeverityStyle {

    private static final Color WHITE = new Color(255, 255, 255);
    private static final Color DARK_RED = new Color(139, 0, 0);
    private static final Color RED = new Color(198, 40, 40);
    private static final Color AMBER = new Color(178, 106, 0);
    private static final Color BLUE = new Color(21, 101, 192);
    private static final Color GREY = new Color(117, 117, 117);

    private SeverityStyle() {
    }

    /** Text colour, or null for the table's default. */
    public static Color foreground(Severity severity) {
        return switch (severity) {
            case SEVERITY_EMERGENCY, SEVERITY_ALERT, SEVERITY_CRITICAL -> WHITE;
            case SEVERITY_ERROR -> RED;
            case SEVERITY_WARNING -> AMBER;
            case SEVERITY_NOTICE -> BLUE;
            case SEVERITY_DEBUG -> GREY;
            default -> null;
        };
    }

    /** Background colour, or null for the table's default. */
    public static Color background(Severity severity) {
        return switch (severity) {
            case SEVERITY_EMERGENCY, SEVERITY_ALERT -> DARK_RED;
            case SEVERITY_CRITICAL -> RED;
            default -> null;
        };
    }

    /** The short syslog keyword (RFC 5424 table 2). */
    public static String label(Severity severity) {
        return switch (severity) {
            case SEVERITY_EMERGENCY -> "EMERG";
            case SEVERITY_ALERT -> "ALERT";
            case SEVERITY_CRITICAL -> "CRIT";
            case SEVERITY_ERROR -> "ERROR";
            case SEVERITY_WARNING -> "WARNING";
            case SEVERITY_NOTICE -> "NOTICE";
            case SEVERITY_INFORMATIONAL -> "INFO";
            case SEVERITY_DEBUG -> "DEBUG";
            default -> "-";
        };
    }
}
