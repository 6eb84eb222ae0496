package org.logmaster.collector.alert;

import static org.logmaster.collector.index.schema.Tables.ALERTS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.NoSuchElementException;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.logmaster.collector.index.schema.tables.records.AlertsRecord;

/** The alerts table: every raised alert, and who acknowledged it when. */
public final class AlertStore implements AlertRecorder {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_GROUP_KEY = 1024;
    private static final int MAX_SUMMARY = 4096;

    private final DSLContext db;

    public AlertStore(DSLContext db) {
        this.db = db;
    }

    @Override
    public Alert record(Alert alert) {
        AlertsRecord r = db.newRecord(ALERTS);
        r.setRuleName(alert.rule());
        r.setSeverity(alert.severity().key());
        r.setRaisedAt(OffsetDateTime.ofInstant(alert.raisedAt(), ZoneOffset.UTC));
        r.setGroupKey(cut(alert.groupKey(), MAX_GROUP_KEY));
        r.setMatches(alert.matches());
        r.setSummary(cut(alert.summary(), MAX_SUMMARY));
        r.setEvidence(json(alert.evidence()));
        r.setDeviceId(alert.trigger() != null ? alert.trigger().device() : null);
        r.store();
        return alert.withId(r.getId());
    }

    /** Newest first: at most {@code limit} alerts with an id below {@code beforeId} (0: no bound). */
    public List<StoredAlert> list(int limit, long beforeId, boolean unacknowledgedOnly) {
        Condition c = DSL.trueCondition();
        if (beforeId > 0) c = c.and(ALERTS.ID.lt(beforeId));
        if (unacknowledgedOnly) c = c.and(ALERTS.ACKNOWLEDGED_AT.isNull());
        return db.selectFrom(ALERTS).where(c).orderBy(ALERTS.ID.desc()).limit(limit).fetch(AlertStore::stored);
    }

    /**
     * Acknowledges the alerts not acknowledged yet (first acknowledgement wins) and returns all of
     * them; NoSuchElementException names an id that does not exist, and then nothing is changed.
     */
    public List<StoredAlert> acknowledge(Collection<Long> ids, String user, Instant at) {
        return db.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            List<Long> known = t.select(ALERTS.ID).from(ALERTS).where(ALERTS.ID.in(ids)).fetch(ALERTS.ID);
            for (Long id : ids) {
                if (!known.contains(id)) throw new NoSuchElementException("no alert with id " + id);
            }
            t.update(ALERTS).set(ALERTS.ACKNOWLEDGED_AT, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                    .set(ALERTS.ACKNOWLEDGED_BY, user)
                    .where(ALERTS.ID.in(ids)).and(ALERTS.ACKNOWLEDGED_AT.isNull()).execute();
            return t.selectFrom(ALERTS).where(ALERTS.ID.in(ids)).orderBy(ALERTS.ID.desc()).fetch(AlertStore::stored);
        });
    }

    /** An alert as read back from the index (the trigger event is not stored, only its device). */
    public record StoredAlert(Alert alert, String deviceId) {}

    private static StoredAlert stored(AlertsRecord r) {
        Alert a = new Alert(r.getId(), r.getRuleName(), AlertSeverity.ofKey(r.getSeverity()),
                r.getRaisedAt().toInstant(), r.getGroupKey(), r.getMatches(), r.getSummary(), evidence(r.getEvidence()),
                null, r.getAcknowledgedAt() == null ? null : r.getAcknowledgedAt().toInstant(), r.getAcknowledgedBy());
        return new StoredAlert(a, r.getDeviceId());
    }

    private static String json(List<String> lines) {
        try {
            return JSON.writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> evidence(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() {});
        } catch (JsonProcessingException e) {
            return List.of(json);
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
