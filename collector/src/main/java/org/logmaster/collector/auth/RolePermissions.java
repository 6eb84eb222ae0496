package org.logmaster.collector.auth;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The permission matrix: the only place that says which role may do what. docs/api.md shows the
 * same table; RolePermissionsTest keeps the two honest by checking the rows named there.
 */
public final class RolePermissions {
    private static final Map<Role, Set<Permission>> MATRIX = new EnumMap<>(Role.class);

    static {
        MATRIX.put(Role.ADMINISTRATOR, EnumSet.allOf(Permission.class));
        // Auditors examine everything and take evidence out, but change nothing.
        MATRIX.put(Role.AUDITOR, EnumSet.of(Permission.SESSION, Permission.LOGS_READ, Permission.DEVICES_READ,
                Permission.AUDIT_READ, Permission.EVIDENCE_EXPORT, Permission.COMPLIANCE_READ,
                Permission.ALERTS_READ));
        // Viewers watch logs (operations staff); the audit trail and exports are not theirs.
        MATRIX.put(Role.VIEWER, EnumSet.of(Permission.SESSION, Permission.LOGS_READ, Permission.DEVICES_READ,
                Permission.COMPLIANCE_READ));
        // Operations staff see and acknowledge alerts; only administrators change the rules.
        MATRIX.get(Role.VIEWER).addAll(EnumSet.of(Permission.ALERTS_READ, Permission.ALERTS_ACKNOWLEDGE));
        MATRIX.replaceAll((role, permissions) -> Collections.unmodifiableSet(permissions));
    }

    private RolePermissions() {}

    public static boolean allows(Role role, Permission permission) {
        return MATRIX.get(role).contains(permission);
    }

    /** Every permission of {@code role}, in declaration order. */
    public static Set<Permission> of(Role role) {
        return MATRIX.get(role);
    }
}
