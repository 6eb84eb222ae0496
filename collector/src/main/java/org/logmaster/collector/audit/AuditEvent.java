package org.logmaster.collector.audit;

import java.util.Objects;

/**
 * Something to record in the audit trail, before it gets its place in the chain.
 *
 * @param username      who acted; null when nobody was authenticated
 * @param remoteAddress the client's address, or null for actions of the collector itself
 * @param action        what was done: a full gRPC method name or "collector.&lt;action&gt;"
 * @param target        what it was done to (device id, user name), or null
 * @param outcome       "OK" or the name of the failure (a gRPC status code name)
 * @param details       parameters of the action as text, or null
 */
public record AuditEvent(String username, String remoteAddress, String action, String target,
                         String outcome, String details) {
    public static final String OK = "OK";

    public AuditEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
    }
}
