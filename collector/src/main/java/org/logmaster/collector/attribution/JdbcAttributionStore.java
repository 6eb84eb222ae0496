package org.logmaster.collector.attribution;

import static org.logmaster.collector.index.schema.Sequences.ATTRIBUTION_IDS;
import static org.logmaster.collector.index.schema.Tables.ATTRIBUTION_ASSOCIATIONS;
import static org.logmaster.collector.index.schema.Tables.ATTRIBUTION_EVIDENCE;
import static org.logmaster.collector.index.schema.Tables.ATTRIBUTION_LEASES;
import static org.logmaster.collector.index.schema.Tables.ATTRIBUTION_STATICS;
import static org.logmaster.collector.index.schema.Tables.ATTRIBUTION_TRANSLATIONS;
import static org.logmaster.collector.index.schema.Tables.DEVICES;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.impl.DSL;
import org.logmaster.collector.index.schema.tables.records.AttributionAssociationsRecord;
import org.logmaster.collector.index.schema.tables.records.AttributionEvidenceRecord;
import org.logmaster.collector.index.schema.tables.records.AttributionLeasesRecord;
import org.logmaster.collector.index.schema.tables.records.AttributionTranslationsRecord;

/**
 * {@link AttributionStore} in the index database (tables of migration V41), on H2 and
 * PostgreSQL alike. A record is one row; its evidence, which only ever grows at the end, is in
 * attribution_evidence, so saving a renewed lease inserts the new evidence only. Static
 * registrations are the attribution_statics rows plus the static addresses of registered devices
 * (valid from registration to retirement; the registry keeps no history of address changes).
 *
 * <p>Works on the {@link DSLContext} it is given: pass a transaction's context to make a run of
 * saves atomic (see {@link AttributionFeed}).
 */
public final class JdbcAttributionStore implements AttributionStore {
    private static final String REGISTRY = "device registry";

    private final DSLContext db;

    public JdbcAttributionStore(DSLContext db) {
        this.db = db;
    }

    @Override
    public long nextId() {
        return db.nextval(ATTRIBUTION_IDS);
    }

    @Override
    public void save(Lease l) {
        var L = ATTRIBUTION_LEASES;
        db.insertInto(L)
                .set(L.ID, l.id()).set(L.IP, l.ip()).set(L.MAC, l.mac()).set(L.CLIENT_HOST, cut(l.clientHost(), 255))
                .set(L.SERVER, l.server()).set(L.START_TIME, utc(l.start())).set(L.END_TIME, utc(l.end()))
                .set(L.END_REASON, l.endReason().name())
                .onConflict(L.ID).doUpdate()
                .set(L.CLIENT_HOST, cut(l.clientHost(), 255)).set(L.END_TIME, utc(l.end()))
                .set(L.END_REASON, l.endReason().name())
                .execute();
        saveEvidence(l.id(), l.evidence());
    }

    @Override
    public List<Lease> leases(String ip, Instant from, Instant to) {
        var L = ATTRIBUTION_LEASES;
        List<AttributionLeasesRecord> rows = db.selectFrom(L)
                .where(L.IP.eq(ip)).and(overlaps(L.START_TIME, L.END_TIME, from, to))
                .orderBy(L.START_TIME, L.ID).fetch();
        Map<Long, List<Evidence>> evidence = evidence(rows.stream().map(AttributionLeasesRecord::getId).toList());
        return rows.stream().map(r -> new Lease(r.getId(), r.getIp(), r.getMac(), r.getClientHost(), r.getServer(),
                instant(r.getStartTime()), instant(r.getEndTime()), LeaseEnd.valueOf(r.getEndReason()),
                evidence.getOrDefault(r.getId(), List.of()))).toList();
    }

    @Override
    public void save(StaticAssignment s) {
        var S = ATTRIBUTION_STATICS;
        db.insertInto(S).set(S.ID, nextId()).set(S.IP, s.ip()).set(S.MAC, s.mac()).set(S.LABEL, cut(s.label(), 128))
                .set(S.VALID_FROM, utc(s.from())).set(S.VALID_UNTIL, utc(s.until())).set(S.SOURCE, cut(s.source(), 128))
                .execute();
    }

