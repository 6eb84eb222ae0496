package org.logmaster.collector.alert;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.logmaster.collector.enrich.DeviceId;
import org.logmaster.collector.parse.Field;

/**
 * A checked, compiled rule: what {@link RuleEngine} evaluates. Made only by {@link #compile},
 * which names the offending key of a bad definition.
 *
 * @param origin where the rule comes from: the configuration file cannot be changed over the API
 */
public record AlertRule(RuleSpec spec, String name, AlertSeverity severity, boolean enabled, int atLeast,
                        Duration window, Duration suppress, Origin origin, RuleMatcher matcher) {

    public enum Origin { CONFIG, API, SYSTEM }

    private static final Pattern NAME = Pattern.compile("[a-z0-9._-]{1,64}");
    private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");
    static final Duration MAX_WINDOW = Duration.ofDays(7);

    public static AlertRule compile(RuleSpec spec, Origin origin) throws InvalidRuleException {
        if (spec.name() == null || !NAME.matcher(spec.name()).matches()) {
            throw new InvalidRuleException("name", "must be 1-64 of a-z 0-9 . _ - (was '" + spec.name() + "')");
        }
        AlertSeverity severity;
        try {
            severity = spec.severity() == null ? AlertSeverity.WARNING : AlertSeverity.ofKey(spec.severity());
        } catch (IllegalArgumentException e) {
            throw new InvalidRuleException("severity", e.getMessage());
        }
        RuleSpec.Match match = spec.match() != null ? spec.match() : new RuleSpec.Match(null, null, null, null);
        RuleSpec.Condition condition = spec.condition() != null ? spec.condition() : new RuleSpec.Condition(null, null, null);
        if (isEmpty(match)) {
            throw new InvalidRuleException("match", "is required: give devices, max-severity, fields or text");
        }
        Set<String> devices = devices(match);
        if (match.maxSeverity() != null && (match.maxSeverity() < 0 || match.maxSeverity() > 7)) {
            throw new InvalidRuleException("match.max-severity", "must be 0..7 (was " + match.maxSeverity() + ")");
        }
        Map<Field, String> fields = fields(match);
        Pattern text = text(match);
        int atLeast = condition.atLeast() != null ? condition.atLeast() : 1;
        if (atLeast < 1 || atLeast > 1_000_000) {
            throw new InvalidRuleException("condition.at-least", "must be 1..1000000 (was " + atLeast + ")");
        }
        Duration window = duration("condition.window", condition.window(), Duration.ZERO);
        if (atLeast > 1 && window.isZero()) {
            throw new InvalidRuleException("condition.window", "is required when at-least is above 1");
        }
        if (window.compareTo(MAX_WINDOW) > 0) {
            throw new InvalidRuleException("condition.window", "must be at most 7d");
        }
        Duration suppress = duration("suppress", spec.suppress(), Duration.ZERO);
        RuleMatcher.GroupBy groupBy = groupBy(condition.groupBy(), match.text());
        return new AlertRule(spec, spec.name(), severity, spec.enabled() == null || spec.enabled(), atLeast, window,
                suppress, origin, new RuleMatcher(devices, match.maxSeverity(), fields, text, groupBy));
    }

    private static boolean isEmpty(RuleSpec.Match m) {
        return (m.devices() == null || m.devices().isEmpty()) && m.maxSeverity() == null
                && (m.fields() == null || m.fields().isEmpty()) && (m.text() == null || m.text().isEmpty());
    }

    private static Set<String> devices(RuleSpec.Match match) throws InvalidRuleException {
        if (match.devices() == null || match.devices().isEmpty()) return null;
        Set<String> devices = new LinkedHashSet<>();
        for (int i = 0; i < match.devices().size(); i++) {
            String d = match.devices().get(i);
            if (d == null || !DeviceId.isValid(d)) {
                throw new InvalidRuleException("match.devices[" + i + "]", "'" + d + "' is not a device id");
            }
            devices.add(d);
        }
        return Set.copyOf(devices);
    }

    private static Map<Field, String> fields(RuleSpec.Match match) throws InvalidRuleException {
        Map<Field, String> fields = new LinkedHashMap<>();
        if (match.fields() == null) return fields;
        for (Map.Entry<String, String> e : match.fields().entrySet()) {
            Field f = Field.ofKey(e.getKey());
            if (f == null) {
                throw new InvalidRuleException("match.fields." + e.getKey(), "unknown field (known: " + fieldKeys() + ")");
            }
            if (e.getValue() == null) {
                throw new InvalidRuleException("match.fields." + e.getKey(), "needs a value");
            }
            fields.put(f, e.getValue());
        }
        return fields;
    }

    private static Pattern text(RuleSpec.Match match) throws InvalidRuleException {
        if (match.text() == null || match.text().isEmpty()) return null;
        try {
            return Pattern.compile(match.text());
        } catch (PatternSyntaxException e) {
            throw new InvalidRuleException("match.text", "not a regular expression: " + e.getDescription()
                    + " near index " + e.getIndex());
        }
    }

    private static Duration duration(String key, String text, Duration fallback) throws InvalidRuleException {
        try {
            return DurationText.parse(text, fallback);
        } catch (IllegalArgumentException e) {
            throw new InvalidRuleException(key, e.getMessage());
        }
    }

    private static RuleMatcher.GroupBy groupBy(String key, String text) throws InvalidRuleException {
        if (key == null || key.isEmpty()) return RuleMatcher.GroupBy.NONE;
        if (key.equals("device")) return new RuleMatcher.GroupBy.ByDevice();
        if (key.equals("sender")) return new RuleMatcher.GroupBy.BySender();
        Field field = Field.ofKey(key);
        if (field != null) return new RuleMatcher.GroupBy.ByField(field);
        if (text != null) {
            var m = GROUP_NAME.matcher(text);
            while (m.find()) {
                if (m.group(1).equals(key)) return new RuleMatcher.GroupBy.ByRegexGroup(key);
            }
        }
        throw new InvalidRuleException("condition.group-by", "'" + key + "' is neither device, sender, a field ("
                + fieldKeys() + ") nor a named group (?<" + key + ">...) of match.text");
    }

    private static String fieldKeys() {
        StringBuilder b = new StringBuilder();
        for (Field f : Field.values()) {
            if (!b.isEmpty()) b.append(", ");
            b.append(f.key());
        }
        return b.toString();
    }

    /** A short statement of the condition, for mails and lists: "at least 6 within 10m per src_ip". */
    public String conditionText() {
        if (atLeast == 1 && window.isZero()) return "every match";
        String per = spec.condition() != null && spec.condition().groupBy() != null
                ? " per " + spec.condition().groupBy() : "";
        return "at least " + atLeast + " within " + DurationText.format(window) + per;
    }
}
