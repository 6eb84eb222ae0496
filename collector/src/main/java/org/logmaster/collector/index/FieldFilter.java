package org.logmaster.collector.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.logmaster.collector.parse.Field;

/**
 * One "field equals value" condition of a search, e.g. {@code srcip=10.0.0.5}. Field names are
 * those of the {@link Field} vocabulary ({@code src_ip}), written with or without the
 * underscores and in any case, so the vendors' spellings work too ({@code srcip}, {@code SRC_IP},
 * {@code natsrcip}). Values match exactly, except that MAC addresses, actions and protocols are
 * compared in lower case, as the dialects store them.
 */
public record FieldFilter(Field field, String value) {

    public FieldFilter {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) throw new IllegalArgumentException(field.key() + ": the value is empty");
        if (field == Field.MAC || field == Field.ACTION || field == Field.PROTOCOL || field == Field.EVENT) {
            value = value.toLowerCase(Locale.ROOT);
        }
        if (field == Field.MAC) value = value.replace('-', ':');
    }

    /** {@code name=value}; IllegalArgumentException naming the known fields for an unknown name. */
    public static FieldFilter parse(String term) {
        int eq = term.indexOf('=');
        if (eq <= 0) throw new IllegalArgumentException("'" + term + "' is not name=value (e.g. srcip=10.0.0.5)");
        String name = term.substring(0, eq).strip();
        Field field = fieldNamed(name);
        if (field == null) {
            throw new IllegalArgumentException("'" + name + "' is no searchable field; known: " + knownNames());
        }
        return new FieldFilter(field, term.substring(eq + 1).strip());
    }

    /** Every space-separated term of {@code terms}, each {@code name=value}. */
    public static List<FieldFilter> parseAll(List<String> terms) {
        List<FieldFilter> filters = new ArrayList<>();
        for (String term : terms) {
            for (String t : term.strip().split("\\s+")) {
                if (!t.isEmpty()) filters.add(parse(t));
            }
        }
        return filters;
    }

    /** The field for a name written as {@code src_ip}, {@code srcip} or {@code SRC-IP}; null if none. */
    static Field fieldNamed(String name) {
        String wanted = squeeze(name);
        for (Field f : Field.values()) {
            if (squeeze(f.key()).equals(wanted)) return f;
        }
        return null;
    }

    private static String squeeze(String name) {
        return name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    }

    private static String knownNames() {
        List<String> names = new ArrayList<>();
        for (Field f : Field.values()) names.add(f.key());
        return String.join(", ", names);
    }

    @Override
    public String toString() {
        return field.key() + "=" + value;
    }
}
