package org.logmaster.collector.api;

import org.logmaster.collector.auth.Permission;

/**
 * What a gRPC method needs and whether it is audited.
 *
 * @param permission the permission the caller's role must grant; null: no session needed
 * @param audited    whether each call goes to the audit trail
 */
public record MethodPolicy(Permission permission, boolean audited) {
    public static MethodPolicy open() {
        return new MethodPolicy(null, false);
    }

    public boolean needsSession() {
        return permission != null;
    }
}
