package org.logmaster.collector.index;

import org.jooq.Field;

/**
 * Makes text fit an index column. The daily file keeps every byte; the index only has to be
 * searchable, so values are cut to the column's length (never inside a surrogate pair), and NUL
 * characters, which PostgreSQL text cannot hold, become U+FFFD like other unrepresentable bytes.
 */
final class IndexText {
    private IndexText() {}

    static String fit(String value, Field<String> column) {
        if (value == null) return null;
        int max = column.getDataType().length();
        String text = value.indexOf('\0') >= 0 ? value.replace('\0', '\uFFFD') : value;
        if (max <= 0 || text.length() <= max) return text;
        int end = max;
        if (Character.isHighSurrogate(text.charAt(end - 1))) end--;
        return text.substring(0, end);
    }
}
