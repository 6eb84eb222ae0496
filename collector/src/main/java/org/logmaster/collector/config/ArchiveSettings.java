package org.logmaster.collector.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code archive:} section: what happens to closed days as they age.
 *
 * @param compressAfterDays sealed days older than this are gzip-compressed (0: never)
 * @param retentionDays     days older than this are deleted, with an audit entry (Law 5651: two years)
 * @param deleteUnsealed    whether an unsealed day past retention may be deleted too (default: kept, and reported)
 */
public record ArchiveSettings(
        @JsonProperty("compress-after-days") Integer compressAfterDays,
        @JsonProperty("retention-days") Integer retentionDays,
        @JsonProperty("delete-unsealed") Boolean deleteUnsealed) {
    public static final int DEFAULT_RETENTION_DAYS = 2 * 365 + 1;

    public ArchiveSettings {
        compressAfterDays = compressAfterDays != null ? compressAfterDays : 30;
        retentionDays = retentionDays != null ? retentionDays : DEFAULT_RETENTION_DAYS;
        deleteUnsealed = deleteUnsealed != null && deleteUnsealed;
    }

    public static ArchiveSettings defaults() {
        return new ArchiveSettings(null, null, null);
    }
}
