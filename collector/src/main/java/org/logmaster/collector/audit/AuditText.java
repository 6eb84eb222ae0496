package org.logmaster.collector.audit;

/**
 * Makes a field storable exactly as hashed: PostgreSQL refuses NUL characters and UTF-8 cannot
 * carry lone surrogates, so either would make the stored text differ from the hashed text and
 * break the chain. Both become U+FFFD; text longer than its column is cut (never inside a pair).
 */
final class AuditText {
    private AuditText() {}

    /**
     * Like {@link #clean}, but an empty text is stored as absent: the API shows absent fields as
     * empty strings, so a verifier outside can only tell them apart if "" is never stored.
     */
    static String optional(String text, int maxChars) {
        return text == null || text.isEmpty() ? null : clean(text, maxChars);
    }

    static String clean(String text, int maxChars) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxChars));
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            boolean loneSurrogate = width == 1 && Character.isSurrogate(text.charAt(i));
            int replacement = cp == 0 || loneSurrogate ? 0xFFFD : cp;
            if (out.length() + Character.charCount(replacement) > maxChars) {
                break;
            }
            out.appendCodePoint(replacement);
            i += width;
        }
        return out.toString();
    }
}
