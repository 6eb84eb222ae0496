package org.logmaster.collector.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Tail's cursor: the id of the last row an item covered, wrapped so clients treat it as opaque. */
final class TailCursor {
    private static final String PREFIX = "tail:";

    private TailCursor() {}

    static String after(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** The row id to continue after; -1 for an empty cursor (live only). */
    static long idOf(String cursor) {
        if (cursor == null || cursor.isEmpty()) return -1;
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (text.startsWith(PREFIX)) {
                long id = Long.parseLong(text.substring(PREFIX.length()));
                if (id >= 0) return id;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException("invalid resume_from cursor");
    }
}
