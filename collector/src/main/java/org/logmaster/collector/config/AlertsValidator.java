package org.logmaster.collector.config;

import java.util.HashSet;
import java.util.Set;
import org.logmaster.collector.alert.AlertRule;
import org.logmaster.collector.alert.AlertSettings;
import org.logmaster.collector.alert.AlertSeverity;
import org.logmaster.collector.alert.DurationText;
import org.logmaster.collector.alert.InvalidRuleException;
import org.logmaster.collector.alert.RuleSpec;
import org.logmaster.collector.metrics.MetricsSettings;

/** Checks the {@code alerts:} and {@code metrics:} sections; every message names the key. */
final class AlertsValidator {
    private final String source;

    AlertsValidator(String source) {
        this.source = source;
    }

    void validate(AlertSettings alerts, MetricsSettings metrics) throws ConfigException {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < alerts.rules().size(); i++) {
            RuleSpec spec = alerts.rules().get(i);
            String key = "alerts.rules[" + i + "]";
            if (spec == null) fail(key, "is empty");
            try {
                AlertRule.compile(spec, AlertRule.Origin.CONFIG);
            } catch (InvalidRuleException e) {
                fail(key + "." + e.key(), e.getMessage().substring(e.key().length() + 2));
            }
            if (spec.name().startsWith("system.")) fail(key + ".name", "system.* names belong to the built-in rules");
            if (!names.add(spec.name())) fail(key + ".name", "'" + spec.name() + "' is used twice");
        }
        if (alerts.mail() != null) mail(alerts.mail());
        if (alerts.forward() != null) {
            if (blank(alerts.forward().host())) fail("alerts.forward.host", "is required");
            range("alerts.forward.port", alerts.forward().port(), 1, 65535);
            severity("alerts.forward.min-severity", alerts.forward().minSeverity());
        }
        AlertSettings.SystemRules s = alerts.system();
        range("alerts.system.disk-usage-percent", s.diskUsagePercent(), 0, 100);
        range("alerts.system.queue-percent", s.queuePercent(), 0, 100);
        range("alerts.system.silent-minutes", s.silentMinutes(), 0, 7 * 24 * 60);
        range("alerts.system.seal-grace-hours", s.sealGraceHours(), 0, 24 * 7);
        range("alerts.system.check-seconds", s.checkSeconds(), 1, 3600);
        duration("alerts.system.suppress", s.suppress());
        range("alerts.queue-batches", alerts.queueBatches(), 1, 1_000_000);
        range("metrics.port", metrics.port(), 0, 65535);
        if (blank(metrics.bind())) fail("metrics.bind", "is required");
    }

    private void mail(AlertSettings.Mail m) throws ConfigException {
        if (blank(m.host())) fail("alerts.mail.host", "is required");
        range("alerts.mail.port", m.port(), 1, 65535);
        if (!Set.of("required", "optional", "off").contains(m.starttls())) {
            fail("alerts.mail.starttls", "must be required, optional or off (was '" + m.starttls() + "')");
        }
        if (blank(m.from()) || !m.from().contains("@")) fail("alerts.mail.from", "must be a mail address");
        if (m.to().isEmpty()) fail("alerts.mail.to", "needs at least one address");
        for (int i = 0; i < m.to().size(); i++) {
            if (blank(m.to().get(i)) || !m.to().get(i).contains("@")) {
                fail("alerts.mail.to[" + i + "]", "must be a mail address (was '" + m.to().get(i) + "')");
            }
        }
        if (!blank(m.username()) && m.starttls().equals("off")) {
            fail("alerts.mail.starttls", "off would send the password readable; use required or optional with a username");
        }
        severity("alerts.mail.min-severity", m.minSeverity());
    }

    private void severity(String key, String value) throws ConfigException {
        try {
            AlertSeverity.ofKey(value);
        } catch (IllegalArgumentException e) {
            fail(key, e.getMessage());
        }
    }

    private void duration(String key, String value) throws ConfigException {
        try {
            DurationText.parse(value, null);
        } catch (IllegalArgumentException e) {
            fail(key, e.getMessage());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private void range(String key, int value, int min, int max) throws ConfigException {
        if (value < min || value > max) fail(key, "must be " + min + ".." + max + " (was " + value + ")");
    }

    private void fail(String key, String problem) throws ConfigException {
        throw new ConfigException(source + ": " + key + ": " + problem);
    }
}
