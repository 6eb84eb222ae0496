package org.logmaster.console.client;

import java.time.Instant;
import java.util.Set;

import org.logmaster.api.v1.Permission;
import org.logmaster.api.v1.Role;

/**
 * Who the console is logged in as, from {@code AuthService.WhoAmI}. The views enable only the
 * actions whose permission is in {@link #permissions()}, so a viewer never sees a button that
 * the collector would refuse.
 */
public record SessionInfo(String username, Role role, Set<Permission> permissions, Instant expiresAt) {

    /** Not logged in: no permissions at all. */
    public static final SessionInfo NONE = new SessionInfo("", Role.ROLE_UNSPECIFIED, Set.of(), Instant.EPOCH);

    public SessionInfo {
        permissions = Set.copyOf(permissions);
    }

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }

    public boolean loggedIn() {
        return !username.isEmpty();
    }

    /** "administrator", "auditor", "viewer"; empty when not logged in. */
    public String roleLabel() {
        return switch (role) {
            case ROLE_ADMINISTRATOR -> "administrator";
            case ROLE_AUDITOR -> "auditor";
            case ROLE_VIEWER -> "viewer";
            default -> "";
        };
    }
}
