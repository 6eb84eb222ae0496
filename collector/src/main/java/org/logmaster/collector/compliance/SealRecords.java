package org.logmaster.collector.compliance;

import static org.logmaster.collector.index.schema.Tables.SEALS;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;
import org.logmaster.collector.enrich.DeviceId;
import org.logmaster.collector.index.schema.tables.records.SealsRecord;
import org.logmaster.collector.seal.BuiltInTsa;
import org.logmaster.collector.seal.DayVerification;
import org.logmaster.collector.seal.SealFiles;
import org.logmaster.collector.seal.SealStatement;
import org.logmaster.collector.seal.SealedDay;

/**
 * The seals table: an index of the seal files, so that status queries need neither the files nor
 * any hashing. Rows are written when a day is sealed, rebuilt from the files when missing, and
 * updated by verification and by the archive.
 */
public final class SealRecords {
    private static final int MAX_PROBLEM = 2000;
    private final DSLContext db;

    public SealRecords(DSLContext db) {
        this.db = db;
    }

    /** Records a sealed day; a row that exists already (another collector, a re-run) is left as it is. */
    public void recordSealed(SealedDay sealed) {
        SealStatement s = sealed.statement();
        try {
            db.insertInto(SEALS)
                    .set(SEALS.DEVICE_ID, s.device().value())
                    .set(SEALS.SEAL_DAY, s.day())
                    .set(SEALS.FILE_NAME, s.fileName())
                    .set(SEALS.FILE_SIZE, s.fileSize())
                    .set(SEALS.LINE_COUNT, s.lineCount())
                    .set(SEALS.FILE_SHA256, s.fileSha256())
                    .set(SEALS.STATEMENT_SHA256, sealed.statementSha256())
                    .set(SEALS.PREVIOUS_DAY, s.previous().map(SealStatement.PreviousSeal::day).orElse(null))
                    .set(SEALS.SEALED_AT, utc(s.sealedAt()))
                    .set(SEALS.TSA_TIME, sealed.tsaTime() == null ? null : utc(sealed.tsaTime()))
                    .set(SEALS.TSA_LABEL, s.tsaLabel())
                    .set(SEALS.BUILTIN_TSA, BuiltInTsa.LABEL.equals(s.tsaLabel()))
                    .set(SEALS.SIGNER_FINGERPRINT, s.signerFingerprint())
                    .set(SEALS.STORAGE, SealRecord.PLAIN)
                    .execute();
        } catch (IntegrityConstraintViolationException e) {
            // recorded already: the files are the evidence, the row only indexes them
        }
    }

    /**
     * Adds the row of a day sealed outside this process (the {@code seal} command) from its seal
     * files; reads only the small statement and time stamp.
     *
     * @return the row, or empty when the day has no readable seal statement
     */
    public Optional<SealRecord> ensureIndexed(Path dataDir, DeviceId device, LocalDate day) throws IOException {
        Optional<SealRecord> row = find(device, day);
        if (row.isPresent()) {
            return row;
        }
        try {
            Optional<SealedDay> sealed = SealFiles.read(dataDir, device, day);
            sealed.ifPresent(this::recordSealed);
            return sealed.isPresent() ? find(device, day) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not a statement: verification reports it
        }
    }

    public boolean exists(DeviceId device, LocalDate day) {
        return db.fetchExists(SEALS, key(device, day));
    }

    /** Stores what verifying a day found: OK, or its first problem. */
    public void recordVerification(DayVerification verification, Instant at) {
        db.update(SEALS)
                .set(SEALS.VERIFIED_AT, utc(at))
                .set(SEALS.VERIFIED_OK, verification.ok())
                .set(SEALS.VERIFY_PROBLEM, verification.problems().isEmpty() ? null
                        : truncate(verification.problems().getFirst().toString()))
                .where(key(verification.device(), verification.day()))
                .execute();
    }

    /** Marks a day compressed or deleted by the archive. */
    public void recordStorage(DeviceId device, LocalDate day, String storage) {
        db.update(SEALS).set(SEALS.STORAGE, storage).where(key(device, day)).execute();
    }

    /** Rows of the given devices (all when empty) with days in [from, to], by device and day. */
    public List<SealRecord> find(List<DeviceId> devices, LocalDate from, LocalDate to) {
        Condition where = DSL.trueCondition();
        if (!devices.isEmpty()) {
            where = where.and(SEALS.DEVICE_ID.in(devices.stream().map(DeviceId::value).toList()));
        }
        if (from != null) where = where.and(SEALS.SEAL_DAY.ge(from));
        if (to != null) where = where.and(SEALS.SEAL_DAY.le(to));
        return db.selectFrom(SEALS).where(where).orderBy(SEALS.DEVICE_ID, SEALS.SEAL_DAY).fetch(SealRecords::toRecord);
    }

    public Optional<SealRecord> find(DeviceId device, LocalDate day) {
        return db.selectFrom(SEALS).where(key(device, day)).fetchOptional(SealRecords::toRecord);
    }

    private static Condition key(DeviceId device, LocalDate day) {
        return SEALS.DEVICE_ID.eq(device.value()).and(SEALS.SEAL_DAY.eq(day));
    }

    private static SealRecord toRecord(SealsRecord r) {
        return new SealRecord(new DeviceId(r.getDeviceId()), r.getSealDay(), r.getFileName(), r.getFileSize(),
                r.getLineCount(), r.getFileSha256(), r.getStatementSha256(), Optional.ofNullable(r.getPreviousDay()),
                r.getSealedAt().toInstant(), Optional.ofNullable(r.getTsaTime()).map(OffsetDateTime::toInstant),
                r.getTsaLabel(), r.getBuiltinTsa(), r.getSignerFingerprint(), r.getStorage(),
                Optional.ofNullable(r.getVerifiedAt()).map(OffsetDateTime::toInstant),
                Optional.ofNullable(r.getVerifiedOk()), Optional.ofNullable(r.getVerifyProblem()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String truncate(String text) {
        return text.length() <= MAX_PROBLEM ? text : text.substring(0, MAX_PROBLEM - 1) + "…";
    }
}
