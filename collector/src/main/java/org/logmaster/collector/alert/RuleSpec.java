package org.logmaster.collector.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A rule as written in the configuration file ({@code alerts.rules}) or sent over the API: plain
 * values, checked and compiled by {@link AlertRule#compile}. See docs/alerts.md.
 *
 * @param name        unique name, 1-64 of a-z 0-9 . _ -
 * @param description what the rule means, for the operator reading the alert
 * @param severity    info, warning or critical (default warning)
 * @param enabled     default true
 * @param match       which events count
 * @param condition   when matches become an alert (default: every match)
 * @param suppress    after an alert, no further alert of this rule and group for this long (default 0s)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleSpec(
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("severity") String severity,
        @JsonProperty("enabled") Boolean enabled,
        @JsonProperty("match") Match match,
        @JsonProperty("condition") Condition condition,
        @JsonProperty("suppress") String suppress) {

    /**
     * All given parts must hold (an absent part holds always).
     *
     * @param devices      device ids; the event's device must be one of them
     * @param maxSeverity  syslog severity 0 (emergency) .. 7 (debug): the event's must be this or more urgent
     * @param fields       parsed fields by key (src_ip, user, action, event, ...) and the exact value each must have
     * @param text         a regular expression found anywhere in the message; named groups may be grouped by
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Match(
            @JsonProperty("devices") List<String> devices,
            @JsonProperty("max-severity") Integer maxSeverity,
            @JsonProperty("fields") Map<String, String> fields,
            @JsonProperty("text") String text) {}

    /**
     * @param atLeast at least this many matches (default 1) ...
     * @param window  ... within this sliding window (required when atLeast is above 1)
     * @param groupBy ... counted separately per value of this parsed field key, named regex group,
     *                {@code device} or {@code sender} (default: one count for all)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Condition(
            @JsonProperty("at-least") Integer atLeast,
            @JsonProperty("window") String window,
            @JsonProperty("group-by") String groupBy) {}
}
