package org.logmaster.collector.audit;

import static org.logmaster.collector.index.schema.Tables.AUDIT_LOG;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.logmaster.collector.index.schema.tables.records.AuditLogRecord;

/**
 * The append-only, hash-chained audit trail. Appends are serialized: in this process by a lock,
 * and between collectors sharing one database by the primary key on seq (a writer that lost the
 * race for a seq retries on the new head), so the chain stays one line.
 */
public final class AuditTrail {
    private static final int MAX_RETRIES = 10;

    private final DSLContext db;
    private final Clock clock;
    private final ReentrantLock appending = new ReentrantLock();

    public AuditTrail(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Appends {@code event} as the new head of the chain and returns the stored entry. */
    public AuditEntry append(AuditEvent event) {
        appending.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return db.transactionResult(tx -> appendAfterHead(tx.dsl(), event));
                } catch (IntegrityConstraintViolationException raced) {
                    if (attempt >= MAX_RETRIES) throw raced;
                }
            }
        } finally {
            appending.unlock();
        }
    }

    private AuditEntry appendAfterHead(DSLContext tx, AuditEvent event) {
        var head = tx.select(AUDIT_LOG.SEQ, AUDIT_LOG.HASH).from(AUDIT_LOG)
                .orderBy(AUDIT_LOG.SEQ.desc()).limit(1).fetchOptional();
        long seq = head.map(r -> r.value1() + 1).orElse(1L);
        String prevHash = head.map(r -> r.value2()).orElse(AuditHash.GENESIS);
        Instant time = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String username = AuditText.optional(event.username(), AUDIT_LOG.USERNAME.getDataType().length());
        String remote = AuditText.optional(event.remoteAddress(), AUDIT_LOG.REMOTE_ADDRESS.getDataType().length());
        String action = AuditText.clean(event.action(), AUDIT_LOG.ACTION.getDataType().length());
        String target = AuditText.optional(event.target(), AUDIT_LOG.TARGET.getDataType().length());
        String outcome = AuditText.clean(event.outcome(), AUDIT_LOG.OUTCOME.getDataType().length());
        String details = AuditText.optional(event.details(), AUDIT_LOG.DETAILS.getDataType().length());
        String hash = AuditHash.of(seq, time, username, remote, action, target, outcome, details, prevHash);
        AuditEntry entry = new AuditEntry(seq, time, username, remote, action, target, outcome, details, prevHash, hash);
        tx.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.SEQ, seq)
                .set(AUDIT_LOG.EVENT_TIME, OffsetDateTime.ofInstant(time, ZoneOffset.UTC))
                .set(AUDIT_LOG.USERNAME, username)
                .set(AUDIT_LOG.REMOTE_ADDRESS, remote)
                .set(AUDIT_LOG.ACTION, action)
                .set(AUDIT_LOG.TARGET, target)
                .set(AUDIT_LOG.OUTCOME, outcome)
                .set(AUDIT_LOG.DETAILS, details)
                .set(AUDIT_LOG.PREV_HASH, prevHash)
                .set(AUDIT_LOG.HASH, hash)
                .execute();
        return entry;
    }

    /** Entries matching {@code query} in chain order, at most {@code query.limit()}. */
    public List<AuditEntry> query(AuditQuery query) {
        Condition where = AUDIT_LOG.SEQ.gt(query.afterSeq());
        if (query.from() != null) where = where.and(AUDIT_LOG.EVENT_TIME.ge(OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC)));
        if (query.to() != null) where = where.and(AUDIT_LOG.EVENT_TIME.lt(OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC)));
        if (query.username() != null) where = where.and(AUDIT_LOG.USERNAME.eq(query.username()));
        if (query.actionContains() != null) where = where.and(AUDIT_LOG.ACTION.contains(query.actionContains()));
        return db.selectFrom(AUDIT_LOG).where(where).orderBy(AUDIT_LOG.SEQ).limit(query.limit()).fetch(AuditTrail::toEntry);
    }

    /** Entries with seq greater than {@code afterSeq}, in chain order, at most {@code limit}. */
    List<AuditEntry> after(long afterSeq, int limit) {
        return db.selectFrom(AUDIT_LOG).where(AUDIT_LOG.SEQ.gt(afterSeq)).orderBy(AUDIT_LOG.SEQ).limit(limit)
                .fetch(AuditTrail::toEntry);
    }

    static AuditEntry toEntry(AuditLogRecord r) {
        return new AuditEntry(r.getSeq(), r.getEventTime().toInstant(), r.getUsername(), r.getRemoteAddress(),
                r.getAction(), r.getTarget(), r.getOutcome(), r.getDetails(), r.getPrevHash(), r.getHash());
    }
}