    @Override
    public List<StaticAssignment> statics(String ip) {
        var S = ATTRIBUTION_STATICS;
        List<StaticAssignment> out = new ArrayList<>(db.selectFrom(S).where(S.IP.eq(ip)).orderBy(S.ID).fetch(r ->
                new StaticAssignment(r.getIp(), r.getMac(), r.getLabel(), instant(r.getValidFrom()),
                        instant(r.getValidUntil()), r.getSource())));
        out.addAll(db.selectFrom(DEVICES).where(DEVICES.STATIC_IP.eq(ip)).orderBy(DEVICES.ID).fetch(r ->
                new StaticAssignment(r.getStaticIp(), r.getMac(), r.getName(), instant(r.getRegisteredAt()),
                        instant(r.getRetiredAt()), REGISTRY + " (" + r.getId() + ")")));
        return out;
    }

    @Override
    public void save(Translation t) {
        var T = ATTRIBUTION_TRANSLATIONS;
        db.insertInto(T)
                .set(T.ID, t.id()).set(T.DEVICE_ID, t.deviceId()).set(T.SESSION_KEY, cut(t.sessionKey(), 255))
                .set(T.PROTOCOL, cut(t.protocol(), 16)).set(T.INSIDE_IP, t.insideIp()).set(T.INSIDE_PORT, t.insidePort())
                .set(T.OUTSIDE_IP, t.outsideIp()).set(T.OUTSIDE_PORT_LOW, t.outsidePortLow())
                .set(T.OUTSIDE_PORT_HIGH, t.outsidePortHigh()).set(T.USER_NAME, cut(t.user(), 255))
                .set(T.START_TIME, utc(t.start())).set(T.START_BOUND, t.startBound().name())
                .set(T.END_TIME, utc(t.end())).set(T.END_BOUND, t.endBound().name())
                .onConflict(T.ID).doUpdate()
                .set(T.USER_NAME, cut(t.user(), 255)).set(T.END_TIME, utc(t.end())).set(T.END_BOUND, t.endBound().name())
                .execute();
        saveEvidence(t.id(), t.evidence());
    }

    @Override
    public List<Translation> translations(String outsideIp, Instant from, Instant to) {
        var T = ATTRIBUTION_TRANSLATIONS;
        return translations(T.OUTSIDE_IP.eq(outsideIp).and(overlaps(T.START_TIME, T.END_TIME, from, to)));
    }

    @Override
    public Optional<Translation> openTranslation(String deviceId, String sessionKey) {
        var T = ATTRIBUTION_TRANSLATIONS;
        return translations(T.DEVICE_ID.eq(deviceId).and(T.SESSION_KEY.eq(cut(sessionKey, 255))).and(T.END_TIME.isNull()))
                .stream().reduce((first, later) -> later);
    }

    private List<Translation> translations(Condition where) {
        var T = ATTRIBUTION_TRANSLATIONS;
        List<AttributionTranslationsRecord> rows = db.selectFrom(T).where(where).orderBy(T.START_TIME, T.ID).fetch();
        Map<Long, List<Evidence>> evidence = evidence(rows.stream().map(AttributionTranslationsRecord::getId).toList());
        return rows.stream().map(r -> new Translation(r.getId(), r.getDeviceId(), r.getSessionKey(), r.getProtocol(),
                r.getInsideIp(), r.getInsidePort(), r.getOutsideIp(), r.getOutsidePortLow(), r.getOutsidePortHigh(),
                r.getUserName(), instant(r.getStartTime()), Bound.valueOf(r.getStartBound()), instant(r.getEndTime()),
                Bound.valueOf(r.getEndBound()), evidence.getOrDefault(r.getId(), List.of()))).toList();
    }

