package org.logmaster.collector.auth;

import java.time.Instant;
import java.util.Set;

/**
 * Who an authenticated call is made by: the session's user, their current role (read at every
 * call, so a role change applies at once) and the session.
 *
 * @param sessionId the SHA-256 of the session token (never the token itself)
 */
public record Principal(long userId, String username, Role role, String sessionId, Instant sessionExpiresAt) {

    public boolean may(Permission permission) {
        return RolePermissions.allows(role, permission);
    }

    public Set<Permission> permissions() {
        return RolePermissions.of(role);
    }
}
