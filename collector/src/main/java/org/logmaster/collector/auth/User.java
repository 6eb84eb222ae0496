package org.logmaster.collector.auth;

import java.time.Instant;

/**
 * A user as stored, without the password hash (so it can be logged and listed safely).
 *
 * @param lockedUntil set while locked out after too many failed logins (may lie in the past)
 */
public record User(long id, String username, Role role, boolean disabled, int failedAttempts,
                   Instant lockedUntil, Instant createdAt, Instant passwordChangedAt) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }
}
