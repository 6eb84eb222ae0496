package org.logmaster.collector.audit;

/**
 * The result of checking the audit chain.
 *
 * @param brokenAtSeq the first broken entry (for a missing one, the missing seq); 0 when intact
 * @param problem     why that link is broken; null when intact
 * @param headHash    hash of the last entry checked: noting it lets a later check detect a
 *                    truncated tail, which the chain alone cannot show
 */
public record AuditVerification(boolean intact, long entriesChecked, long brokenAtSeq, String problem, String headHash) {
    static AuditVerification ok(long checked, String headHash) {
        return new AuditVerification(true, checked, 0, null, headHash);
    }

    static AuditVerification broken(long checked, long seq, String problem, String headHash) {
        return new AuditVerification(false, checked, seq, problem, headHash);
    }
}
