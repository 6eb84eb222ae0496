package org.logmaster.collector.alert;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.logmaster.collector.parse.Field;

/**
 * The compiled match part of a rule. Cheap tests (device, severity, fields) run before the
 * regular expression, which is the only costly one.
 */
public final class RuleMatcher {
    /** The result of a match that failed. */
    static final String NO_MATCH = null;

    private final Set<String> devices;
    private final Integer maxSeverity;
    private final Field[] fieldKeys;
    private final String[] fieldValues;
    private final Pattern text;
    private final GroupBy groupBy;

    RuleMatcher(Set<String> devices, Integer maxSeverity, Map<Field, String> fields, Pattern text, GroupBy groupBy) {
        this.devices = devices;
        this.maxSeverity = maxSeverity;
        this.fieldKeys = fields.keySet().toArray(Field[]::new);
        this.fieldValues = fields.values().toArray(String[]::new);
        this.text = text;
        this.groupBy = groupBy;
    }

    /** The event's group key (empty when the rule groups nothing) when it matches, else {@link #NO_MATCH}. */
    String match(ObservedEvent e) {
        if (devices != null && !devices.contains(e.device())) return NO_MATCH;
        if (maxSeverity != null && (e.severity() == null || e.severity() > maxSeverity)) return NO_MATCH;
        for (int i = 0; i < fieldKeys.length; i++) {
            if (!fieldValues[i].equals(e.fields().get(fieldKeys[i]))) return NO_MATCH;
        }
        Matcher m = null;
        if (text != null) {
            m = text.matcher(e.message());
            if (!m.find()) return NO_MATCH;
        }
        return groupBy.key(e, m);
    }

    /** How a matching event is put in a group; an event lacking the grouping value is not counted. */
    sealed interface GroupBy {
        GroupBy NONE = new Everything();

        String key(ObservedEvent e, Matcher m);

        record Everything() implements GroupBy {
            public String key(ObservedEvent e, Matcher m) { return ""; }
        }

        record ByField(Field field) implements GroupBy {
            public String key(ObservedEvent e, Matcher m) { return e.fields().get(field); }
        }

        record ByRegexGroup(String group) implements GroupBy {
            public String key(ObservedEvent e, Matcher m) { return m.group(group); }
        }

        record ByDevice() implements GroupBy {
            public String key(ObservedEvent e, Matcher m) { return e.device(); }
        }

        record BySender() implements GroupBy {
            public String key(ObservedEvent e, Matcher m) { return e.sender(); }
        }

        static List<String> fixedNames() {
            return List.of("device", "sender");
        }
    }
}
