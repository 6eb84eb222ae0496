package org.logmaster.collector.archive;

/**
 * When closed days are compressed and deleted.
 *
 * @param compressAfterDays sealed days older than this many days are compressed; 0: never
 * @param retentionDays     days older than this many days are deleted
 * @param deleteUnsealed    whether unsealed days past retention are deleted too (default: kept and reported)
 */
public record ArchivePolicy(int compressAfterDays, int retentionDays, boolean deleteUnsealed) {
    public ArchivePolicy {
        if (retentionDays < 1) throw new IllegalArgumentException("retention must be at least one day");
        if (compressAfterDays < 0) throw new IllegalArgumentException("compress-after-days cannot be negative");
    }
}
