package org.logmaster.collector.audit;

import java.util.List;

/**
 * Walks the whole audit chain in seq order, a page at a time, and reports the first broken link:
 * a missing seq (deleted row), a prev_hash that is not the previous entry's hash (row inserted,
 * replaced or re-hashed), or a hash that does not match the entry's contents (row modified).
 */
public final class AuditVerifier {
    private static final int PAGE = 1000;
    private final AuditTrail trail;

    public AuditVerifier(AuditTrail trail) {
        this.trail = trail;
    }

    public AuditVerification verify() {
        long expectedSeq = 1;
        String previousHash = AuditHash.GENESIS;
        long checked = 0;
        List<AuditEntry> page;
        do {
            page = trail.after(expectedSeq - 1, PAGE);
            for (AuditEntry entry : page) {
                if (entry.seq() != expectedSeq) {
                    return AuditVerification.broken(checked, expectedSeq,
                            "entry " + expectedSeq + " is missing (the next entry present is " + entry.seq() + ")", previousHash);
                }
                if (!entry.prevHash().equals(previousHash)) {
                    return AuditVerification.broken(checked, entry.seq(),
                            "prev_hash is not the hash of entry " + (entry.seq() - 1), previousHash);
                }
                if (!AuditHash.of(entry).equals(entry.hash())) {
                    return AuditVerification.broken(checked, entry.seq(),
                            "hash does not match the entry's contents", previousHash);
                }
                checked++;
                previousHash = entry.hash();
                expectedSeq++;
            }
        } while (page.size() == PAGE);
        return AuditVerification.ok(checked, previousHash);
    }
}
