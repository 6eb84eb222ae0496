package org.logmaster.collector.api;

import io.grpc.Context;
import io.grpc.Status;
import org.logmaster.collector.auth.Principal;

/** What the {@link AccessInterceptor} knows about the current call, for the services. */
public final class CallContext {
    static final Context.Key<Principal> PRINCIPAL = Context.key("logmaster.principal");
    static final Context.Key<AuditNote> AUDIT_NOTE = Context.key("logmaster.audit-note");
    static final Context.Key<String> REMOTE_ADDRESS = Context.key("logmaster.remote-address");

    private CallContext() {}

    /** The caller; only absent in the calls that need no session (login, health). */
    public static Principal principal() {
        Principal principal = PRINCIPAL.get();
        if (principal == null) {
            throw Status.UNAUTHENTICATED.withDescription("no session").asRuntimeException();
        }
        return principal;
    }

    /** The audit note of this call (a throw-away note for calls that are not audited). */
    public static AuditNote audit() {
        AuditNote note = AUDIT_NOTE.get();
        return note != null ? note : new AuditNote();
    }

    /** The client's address as the server sees it ("192.0.2.7:53211"), or "unknown". */
    public static String remoteAddress() {
        String remote = REMOTE_ADDRESS.get();
        return remote != null ? remote : "unknown";
    }
}
