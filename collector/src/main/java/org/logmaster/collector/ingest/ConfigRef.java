package org.logmaster.collector.ingest;

import java.util.Objects;

/**
 * Where a listener's settings come from, so that error messages can tell the operator exactly which
 * key to change, e.g. {@code new ConfigRef("listeners.udp", "/etc/logmaster/collector.yaml")}.
 *
 * @param section the dotted path of the listener's settings
 * @param file    the configuration file the operator edits
 */
public record ConfigRef(String section, String file) {
    public ConfigRef {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(file, "file");
    }

    /** "`listeners.udp.port` in /etc/logmaster/collector.yaml" */
    public String describe(String key) {
        return "`" + section + "." + key + "` in " + file;
    }
}
