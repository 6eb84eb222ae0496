package org.logmaster.collector.alert;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The {@code alerts:} section of the configuration file (docs/alerts.md).
 *
 * @param rules         the operator's rules
 * @param mail          where alert mails go; absent: no mail
 * @param forward       the SIEM that receives alerts as RFC 5424 syslog; absent: no forwarding
 * @param system        thresholds of the built-in system rules
 * @param queueBatches  committed batches waiting for evaluation before further ones are skipped (and counted)
 */
public record AlertSettings(
        @JsonProperty("rules") List<RuleSpec> rules,
        @JsonProperty("mail") Mail mail,
        @JsonProperty("forward") Forward forward,
        @JsonProperty("system") SystemRules system,
        @JsonProperty("queue-batches") Integer queueBatches) {

    public AlertSettings {
        rules = rules != null ? List.copyOf(rules) : List.of();
        system = system != null ? system : new SystemRules(null, null, null, null, null, null);
        queueBatches = queueBatches != null ? queueBatches : 1024;
    }

    public static AlertSettings defaults() {
        return new AlertSettings(null, null, null, null, null);
    }

    /**
     * SMTP submission. {@code starttls}: required (default; the mail is not sent over a server that
     * cannot upgrade), optional, or off (only for a relay on the same host).
     */
    public record Mail(
            @JsonProperty("host") String host,
            @JsonProperty("port") Integer port,
            @JsonProperty("starttls") String starttls,
            @JsonProperty("username") String username,
            @JsonProperty("password") String password,
            @JsonProperty("from") String from,
            @JsonProperty("to") List<String> to,
            @JsonProperty("min-severity") String minSeverity) {
        public Mail {
            port = port != null ? port : 587;
            starttls = starttls != null ? starttls : "required";
            to = to != null ? List.copyOf(to) : List.of();
            minSeverity = minSeverity != null ? minSeverity : "info";
        }
    }

    /** RFC 5424 over TCP with octet counting (RFC 6587) to a SIEM. */
    public record Forward(
            @JsonProperty("host") String host,
            @JsonProperty("port") Integer port,
            @JsonProperty("min-severity") String minSeverity) {
        public Forward {
            port = port != null ? port : 514;
            minSeverity = minSeverity != null ? minSeverity : "info";
        }
    }

    /**
     * Thresholds of the built-in rules; each may be switched off with 0.
     *
     * @param diskUsagePercent  data folder's file system fuller than this
     * @param queuePercent      writer queue fuller than this
     * @param silentMinutes     a device that sent before is silent this long
     * @param sealGraceHours    a closed day still not sealed this many hours after midnight
     * @param suppress          how long a system alert of one kind and subject stays quiet after firing
     * @param checkSeconds      how often the readings are taken
     */
    public record SystemRules(
            @JsonProperty("disk-usage-percent") Integer diskUsagePercent,
            @JsonProperty("queue-percent") Integer queuePercent,
            @JsonProperty("silent-minutes") Integer silentMinutes,
            @JsonProperty("seal-grace-hours") Integer sealGraceHours,
            @JsonProperty("suppress") String suppress,
            @JsonProperty("check-seconds") Integer checkSeconds) {
        public SystemRules {
            diskUsagePercent = diskUsagePercent != null ? diskUsagePercent : 90;
            queuePercent = queuePercent != null ? queuePercent : 80;
            silentMinutes = silentMinutes != null ? silentMinutes : 60;
            sealGraceHours = sealGraceHours != null ? sealGraceHours : 6;
            suppress = suppress != null ? suppress : "1h";
            checkSeconds = checkSeconds != null ? checkSeconds : 30;
        }
    }
}