    @Override
    public void save(Association a) {
        var A = ATTRIBUTION_ASSOCIATIONS;
        db.insertInto(A)
                .set(A.ID, a.id()).set(A.MAC, a.mac()).set(A.DEVICE_ID, a.deviceId()).set(A.IFACE, cut(a.iface(), 64))
                .set(A.USER_NAME, cut(a.user(), 255)).set(A.START_TIME, utc(a.start())).set(A.END_TIME, utc(a.end()))
                .onConflict(A.ID).doUpdate()
                .set(A.USER_NAME, cut(a.user(), 255)).set(A.END_TIME, utc(a.end()))
                .execute();
        saveEvidence(a.id(), a.evidence());
    }

    @Override
    public List<Association> associations(String mac, Instant from, Instant to) {
        var A = ATTRIBUTION_ASSOCIATIONS;
        return associations(A.MAC.eq(mac).and(overlaps(A.START_TIME, A.END_TIME, from, to)));
    }

    @Override
    public Optional<Association> openAssociation(String deviceId, String mac) {
        var A = ATTRIBUTION_ASSOCIATIONS;
        return associations(A.DEVICE_ID.eq(deviceId).and(A.MAC.eq(mac)).and(A.END_TIME.isNull()))
                .stream().reduce((first, later) -> later);
    }

    private List<Association> associations(Condition where) {
        var A = ATTRIBUTION_ASSOCIATIONS;
        List<AttributionAssociationsRecord> rows = db.selectFrom(A).where(where).orderBy(A.START_TIME, A.ID).fetch();
        Map<Long, List<Evidence>> evidence = evidence(rows.stream().map(AttributionAssociationsRecord::getId).toList());
        return rows.stream().map(r -> new Association(r.getId(), r.getMac(), r.getDeviceId(), r.getIface(),
                r.getUserName(), instant(r.getStartTime()), instant(r.getEndTime()),
                evidence.getOrDefault(r.getId(), List.of()))).toList();
    }

    /** Appends the evidence the table does not have yet: a record's evidence only grows at its end. */
    private void saveEvidence(long recordId, List<Evidence> evidence) {
        var E = ATTRIBUTION_EVIDENCE;
        Integer stored = db.select(DSL.max(E.SEQ)).from(E).where(E.RECORD_ID.eq(recordId)).fetchOne(0, Integer.class);
        int next = stored == null ? 0 : stored + 1;
        List<Query> inserts = new ArrayList<>();
        for (int seq = next; seq < evidence.size(); seq++) {
            Evidence e = evidence.get(seq);
            if (e.ref() == null) continue;  // only statics have evidence without a line; they are not stored here
            inserts.add(db.insertInto(E).set(E.RECORD_ID, recordId).set(E.SEQ, seq)
                    .set(E.DEVICE_ID, e.ref().deviceId()).set(E.FILE_DAY, e.ref().fileDay())
                    .set(E.FILE_OFFSET, e.ref().fileOffset()).set(E.EVIDENCE_TIME, utc(e.time()))
                    .set(E.WHAT, cut(e.what(), 64)));
        }
        if (inserts.size() == 1) {
            inserts.getFirst().execute();
        } else if (!inserts.isEmpty()) {
            db.batch(inserts).execute();
        }
    }

    private Map<Long, List<Evidence>> evidence(Collection<Long> recordIds) {
        if (recordIds.isEmpty()) return Map.of();
        var E = ATTRIBUTION_EVIDENCE;
        Map<Long, List<Evidence>> out = new HashMap<>();
        for (AttributionEvidenceRecord r : db.selectFrom(E).where(E.RECORD_ID.in(recordIds)).orderBy(E.RECORD_ID, E.SEQ).fetch()) {
            out.computeIfAbsent(r.getRecordId(), k -> new ArrayList<>()).add(new Evidence(
                    new EvidenceRef(r.getDeviceId(), r.getFileDay(), r.getFileOffset()), instant(r.getEvidenceTime()), r.getWhat()));
        }
        return out;
    }

    /** The interval rule of {@link Interval#overlaps} in SQL: starts by {@code to}, ends (if at all) at or after {@code from}. */
    private static Condition overlaps(Field<OffsetDateTime> start, Field<OffsetDateTime> end, Instant from, Instant to) {
        return start.le(utc(to)).and(end.isNull().or(end.ge(utc(from))));
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
