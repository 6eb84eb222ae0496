package org.logmaster.collector.metrics;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code metrics:} section: where the Prometheus text exposition listens. Local by default
 * (a scraper on the appliance or an SSH tunnel); port 0 switches it off.
 */
public record MetricsSettings(
        @JsonProperty("bind") String bind,
        @JsonProperty("port") Integer port) {
    public static final int DEFAULT_PORT = 9465;

    public MetricsSettings {
        bind = bind != null ? bind : "127.0.0.1";
        port = port != null ? port : DEFAULT_PORT;
    }

    public static MetricsSettings defaults() {
        return new MetricsSettings(null, null);
    }

    public boolean enabled() {
        return port != 0;
    }
}
