package org.logmaster.collector.alert;

import java.util.Locale;

/** How urgent an alert is; the rule decides. Ordered from least to most urgent. */
public enum AlertSeverity {
    INFO, WARNING, CRITICAL;

    /** The lower-case name used in the configuration file, the API and mails. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code info}, {@code warning} or {@code critical} (any case); null stays null. */
    public static AlertSeverity ofKey(String text) {
        if (text == null) return null;
        for (AlertSeverity s : values()) {
            if (s.key().equalsIgnoreCase(text.strip())) return s;
        }
        throw new IllegalArgumentException("'" + text + "' is not an alert severity (info, warning, critical)");
    }
}
