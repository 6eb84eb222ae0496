package org.logmaster.collector.auth;

import java.util.Locale;

/** What a user is: the role decides the permissions ({@link RolePermissions}). */
public enum Role {
    ADMINISTRATOR, AUDITOR, VIEWER;

    /** The role named by {@code text} (any case), as stored in the users table. */
    public static Role parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown role '" + text + "' (administrator, auditor, viewer)");
        }
    }
}
