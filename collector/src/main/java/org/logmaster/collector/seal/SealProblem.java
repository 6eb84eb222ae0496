package org.logmaster.collector.seal;

/** One thing wrong with a sealed day, with a sentence that says exactly what. */
public record SealProblem(Kind kind, String detail) {
    public enum Kind {
        /** The daily file's content differs from what was sealed. */
        CHANGED,
        /** The daily file is shorter than when it was sealed. */
        TRUNCATED,
        /** The daily file has bytes appended after it was sealed (the sealed part is intact). */
        EXTENDED,
        /** A sealed day is gone: its log vanished, or a later seal links to a seal that no longer exists. */
        MISSING_DAY,
        /** The link to the previous seal does not hold: that seal changed, or a day was sealed in between. */
        CHAIN_BROKEN,
        /** The statement's CMS signature is missing, unreadable, or does not match the statement. */
        BAD_SIGNATURE,
        /** The signature is valid, but made with a key that is not a trusted appliance key. */
        WRONG_KEY,
        /** The time-stamp response is missing, not granted, its signature fails, or its TSA is not trusted. */
        BAD_TIMESTAMP,
        /** The time stamp is valid but stamps something other than this day's signature file. */
        TOKEN_MISMATCH,
        /** A closed day has a daily file but no seal statement. */
        UNSEALED,
        /** The statement is not a LogMaster seal statement, or describes another device, day or file. */
        MALFORMED
    }

    @Override
    public String toString() {
        return kind + ": " + detail;
    }
}
