package org.logmaster.collector.auth;

/**
 * One thing a caller may do. Every gRPC method needs exactly one of these; which role has which
 * is decided in one place, {@link RolePermissions}.
 */
public enum Permission {
    /** Own session: who am I, log out, change my password, API reflection. */
    SESSION,
    /** Read stored messages: tail, search, histogram. */
    LOGS_READ,
    /** List registered devices and unknown senders. */
    DEVICES_READ,
    /** Register, update and retire devices. */
    DEVICES_MANAGE,
    /** Create users, change roles, disable, enable, reset passwords, list users. */
    USERS_MANAGE,
    /** Read and verify the audit trail. */
    AUDIT_READ,
    /** Make signed evidence exports. */
    EVIDENCE_EXPORT,
    /** Read seal and compliance status. */
    COMPLIANCE_READ,
    /** List and stream alerts, list alert rules. */
    ALERTS_READ,
    /** Acknowledge alerts. */
    ALERTS_ACKNOWLEDGE,
    /** Create, change and delete alert rules. */
    ALERT_RULES_MANAGE
}
