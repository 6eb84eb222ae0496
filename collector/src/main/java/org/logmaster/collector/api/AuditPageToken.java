package org.logmaster.collector.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** QueryAudit's page token: the seq of the last entry served, wrapped so clients treat it as opaque. */
final class AuditPageToken {
    private static final String PREFIX = "audit:";

    private AuditPageToken() {}

    static String after(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + seq).getBytes(StandardCharsets.US_ASCII));
    }

    /** The seq to continue after; 0 for an empty token. */
    static long seqOf(String token) {
        if (token == null || token.isEmpty()) return 0;
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
            if (text.startsWith(PREFIX)) {
                long seq = Long.parseLong(text.substring(PREFIX.length()));
                if (seq >= 0) return seq;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException("invalid page_token");
    }
}
