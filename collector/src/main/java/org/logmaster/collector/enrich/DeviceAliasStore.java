package org.logmaster.collector.enrich;

import static org.logmaster.collector.index.schema.Tables.DEVICE_ALIASES;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.logmaster.collector.index.DeviceAlias;
import org.logmaster.collector.index.DeviceAliases;
import org.logmaster.collector.index.schema.tables.records.DeviceAliasesRecord;

/**
 * The device_aliases table: which unknown-sender ids became which registered device, and when.
 *
 * <p>Why aliases and not moving files: a daily file is the legal record. Moving or renaming it
 * (perhaps sealed already, perhaps being written or indexed at that moment) would break the seal
 * chain of both folders and race with the writer and the indexer; copying would duplicate
 * messages. So the files of the unknown id stay as they are, complete and verifiable, new
 * messages go to the device's own folder from the moment of assignment, and searches by the
 * device cover both (see {@link DeviceAlias}): no message is lost, none is duplicated, and the
 * index needs no rewrite.
 */
public final class DeviceAliasStore implements DeviceAliases {
    private final DSLContext db;

    public DeviceAliasStore(DSLContext db) {
        this.db = db;
    }

    /**
     * Records that {@code assignment.previous()}'s rows arrived before {@code at} belong to
     * {@code assignment.device()}. Idempotent: when the latest assignment of that id names the
     * same device already, it is only moved forward to {@code at} (the sender came back as unknown
     * in between, or the same assignment is reported twice).
     *
     * @return true when a new alias was recorded, false when an existing one was extended
     */
    public boolean record(SenderAssignment assignment, Instant at) {
        String alias = assignment.previous().value();
        OffsetDateTime time = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        try {
            return db.transactionResult(tx -> {
                DSLContext t = tx.dsl();
                DeviceAliasesRecord latest = t.selectFrom(DEVICE_ALIASES).where(DEVICE_ALIASES.ALIAS_ID.eq(alias))
                        .orderBy(DEVICE_ALIASES.ASSIGNED_AT.desc()).limit(1).fetchOne();
                if (latest != null && latest.getDeviceId().equals(assignment.device().value())) {
                    if (latest.getAssignedAt().isBefore(time)) {
                        t.update(DEVICE_ALIASES).set(DEVICE_ALIASES.ASSIGNED_AT, time)
                                .where(DEVICE_ALIASES.ALIAS_ID.eq(alias))
                                .and(DEVICE_ALIASES.ASSIGNED_AT.eq(latest.getAssignedAt()))
                                .execute();
                    }
                    return false;
                }
                t.insertInto(DEVICE_ALIASES)
                        .set(DEVICE_ALIASES.ALIAS_ID, alias)
                        .set(DEVICE_ALIASES.ASSIGNED_AT, time)
                        .set(DEVICE_ALIASES.DEVICE_ID, assignment.device().value())
                        .set(DEVICE_ALIASES.SENDER, assignment.sender().getHostAddress())
                        .execute();
                return true;
            });
        } catch (IntegrityConstraintViolationException e) {
            return false;  // another collector sharing the database recorded it at the same instant
        }
    }

    @Override
    public List<DeviceAlias> of(Collection<DeviceId> devices) {
        if (devices.isEmpty()) return List.of();
        Set<String> wanted = devices.stream().map(DeviceId::value).collect(Collectors.toSet());
        List<String> aliasIds = db.selectDistinct(DEVICE_ALIASES.ALIAS_ID).from(DEVICE_ALIASES)
                .where(DEVICE_ALIASES.DEVICE_ID.in(wanted)).fetch(DEVICE_ALIASES.ALIAS_ID);
        if (aliasIds.isEmpty()) return List.of();
        List<DeviceAlias> result = new ArrayList<>();
        String previousAlias = null;
        Instant previousTime = null;
        for (DeviceAliasesRecord r : db.selectFrom(DEVICE_ALIASES).where(DEVICE_ALIASES.ALIAS_ID.in(aliasIds))
                .orderBy(DEVICE_ALIASES.ALIAS_ID, DEVICE_ALIASES.ASSIGNED_AT).fetch()) {
            // an alias id's interval starts where its previous assignment (to any device) ended
            Instant from = r.getAliasId().equals(previousAlias) ? previousTime : null;
            Instant until = r.getAssignedAt().toInstant();
            if (wanted.contains(r.getDeviceId())) {
                result.add(new DeviceAlias(new DeviceId(r.getDeviceId()), new DeviceId(r.getAliasId()), from, until));
            }
            previousAlias = r.getAliasId();
            previousTime = until;
        }
        return result;
    }
}
