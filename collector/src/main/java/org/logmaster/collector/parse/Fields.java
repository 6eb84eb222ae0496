package org.logmaster.collector.parse;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The normalised fields of one event: at most one text value per {@link Field}. An array
 * indexed by the field's ordinal rather than a map, because most events carry a handful of
 * fields and the parser makes one of these per message. Immutable; {@link #EMPTY} for
 * messages no dialect understood.
 */
public final class Fields {
    public static final Fields EMPTY = new Fields(new String[Field.count()]);

    private final String[] values;

    private Fields(String[] values) {
        this.values = values;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The value, or null when the field is absent. */
    public String get(Field field) {
        return values[field.ordinal()];
    }

    public boolean has(Field field) {
        return values[field.ordinal()] != null;
    }

    public boolean isEmpty() {
        for (String v : values) {
            if (v != null) {
                return false;
            }
        }
        return true;
    }

    /** The present fields by {@link Field#key()}, in vocabulary order: for the index and the API. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                map.put(Field.at(i).key(), values[i]);
            }
        }
        return Collections.unmodifiableMap(map);
    }

    /** A builder holding these values, to add to them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        System.arraycopy(values, 0, b.values, 0, values.length);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fields other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return asMap().toString();
    }

    /** Collects values; null and empty values are ignored so that dialects need not check. */
    public static final class Builder {
        private final String[] values = new String[Field.count()];

        private Builder() {}

        public Builder put(Field field, String value) {
            if (value != null && !value.isEmpty()) {
                values[field.ordinal()] = value;
            }
            return this;
        }

        /** Puts the value only when the field has none yet. */
        public Builder putIfAbsent(Field field, String value) {
            return values[field.ordinal()] == null ? put(field, value) : this;
        }

        public String get(Field field) {
            return values[field.ordinal()];
        }

        public Fields build() {
            return new Fields(values.clone());
        }
    }
}
