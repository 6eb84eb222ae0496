package org.logmaster.collector.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.logmaster.collector.enrich.DeviceId;

/**
 * One row of the seals table: what a day's seal says and what its last verification found.
 *
 * @param storage        {@link #PLAIN}, {@link #GZIP} or {@link #DELETED}
 * @param verifiedOk     empty until the day was verified
 * @param verifyProblem  the first problem of the last verification, if any
 */
public record SealRecord(DeviceId device, LocalDate day, String fileName, long fileSize, long lineCount,
                         String fileSha256, String statementSha256, Optional<LocalDate> previousDay,
                         Instant sealedAt, Optional<Instant> tsaTime, String tsaLabel, boolean builtInTsa,
                         String signerFingerprint, String storage, Optional<Instant> verifiedAt,
                         Optional<Boolean> verifiedOk, Optional<String> verifyProblem) {
    public static final String PLAIN = "plain";
    public static final String GZIP = "gzip";
    public static final String DELETED = "deleted";
}
