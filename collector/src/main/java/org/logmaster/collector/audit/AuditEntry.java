package org.logmaster.collector.audit;

import java.time.Instant;

/**
 * One link of the audit chain as stored.
 *
 * @param seq      1, 2, 3, ... without gaps
 * @param time     when it was appended, UTC, millisecond precision
 * @param prevHash hex SHA-256 of the previous entry ({@link AuditHash#GENESIS} for the first)
 * @param hash     hex SHA-256 of this entry ({@link AuditHash#of})
 */
public record AuditEntry(long seq, Instant time, String username, String remoteAddress, String action,
                         String target, String outcome, String details, String prevHash, String hash) {}
